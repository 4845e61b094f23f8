// The worker's workflow cache (maxCachedWorkflows) against its memory and throughput:
// BENCH_COPIES copies of the seed (35 task workflows each, 3,500 by default) are imported
// once on a file-backed dev server by a worker with the SDK's default cache; then, for
// each size in BENCH_CACHE_SIZES, a fresh worker process with that cache size answers
// a query on every open task workflow, twice over in random order (BENCH_QUERY_CONCURRENCY
// in flight). A query on a workflow the worker does not hold replays its history into
// the cache (evicting another when full), exactly as a timer, an urge or a report would.
//
//   BENCH_COPIES=100 BENCH_CACHE_SIZES=250,500,1000,2000,sdk npx tsx bench/cache.bench.ts
//
// Figures: each size's worker max RSS and queries/s beside the SDK default's, same run.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import { validateDraft } from '../services/plans/validate-draft.ts';
import { parseNotice } from '../domain/plan/parse.ts';
import { defaultMaxCachedWorkflows } from '../runtime/config.ts';
import { startDevServer } from '../runtime/dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { freePort } from '../test/helpers/ports.ts';
import { taskQuery } from '../workflows/task.ts';
import { seedText } from './lib/notice.ts';
import { ActivityFailures, cleanUpOnSignal, MemorySampler, spawnLogged, stop, waitForLine } from './lib/processes.ts';
import { emit, figure, type Figure } from './lib/report.ts';
import { log, pool, sleep } from './lib/concurrency.ts';
import { taskWorkflowTypes, workflowTypeIn } from '../domain/supervision/task-workflow-type.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const copies = Number(process.env.BENCH_COPIES ?? 100);
const concurrency = Number(process.env.BENCH_QUERY_CONCURRENCY ?? 16);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 30) * 60_000;
/** What the SDK (1.x, reuseV8Context) picks when the option is unset: max(floor((heap limit − 200 MB) × 600 / 1024 MB), 10). */
const sdkDefault = Math.max(Math.floor(((v8.getHeapStatistics().heap_size_limit / 2 ** 20 - 200) * 600) / 1024), 10);
const sizes = (process.env.BENCH_CACHE_SIZES ?? `250,500,${defaultMaxCachedWorkflows},2000,sdk`)
  .split(',')
  .map((s) => (s.trim() === 'sdk' ? sdkDefault : Number(s)));
