// The dev server's SQLite pragmas: two file-backed Temporal dev servers in one run,
// one on SQLite's defaults (journal_mode=delete, synchronous=full), one with the
// pragmas runtime/dev-server.ts passes (journal_mode=wal, synchronous=normal), each
// with its own worker process. The same short workflows run to completion on each,
// in alternating batches (defaults, pragmas, defaults, …) so the machine's noise hits both.
//
//   BENCH_DEVSERVER_ROUNDS=4 npx tsx bench/devserver.bench.ts
//
// Settings: BENCH_DEVSERVER_ROUNDS (batches on each server, default 6), BENCH_DEVSERVER_BATCH
// (executions per batch, default 40, half no-op, half with one timer), BENCH_DEVSERVER_CONCURRENCY
// (executions in flight, default 16), BENCH_DEVSERVER_TIMER_MS (the timer's duration, default 10).
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { defaultSqlitePragmas, startDevServer } from '../runtime/dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { freePort } from '../test/helpers/ports.ts';
import { noopWorkflow } from '../workflows/noop.ts';
import { cleanUpOnSignal, cpuSeconds, spawnLogged, stop, waitForLine } from './lib/processes.ts';
import { emit, figure, median } from './lib/report.ts';
import { log, pool } from './lib/concurrency.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const setting = (name: string, fallback: number) => Number(process.env[`BENCH_DEVSERVER_${name}`] ?? fallback);
const rounds = setting('ROUNDS', 6);
const batch = setting('BATCH', 40);
const concurrency = Math.min(setting('CONCURRENCY', 16), batch);
const timerMs = setting('TIMER_MS', 10);
if (!(rounds >= 1 && batch >= 2 && concurrency >= 1 && timerMs >= 1)) {
  throw new Error('BENCH_DEVSERVER_ROUNDS ≥ 1, BENCH_DEVSERVER_BATCH ≥ 2, BENCH_DEVSERVER_CONCURRENCY ≥ 1 and BENCH_DEVSERVER_TIMER_MS ≥ 1 are required');
}
const namespace = 'default';
const taskQueue = 'duban-bench-devserver';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** One dev server with its worker, and what ran on it. */
interface Side {
  /** Short name, for logs and directories. */
  name: string;
  label: string;
  pragmas: readonly string[];
  dataDir: string;
  server?: ChildProcess;
  worker?: ChildProcess;
  connection?: Connection;
  client?: Client;
  /** start→result of every measured execution, ms, by kind. */
  latencies: { noop: number[]; timer: number[] };
  /** Wall time of each measured batch, ms. */
  batchMs: number[];
  /** Server CPU seconds over the measured batches. */
  serverCpu: number;
}

/** Runs `count` jobs with at most `limit` in flight. */
/** One batch of `size` on one server: even executions are no-ops, odd ones wait on one durable timer; all awaited to their result. */
async function runBatch(side: Side, name: string, record: boolean, size = batch): Promise<number> {
  const cpuBefore = cpuSeconds(side.server!.pid!) ?? NaN;
  const t0 = performance.now();
  await pool(size, concurrency, async (i) => {
    const waitMs = i % 2 ? timerMs : 0;
    const started = performance.now();
    const result = await side.client!.workflow.execute(noopWorkflow, { taskQueue, workflowId: `${name}-${i}`, args: [waitMs] });
    if (result !== 'done') throw new Error(`${name}-${i} returned ${JSON.stringify(result)}`);
    if (record) side.latencies[waitMs ? 'timer' : 'noop'].push(performance.now() - started);
  });
  const ms = performance.now() - t0;
  if (record) {
    side.batchMs.push(ms);
    side.serverCpu += (cpuSeconds(side.server!.pid!) ?? NaN) - cpuBefore;
  }
  return ms;
}

