// The same import on two Temporal servers in one run: the dev server (`temporal server
// start-dev`, SQLite file) and the official server (go.temporal.io/server, built by
// scripts/temporal-server.sh) on PostgreSQL with 4 history shards. On each, with its own
// worker process and read model: as many no-op workflows as tasks (the reference), then
// BENCH_COPIES copies of the seed imported by commitPlan (import workflows starting the
// task workflows through an activity). Start rates are read from the server (each workflow's
// start time), so the no-ops and the tasks are timed the same way.
//
//   BENCH_COPIES=100 npx tsx bench/cluster.bench.ts     (npm run bench -- cluster)
//
// Settings: BENCH_COPIES (default 100: 3,500 tasks), BENCH_CONCURRENCY (no-op starts and
// plans in flight, default 32), BENCH_TIMEOUT_MIN (longest wait for each phase, default 30),
// BENCH_CLUSTER_SERVERS (dev,postgres by default; one of them to run it alone), BENCH_WORKER_CPU_PROF
// (a directory: each worker runs with --cpu-prof and writes its threads' profiles there on exit).
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import { validateDraft } from '../services/plans/validate-draft.ts';
import { parseNotice } from '../domain/plan/parse.ts';
import { startDevServer } from '../runtime/dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { freePort } from '../test/helpers/ports.ts';
import { historyShards, startPostgresTemporal, type PostgresTemporal } from '../test/helpers/temporal-postgres.ts';
import { noopWorkflow } from '../workflows/noop.ts';
import { seedText } from './lib/notice.ts';
import { ActivityFailures, cleanUpOnSignal, MemorySampler, spawnLogged, stop, waitForLine } from './lib/processes.ts';
import { emit, figure, type Figure } from './lib/report.ts';
import { serverStartSpan, type StartSpan } from './lib/starts.ts';
import { log, pool, sleep } from './lib/concurrency.ts';
import { taskWorkflowTypes, workflowTypeIn } from '../domain/supervision/task-workflow-type.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const copies = Number(process.env.BENCH_COPIES ?? 100);
const concurrency = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 32), copies * 35);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 30) * 60_000;
const servers = (process.env.BENCH_CLUSTER_SERVERS ?? 'dev,postgres').split(',').map((s) => s.trim()) as Array<'dev' | 'postgres'>;
if (!(copies >= 1 && concurrency >= 1) || servers.some((s) => s !== 'dev' && s !== 'postgres')) throw new Error('BENCH_COPIES, BENCH_CONCURRENCY ≥ 1; BENCH_CLUSTER_SERVERS: dev, postgres');
const namespace = 'default';
const taskQueue = 'duban-bench-cluster';


/** Polls until `check` holds; the instant it first did (performance.now()), or null after the timeout. */
async function until(what: () => string, check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  const deadline = performance.now() + limitMs;
  let lastLog = performance.now();
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    if (performance.now() - lastLog > 10_000) {
      log(`waiting: ${what()}`);
      lastLog = performance.now();
    }
    await sleep(500);
  }
  return null;
}

interface Outcome {
  server: 'dev' | 'postgres';
  label: string;
  noop: StartSpan;
  /** First no-op start call → every no-op completed, s. */
  noopDoneS: number;
  tasks: StartSpan;
  /** First commitPlan call → every Task row projected, s. */
  consistentS: number;
  workerMaxMb: number;
  serverMaxMb: number;
  load: [number, number];
  failures: string;
}