if (!(copies >= 1 && concurrency >= 1) || sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('BENCH_COPIES, BENCH_QUERY_CONCURRENCY ≥ 1; BENCH_CACHE_SIZES: whole numbers ≥ 2 or "sdk"');
const namespace = 'default';
const taskQueue = 'duban-bench-cache';


async function until(what: () => string, check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  let lastLog = performance.now();
  while (performance.now() < deadline) {
    if (await check()) return true;
    if (performance.now() - lastLog > 10_000) {
      log(`waiting: ${what()}`);
      lastLog = performance.now();
    }
    await sleep(500);
  }
  return false;
}

const shuffled = <T>(xs: T[]): T[] => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

interface Point {
  size: number;
  idleMb: number;
  maxMb: number;
  /** Queries/s of each pass over every workflow. */
  rates: number[];
  cpuSeconds: number;
}

async function main(): Promise<void> {
  let db: TestDatabase | undefined;
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let connection: Connection | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await connection?.close().catch(() => undefined);
      await stop(worker);
      await stop(server);
      await db?.dispose().catch(() => undefined);
    })());
  const releaseSignals = cleanUpOnSignal(cleanUp, log);
  const failures = new ActivityFailures();
  const loads: number[] = [os.loadavg()[0]!];
  try {
    db = await createTestDatabase();
    const [port, uiPort] = [await freePort(), await freePort()];
    const address = `127.0.0.1:${port}`;
    server = await startDevServer({ dataDir: db.dataDir, port, uiPort, namespace });
    const startWorker = async (size: number) => {
      const child = spawnLogged(
        `worker ${size}`,
        process.execPath,
        ['--import', 'tsx', 'worker/main.ts'],
        {
          cwd: root,
          env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: db!.url, DUBAN_DATA_DIR: db!.dataDir, DUBAN_TASK_QUEUE: taskQueue, SMTP_URL: '', DUBAN_WORKER_MAX_CACHED_WORKFLOWS: String(size) },
        },
        failures.keep,
      );
      await waitForLine(child, /^worker: polling/, 180_000);
      return child;
    };
    connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace });

    // The import, once, by a worker with the SDK's default cache.
    worker = await startWorker(sdkDefault);
    const importSampler = new MemorySampler({ worker: worker.pid! });
    importSampler.start();
    const sourceText = seedText();
    const parsed = parseNotice(sourceText);
    const drafts: PlanDraft[] = Array.from({ length: copies }, (_, i) => ({ ...parsed, title: `${parsed.title} #${i + 1}`, sourceText, timeline: 'historic' }));
    drafts.forEach(validateDraft);
    const total = copies * parsed.tasks.length;
    log(`importing ${copies} copies (${total} task workflows), worker caching up to ${sdkDefault} (the SDK default)`);
    const t0 = performance.now();
    await pool(drafts.length, 8, (i) => commitPlan({ prisma: db!.prisma, temporal: client, taskQueue, dataDir: db!.dataDir }, drafts[i]!));
    let projected = 0;
    const consistent = await until(() => `${projected}/${total} projected`, async () => (projected = await db!.prisma.task.count({ where: { projectedAt: { not: null } } })) === total, timeoutMs);
    if (!consistent) throw new Error(`read model not consistent: ${projected}/${total}`);
    const importSeconds = (performance.now() - t0) / 1000;
    await importSampler.sample();
    importSampler.stop();
    const importMaxMb = importSampler.max.get('worker') ?? NaN;
    log(`imported and projected in ${importSeconds.toFixed(0)} s; worker max RSS ${importMaxMb.toFixed(0)} MB`);
    await stop(worker);
    loads.push(os.loadavg()[0]!);

    // Task rows are keyed by their workflow's id (workflows/task.ts taskWorkflowId).
    const ids = (await db.prisma.task.findMany({ select: { id: true } })).map((t) => t.id);
    const open = (await client.workflow.count(`${workflowTypeIn(taskWorkflowTypes)} AND ExecutionStatus = 'Running'`)).count;
    const points: Point[] = [];
    for (const size of sizes) {
      worker = await startWorker(size);
      const sampler = new MemorySampler({ worker: worker.pid! });
      await sleep(2_000);
      await sampler.sample();
      const idleMb = sampler.last.get('worker') ?? NaN;
      sampler.start();
      sampler.phase = 'queries';
      const rates: number[] = [];
      for (let pass = 1; pass <= 2; pass++) {
        const order = shuffled(ids);
        const started = performance.now();
        await pool(order.length, concurrency, async (i) => {
          const snapshot = await client.workflow.getHandle(order[i]!).query(taskQuery);
          if (!snapshot) throw new Error(`no snapshot for ${order[i]}`);
        });
        rates.push(order.length / ((performance.now() - started) / 1000));
        log(`cache ${size}: pass ${pass} ${rates.at(-1)!.toFixed(1)} queries/s, RSS now ${sampler.last.get('worker')?.toFixed(0)} MB`);
      }
      sampler.phase = 'end';
      await sampler.sample();
      sampler.stop();
      points.push({ size, idleMb, maxMb: sampler.max.get('worker') ?? NaN, rates, cpuSeconds: sampler.cpuByPhase.get('worker/queries') ?? NaN });
      await stop(worker);
      worker = undefined;
      loads.push(os.loadavg()[0]!);
    }

    const sdk = points.find((p) => p.size === sdkDefault);
    const figures: Figure[] = [figure(`worker max RSS during the import of ${total} task workflows and their projection (SDK default cache, ${sdkDefault})`, importMaxMb, 'MB')];
    for (const p of points) {
      const tag = p.size === sdkDefault ? ' (SDK default)' : p.size === defaultMaxCachedWorkflows ? ' (Duban default)' : '';
      const ref = (label: string, value: number, unit: string) => (sdk && p !== sdk ? { label: `SDK default ${sdkDefault}: ${label}`, value, unit } : undefined);
      figures.push(
        figure(`maxCachedWorkflows ${p.size}${tag}: worker max RSS, ${open} open task workflows queried twice`, p.maxMb, 'MB', ref('max RSS', sdk?.maxMb ?? NaN, 'MB'), '× the SDK default'),
        figure(`maxCachedWorkflows ${p.size}: queries/s, second pass (random order)`, p.rates[1]!, 'queries/s', ref('queries/s, second pass', sdk?.rates[1] ?? NaN, 'queries/s'), '× the SDK default'),
      );
    }
    const curve = [
      '| maxCachedWorkflows | worker RSS idle (MB) | worker max RSS (MB) | queries/s, pass 1 | queries/s, pass 2 | worker CPU s, both passes |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      ...points.map((p) => `| ${p.size}${p.size === sdkDefault ? ' (SDK default)' : p.size === defaultMaxCachedWorkflows ? ' (Duban default)' : ''} | ${p.idleMb.toFixed(0)} | ${p.maxMb.toFixed(0)} | ${p.rates[0]!.toFixed(1)} | ${p.rates[1]!.toFixed(1)} | ${p.cpuSeconds.toFixed(1)} |`),
    ];
    emit({
      name: 'cache',
      title: `Worker cache: maxCachedWorkflows against worker RSS and throughput, ${open} open task workflows`,
      command: `BENCH_COPIES=${copies} BENCH_CACHE_SIZES=${sizes.join(',')} BENCH_QUERY_CONCURRENCY=${concurrency} npx tsx bench/cache.bench.ts`,
      figures,
      notes: [
        `Setup: dev server (runtime/dev-server.ts) on a temp file; ${copies} copies of the seed imported by commitPlan (import workflows starting ${total} task workflows, historic timeline) and projected in ${importSeconds.toFixed(0)} s by one worker with the SDK's default cache (${sdkDefault} here: max(floor((heap limit − 200 MB) × 600 / 1024 MB), 10), heap limit ${(v8.getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MB).`,
        `Then, per size, a fresh worker process (\`DUBAN_WORKER_MAX_CACHED_WORKFLOWS=<size> node --import tsx worker/main.ts\`) answers the \`task\` query on each of the ${ids.length} task workflows, in random order, ${concurrency} in flight, twice over; a workflow not in the cache is replayed from its history (and evicts the least recently used when the cache is full). RSS by \`ps\` every 500 ms.`,
        `The curve:\n\n${curve.map((line) => `  ${line}`).join('\n')}\n`,
        `Worker activity failures: ${failures.summary()}.`,
        `Load average (1 min) at the start, after the import and after each size: ${loads.map((l) => l.toFixed(2)).join(', ')}, on ${os.cpus().length} CPUs shared with other work.`,
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