/** The journal mode the database file says it is in: byte 18 of the header is 2 in WAL mode, 1 in a rollback-journal mode. */
function journalKind(dataDir: string): string {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(path.join(dataDir, 'temporal.db'), 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header[18] === 2 ? 'wal' : header[18] === 1 ? 'rollback journal' : `unknown (${header[18]})`;
}

const rate = (side: Side) => (rounds * batch) / (side.batchMs.reduce((a, b) => a + b, 0) / 1000);
const all = (side: Side) => [...side.latencies.noop, ...side.latencies.timer];
const ms = (xs: number[], p: number) => `${pct(xs, p).toFixed(0)} ms`;
const summary = (side: Side) =>
  `${side.label}: ${rate(side).toFixed(1)} executions/s; no-op p50 ${ms(side.latencies.noop, 50)}, p95 ${ms(side.latencies.noop, 95)}; ` +
  `one timer p50 ${ms(side.latencies.timer, 50)}, p95 ${ms(side.latencies.timer, 95)}; server CPU ${((side.serverCpu / (rounds * batch)) * 1000).toFixed(1)} ms per execution`;

async function main(): Promise<void> {
  let db: TestDatabase | undefined;
  let cleaning: Promise<void> | undefined;
  const sides: Side[] = [];
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const side of sides) await side.connection?.close().catch(() => undefined);
      await Promise.all(sides.map((side) => stop(side.worker)));
      await Promise.all(sides.map((side) => stop(side.server)));
      await db?.dispose().catch(() => undefined);
    })());
  const releaseSignals = cleanUpOnSignal(cleanUp, log);

  const loadBefore = os.loadavg()[0]!;
  try {
    // The worker needs a read model to start; these workflows never touch it.
    db = await createTestDatabase();
    const filesystem = execFileSync('df', ['--output=fstype', db.dataDir], { encoding: 'utf8' }).trim().split('\n').pop();
    for (const [dir, label, pragmas] of [
      ['defaults', 'SQLite defaults', []],
      ['pragmas', defaultSqlitePragmas.join(', '), defaultSqlitePragmas],
    ] as const) {
      const dataDir = path.join(db.dataDir, dir);
      fs.mkdirSync(dataDir);
      sides.push({ name: dir, label, pragmas, dataDir, latencies: { noop: [], timer: [] }, batchMs: [], serverCpu: 0 });
    }
    for (const side of sides) {
      const [port, uiPort] = [await freePort(), await freePort()];
      side.server = await startDevServer({ dataDir: side.dataDir, port, uiPort, namespace, sqlitePragmas: side.pragmas });
      const address = `127.0.0.1:${port}`;
      log(`${side.label}: dev server on ${address}, data in ${side.dataDir}`);
      side.worker = spawnLogged(`worker, ${side.name}`, process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
        cwd: root,
        env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: db.url, DUBAN_DATA_DIR: db.dataDir, DUBAN_TASK_QUEUE: taskQueue, SMTP_URL: '' },
      });
      side.connection = await Connection.connect({ address });
      side.client = new Client({ connection: side.connection, namespace });
    }
    await Promise.all(sides.map((side) => waitForLine(side.worker!, /^worker: polling/, 180_000)));

    // Warm-up: each worker's first workflow tasks, each server's caches, each client's channel.
    for (const side of sides) log(`${side.label}: warm-up batch ${(await runBatch(side, 'warmup', false, concurrency)).toFixed(0)} ms`);

    const roundRatios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const [defaults, pragmas] = [await runBatch(sides[0]!, `r${round}`, true), await runBatch(sides[1]!, `r${round}`, true)];
      roundRatios.push(defaults / pragmas);
      log(`round ${round}/${rounds}: defaults ${defaults.toFixed(0)} ms, pragmas ${pragmas.toFixed(0)} ms for ${batch} executions`);
    }

    const [defaults, pragmas] = sides as [Side, Side];
    const journals = sides.map((side) => journalKind(side.dataDir));
    if (journals[0] !== 'rollback journal' || journals[1] !== 'wal') throw new Error(`the database files are in journal modes ${journals.join(' and ')}, not rollback journal and wal`);
    const wal = sides.map((side) => fs.existsSync(path.join(side.dataDir, 'temporal.db-wal')));
    const ref = (label: string, value: number, unit: string) => ({ label: `SQLite defaults: ${label}`, value, unit });
    const loadAfter = os.loadavg()[0]!;
    const faster = rate(pragmas) >= rate(defaults) ? 'the pragmas were faster' : 'SQLite’s defaults were faster';

    emit({
      name: 'devserver',
      title: `Dev server SQLite pragmas: ${rounds} alternating batches of ${batch} short workflows on each of two file-backed dev servers, ${concurrency} in flight`,
      command: `BENCH_DEVSERVER_ROUNDS=${rounds} BENCH_DEVSERVER_BATCH=${batch} BENCH_DEVSERVER_CONCURRENCY=${concurrency} BENCH_DEVSERVER_TIMER_MS=${timerMs} npx tsx bench/devserver.bench.ts`,
      figures: [
        figure(`executions/s with ${pragmas.label}`, rate(pragmas), 'executions/s', ref('executions/s', rate(defaults), 'executions/s'), '× the defaults’ rate'),
        figure('per round: median of (defaults’ batch time ÷ pragmas’ batch time)', median(roundRatios), '×'),
        figure(`start→result p50 with ${pragmas.label}`, pct(all(pragmas), 50), 'ms', ref('p50', pct(all(defaults), 50), 'ms'), '× the defaults’ p50'),
        figure(`start→result p95 with ${pragmas.label}`, pct(all(pragmas), 95), 'ms', ref('p95', pct(all(defaults), 95), 'ms'), '× the defaults’ p95'),
      ],
      notes: [
        `Measured: on each server, ${rounds} × ${batch} executions of noopWorkflow by a client (\`workflow.execute\`, start and wait for the result, ${concurrency} in flight), run to completion by a worker process (\`node --import tsx worker/main.ts\`) polling that server; ` +
          `half are noopWorkflow(0) (start, one workflow task, complete), half noopWorkflow(${timerMs}) (one durable timer: a second workflow task). Batches alternate defaults, pragmas, defaults, …, after an unmeasured warm-up of ${concurrency} executions on each.`,
        `Executions/s = executions ÷ the summed wall time of that server's batches (first start called → last result returned). Latency is start call → result, per execution. In this run ${faster}.`,
        `${summary(defaults)}. ${summary(pragmas)}.`,
        `Per round, defaults’ batch time ÷ pragmas’ (above 1: the pragmas were faster): ${roundRatios.map((r) => r.toFixed(2)).join(', ')}.`,
        `Servers: \`temporal server start-dev --db-filename <dir>/temporal.db\` (runtime/dev-server.ts), one with no \`--sqlite-pragma\`, one with \`${defaultSqlitePragmas.map((p) => `--sqlite-pragma ${p}`).join(' ')}\`, ` +
          `data on ${filesystem} (fsync reaches the disk). Checked after the run: the database headers say ${journals.join(' and ')}, a -wal file ${wal[1] ? 'exists' : 'does not exist'} beside the second${wal[0] ? ' and, unexpectedly, the first' : ''}; synchronous cannot be read from the file.`,
        `Load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${os.cpus().length} CPUs: other work on the machine shares them, both servers and workers stay up throughout.`,
      ],
    });
  } finally {
    await cleanUp();
    releaseSignals();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