async function runOn(kind: 'dev' | 'postgres', cleanups: Array<() => Promise<unknown>>): Promise<Outcome> {
  const load0 = os.loadavg()[0]!;
  const db: TestDatabase = await createTestDatabase();
  cleanups.push(() => db.dispose());
  let address: string;
  let serverPid: number;
  let label: string;
  if (kind === 'dev') {
    const [port, uiPort] = [await freePort(), await freePort()];
    const server: ChildProcess = await startDevServer({ dataDir: db.dataDir, port, uiPort, namespace });
    cleanups.push(() => stop(server));
    address = `127.0.0.1:${port}`;
    serverPid = server.pid!;
    label = 'dev server (`temporal server start-dev`, SQLite file, WAL)';
  } else {
    const server: PostgresTemporal = await startPostgresTemporal(namespace);
    cleanups.push(() => server.stop());
    address = server.address;
    serverPid = server.pid();
    label = `go.temporal.io/server ${server.version} on PostgreSQL (Debian's), ${historyShards} history shards, one process`;
  }
  log(`${kind}: ${label} on ${address}`);
  const failures = new ActivityFailures();
  const worker = spawnLogged(
    `worker ${kind}`,
    process.execPath,
    [...(process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROF}`] : []), '--import', 'tsx', 'worker/main.ts'],
    { cwd: root, env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: db.url, DUBAN_DATA_DIR: db.dataDir, DUBAN_TASK_QUEUE: taskQueue, SMTP_URL: '' } },
    failures.keep,
  );
  cleanups.push(() => stop(worker));
  await waitForLine(worker, /^worker: polling/, 180_000);
  const connection = await Connection.connect({ address });
  cleanups.push(() => connection.close());
  const client = new Client({ connection, namespace });
  const sampler = new MemorySampler({ worker: worker.pid!, server: serverPid });
  sampler.start();

  const sourceText = seedText();
  const parsed = parseNotice(sourceText);
  const total = copies * parsed.tasks.length;
  const running = async (type: string) => (await client.workflow.count(`WorkflowType = '${type}' AND ExecutionStatus = 'Running'`)).count;

  // Warm-up, then the reference: as many no-ops as tasks, same client and concurrency.
  await pool(4 * concurrency, concurrency, (i) => client.workflow.start(noopWorkflow, { taskQueue, workflowId: `warmup-${i}`, args: [0] }));
  await until(() => 'warm-up', async () => (await running('noopWorkflow')) === 0, 120_000);
  log(`${kind}: ${total} no-ops, ${concurrency} in flight`);
  const noopStart = performance.now();
  await pool(total, concurrency, (i) => client.workflow.start(noopWorkflow, { taskQueue, workflowId: `noop-${i}`, args: [0] }));
  const noopDone = await until(() => `${kind}: no-ops to complete`, async () => (await running('noopWorkflow')) === 0, timeoutMs);
  if (noopDone === null) throw new Error(`${kind}: the no-ops did not complete`);
  const noop = await serverStartSpan(client, `WorkflowType = 'noopWorkflow' AND WorkflowId STARTS_WITH 'noop-'`);

  // The figure: the seed imported `copies` times.
  const drafts: PlanDraft[] = Array.from({ length: copies }, (_, i) => ({ ...parsed, title: `${parsed.title} #${i + 1}`, sourceText, timeline: 'historic' }));
  drafts.forEach(validateDraft);
  log(`${kind}: importing ${copies} copies (${total} task workflows), ${concurrency} plans in flight`);
  const importStart = performance.now();
  await pool(drafts.length, concurrency, (i) => commitPlan({ prisma: db.prisma, temporal: client, taskQueue, dataDir: db.dataDir }, drafts[i]!));
  let projected = 0;
  const consistent = await until(() => `${kind}: ${projected}/${total} projected`, async () => (projected = await db.prisma.task.count({ where: { projectedAt: { not: null } } })) === total, timeoutMs);
  if (consistent === null) throw new Error(`${kind}: read model not consistent: ${projected}/${total}`);
  const tasks = await serverStartSpan(client, workflowTypeIn(taskWorkflowTypes));
  if (tasks.count !== total) throw new Error(`${kind}: ${tasks.count} task workflows on the server, expected ${total}`);
  await sampler.sample();
  sampler.stop();
  const outcome: Outcome = {
    server: kind,
    label,
    noop,
    noopDoneS: (noopDone - noopStart) / 1000,
    tasks,
    consistentS: (consistent - importStart) / 1000,
    workerMaxMb: sampler.max.get('worker') ?? NaN,
    serverMaxMb: sampler.max.get('server') ?? NaN,
    load: [load0, os.loadavg()[0]!],
    failures: failures.summary(),
  };
  log(`${kind}: no-ops ${noop.rate.toFixed(1)}/s, done in ${outcome.noopDoneS.toFixed(0)} s; tasks ${tasks.rate.toFixed(1)}/s, consistent in ${outcome.consistentS.toFixed(0)} s`);
  // This server's processes go before the next server's start: the two never share the machine.
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  return outcome;
}

async function main(): Promise<void> {
  const cleanups: Array<() => Promise<unknown>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
    })());
  const releaseSignals = cleanUpOnSignal(cleanUp, log);
  try {
    const outcomes: Outcome[] = [];
    for (const kind of servers) outcomes.push(await runOn(kind, cleanups));
    const total = copies * 35;
    const dev = outcomes.find((o) => o.server === 'dev');
    const figures: Figure[] = [];
    for (const o of outcomes) {
      const name = o.server === 'dev' ? 'dev server' : 'PostgreSQL server';
      figures.push(
        figure(`${name}: task workflows started per second (import workflows)`, o.tasks.rate, 'starts/s', { label: `${name}: noopWorkflow(0) starts/s`, value: o.noop.rate, unit: 'starts/s' }, 'of the no-op rate'),
        figure(`${name}: read model consistent, first commitPlan call → all ${total} Task rows projected`, o.consistentS, 's', { label: `${name}: no-ops, first start → all completed`, value: o.noopDoneS, unit: 's' }, '× the no-op time'),
      );
    }
    const pg = outcomes.find((o) => o.server === 'postgres');
    if (dev && pg) {
      figures.push(
        figure('PostgreSQL server: task starts/s', pg.tasks.rate, 'starts/s', { label: 'dev server: task starts/s', value: dev.tasks.rate, unit: 'starts/s' }, '× the dev server'),
        figure('PostgreSQL server: read model consistent', pg.consistentS, 's', { label: 'dev server: read model consistent', value: dev.consistentS, unit: 's' }, '× the dev server'),
      );
    }
    for (const o of outcomes) figures.push(figure(`${o.server}: worker max RSS`, o.workerMaxMb, 'MB'), figure(`${o.server}: Temporal server max RSS`, o.serverMaxMb, 'MB'));
    emit({
      name: 'cluster',
      title: `The same ${total}-task import on the dev server and on the official Temporal server on PostgreSQL`,
      command: `BENCH_COPIES=${copies} BENCH_CONCURRENCY=${concurrency} BENCH_CLUSTER_SERVERS=${servers.join(',')} npx tsx bench/cluster.bench.ts`,
      figures,
      notes: [
        ...outcomes.map(
          (o) =>
            `${o.label}: no-ops ${o.noop.count} started in ${o.noop.spanS.toFixed(1)} s, all done ${o.noopDoneS.toFixed(1)} s after the first start; ` +
            `tasks ${o.tasks.count} started in ${o.tasks.spanS.toFixed(1)} s (server start times), read model consistent ${o.consistentS.toFixed(1)} s after the first commitPlan call; ` +
            `worker activity failures: ${o.failures}; load average (1 min) ${o.load[0].toFixed(2)} before, ${o.load[1].toFixed(2)} after.`,
        ),
        `Each server runs alone, one after the other, with its own worker process (\`node --import tsx worker/main.ts\`, default options) and a fresh SQLite read model; the PostgreSQL server is \`temporal-server --config-file … start\` (all four services in one process) on a private PostgreSQL cluster (fsync off, as the tests' clusters), its schema set up by \`temporal-sql-tool\` (setup-schema 0.0, update-schema from the module's schema/postgresql/v12), namespace registered through the frontend.`,
        `Start rate = workflows ÷ (last server start time − first), read by a visibility query (StartTime of each execution), the same way for the no-ops (started by the client, ${concurrency} in flight) and the tasks (started by the ${copies} import workflows through their activity, 16 in flight each, ${concurrency} plans committed at once).`,
        `Machine: ${os.cpus().length} CPUs shared with other developers' work; compare ratios within this run.`,
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
