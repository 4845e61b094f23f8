// Importing many plans: BENCH_COPIES copies of the seed (35 tasks each) are
// committed with commitPlan against a fresh Temporal dev server (file-backed,
// WAL) and a real worker process. Reported next to no-op workflows started on
// the same server, by the same client, with the same concurrency, in the same run.
//
//   BENCH_COPIES=5 npx tsx bench/workflows.bench.ts
//
// Settings: BENCH_COPIES (default 100), BENCH_CONCURRENCY (starts in flight, default 32),
// BENCH_TIMEOUT_MIN (longest wait for the read model, default 30), BENCH_DIAG_COPIES (copies
// started on a queue no worker polls, to tell the start's own cost from the load of running, default 10).
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type WorkflowClientInterceptor } from '@temporalio/client';
import { commitPlan, planId, type PlanDraft } from '../services/plans/commit.ts';
import { loadRegistry } from '../services/plans/registry.ts';
import { validateDraft } from '../services/plans/validate-draft.ts';
import { parseNotice } from '../domain/plan/parse.ts';
import { layOutPlan } from '../domain/supervision/plan.ts';
import { shanghaiDate } from '../domain/time/instants.ts';
import { startDevServer } from '../runtime/dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { freePort } from '../test/helpers/ports.ts';
import { noopWorkflow } from '../workflows/noop.ts';
import { taskWorkflowV2, taskWorkflowId } from '../workflows/task.ts';
import { seedText } from './lib/notice.ts';
import { ActivityFailures, cleanUpOnSignal, MemorySampler, spawnLogged, stop, waitForLine } from './lib/processes.ts';
import { emit, figure, median, type Figure } from './lib/report.ts';
import { serverStartSpan } from './lib/starts.ts';
import { taskWorkflowTypes, workflowTypeIn } from '../domain/supervision/task-workflow-type.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const copies = Number(process.env.BENCH_COPIES ?? 100);
// Never more in flight than there are plans: commitPlan starts one plan's tasks one after another.
const concurrency = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 32), copies);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 30) * 60_000;
const namespace = 'default';
const taskQueue = 'duban-bench';
if (!(copies >= 1 && concurrency >= 1)) throw new Error('BENCH_COPIES and BENCH_CONCURRENCY must be positive numbers');

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => ms / 1000;

/** Start calls of one phase, as the client sees them: first call, last return, latencies, most in flight. */
class StartPhase {
  calls = 0;
  first = Infinity;
  last = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly latencies: number[] = [];
  /** Start latency summed per plan (workflow ids are task:<planId>:<ref>). */
  readonly perPlan = new Map<string, number>();
  /** Size of the start arguments as JSON, summed. */
  argBytes = 0;
  get spanMs() {
    return this.last - this.first;
  }
  get rate() {
    return this.calls / seconds(this.spanMs);
  }
}

let phase = new StartPhase();
const recorder: WorkflowClientInterceptor = {
  async startWithDetails(input, next) {
    const p = phase;
    const t0 = performance.now();
    p.calls++;
    p.argBytes += Buffer.byteLength(JSON.stringify(input.options.args ?? []));
    p.first = Math.min(p.first, t0);
    p.maxInFlight = Math.max(p.maxInFlight, ++p.inFlight);
    try {
      return await next(input);
    } finally {
      const t1 = performance.now();
      p.inFlight--;
      p.last = Math.max(p.last, t1);
      p.latencies.push(t1 - t0);
      const plan = /^task:([^:]+):/.exec(input.options.workflowId)?.[1];
      if (plan) p.perPlan.set(plan, (p.perPlan.get(plan) ?? 0) + (t1 - t0));
    }
  },
};

/** Runs `count` jobs with at most `limit` in flight. */
async function pool(count: number, limit: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}

/** Polls until `check` returns true; the time it first did, or null after the timeout. */
async function until(what: string | (() => string), check: () => Promise<boolean>, limitMs: number, everyMs = 250): Promise<number | null> {
  const deadline = performance.now() + limitMs;
  let lastLog = performance.now();
  while (performance.now() < deadline) {
    if (await check()) return performance.now();
    if (performance.now() - lastLog > 10_000) {
      log(`waiting: ${typeof what === 'string' ? what : what()}`);
      lastLog = performance.now();
    }
    await sleep(everyMs);
  }
  return null;
}

async function startNoops(client: Client, prefix: string, count: number, limit = concurrency, queue = taskQueue): Promise<StartPhase> {
  phase = new StartPhase();
  await pool(count, limit, (i) => client.workflow.start(noopWorkflow, { taskQueue: queue, workflowId: `${prefix}-${i}`, args: [0] }));
  return phase;
}

/** SQLite refusing a write because another process writes (the worker's activities). */
const isBusy = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  return /^SQLITE_BUSY/.test(code ?? '') || code === 'P1008' || /database is locked|timed out/i.test(message ?? '');
};

/** commitPlan attempts refused by SQLite and tried again, by error code. */
const commitRetries = new Map<string, number>();

/**
 * commitPlan, tried again when SQLite refuses its transaction (it rolls back whole, and
 * commitPlan is idempotent: importing again is its documented mend). A caller of the API would do the same.
 */
async function commitWithRetry(deps: Parameters<typeof commitPlan>[0], draft: PlanDraft) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitPlan(deps, draft);
    } catch (error) {
      if (!isBusy(error) || attempt >= 20) throw error;
      const code = (error as { code?: string }).code ?? 'busy';
      commitRetries.set(code, (commitRetries.get(code) ?? 0) + 1);
      await sleep(50 + Math.random() * 200);
    }
  }
}

/** Imports the drafts with commitPlan, `limit` plans in flight; the start phase and each plan's commitPlan time (ms, by plan id). */
async function importPlans(client: Client, { prisma, dataDir }: TestDatabase, drafts: PlanDraft[], limit: number, queue: string, tasksPerCopy: number) {
  phase = new StartPhase();
  const starts = phase;
  const commitMs = new Map<string, number>();
  await pool(drafts.length, limit, async (i) => {
    const t0 = performance.now();
    const result = await commitWithRetry({ prisma, temporal: client, taskQueue: queue, dataDir }, drafts[i]!);
    commitMs.set(result.planId, performance.now() - t0);
    if (result.tasks !== tasksPerCopy) throw new Error(`copy ${i + 1}: ${JSON.stringify(result)}`);
  });
  // What commitPlan spends besides its start calls: registry, layout, the SQLite transaction.
  const besides = [...commitMs].map(([plan, ms]) => ms - (starts.perPlan.get(plan) ?? 0));
  return { starts, commitMs: [...commitMs.values()], besides };
}

const copyDrafts = (count: number, suffix: (i: number) => string): PlanDraft[] => {
  const sourceText = seedText();
  const parsed = parseNotice(sourceText);
  const drafts: PlanDraft[] = Array.from({ length: count }, (_, i) => ({ ...parsed, title: `${parsed.title} ${suffix(i)}`, sourceText, timeline: 'historic' }));
  drafts.forEach(validateDraft);
  return drafts;
};

async function noopsRunning(client: Client): Promise<number> {
  const { count } = await client.workflow.count(`WorkflowType = 'noopWorkflow' AND ExecutionStatus = 'Running'`);
  return count;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const latencyText = (p: StartPhase) =>
  `p50 ${median(p.latencies).toFixed(1)} ms, p95 ${pct(p.latencies, 95).toFixed(1)} ms, most in flight ${p.maxInFlight}, arguments ${(p.argBytes / p.calls).toFixed(0)} B of JSON per start`;

async function main(): Promise<void> {
  let db: TestDatabase | undefined;
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let connection: Connection | undefined;
  let sampler: MemorySampler | undefined;
  let cleaning: Promise<void> | undefined;
  let stopping = false;
  const failures = new ActivityFailures();
  const serverErrors = new Map<string, number>();
  const cleanUp = () =>
    (cleaning ??= (async () => {
      stopping = true;
      sampler?.stop();
      await connection?.close().catch(() => undefined);
      await stop(worker);
      await stop(server);
      await db?.dispose().catch(() => undefined);
    })());
  const releaseSignals = cleanUpOnSignal(cleanUp, log);

  const loadBefore = os.loadavg()[0]!;
  try {
    // The read model (migrated, with reference data) and the dev server share one temp dir.
    db = await createTestDatabase();
    const [port, uiPort] = [await freePort(), await freePort()];
    const address = `127.0.0.1:${port}`;
    server = await startDevServer({ dataDir: db.dataDir, port, uiPort, namespace });
    for (const stream of [server.stdout!, server.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        const msg = /level=ERROR msg="([^"]+)".*?error="([^"]+)"/.exec(line);
        if (msg && !stopping) serverErrors.set(`${msg[1]} (${msg[2]})`, (serverErrors.get(`${msg[1]} (${msg[2]})`) ?? 0) + 1);
      });
    }
    log(`dev server on ${address}, data in ${db.dataDir}`);

    worker = spawnLogged(
      'worker',
      process.execPath,
      ['--import', 'tsx', 'worker/main.ts'],
      {
        cwd: root,
        env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, DATABASE_URL: db.url, DUBAN_DATA_DIR: db.dataDir, DUBAN_TASK_QUEUE: taskQueue, SMTP_URL: '' },
      },
      failures.keep,
    );
    await waitForLine(worker, /^worker: polling/, 180_000);
    sampler = new MemorySampler({ worker: worker.pid!, server: server.pid!, bench: process.pid });
    sampler.start();

    connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace, interceptors: { workflow: [recorder] } });

    const tasksPerCopy = parseNotice(seedText()).tasks.length;
    const total = copies * tasksPerCopy;

    // Warm-up: the worker's first workflow tasks, the server's caches, the client's channel.
    sampler.phase = 'warm-up';
    await startNoops(client, 'warmup', Math.min(total, 4 * concurrency));
    await until('warm-up no-ops to complete', async () => (await noopsRunning(client)) === 0, 120_000);
    await sampler.sample();
    const idle = new Map(sampler.last);

    // The reference: as many no-op workflows, same client, same concurrency.
    sampler.phase = 'no-op';
    log(`starting ${total} no-op workflows, ${concurrency} in flight`);
    const noop = await startNoops(client, 'noop', total);
    const noopDone = await until('no-ops to complete', async () => (await noopsRunning(client)) === 0, timeoutMs);
    log(`no-op: ${noop.calls} started in ${seconds(noop.spanMs).toFixed(1)} s (${noop.rate.toFixed(0)}/s); ${latencyText(noop)}`);

    // The figure: the seed imported `copies` times by commitPlan, `concurrency` plans in flight
    // (commitPlan starts a plan's tasks one after another, so as many starts are in flight).
    sampler.phase = 'import';
    const drafts = copyDrafts(copies, (i) => `#${i + 1}`);
    log(`importing ${copies} copies of the seed (${total} task workflows), ${concurrency} plans in flight`);
    const failuresBefore = failures.total;
    const importStart = performance.now();
    const { starts: tasks, commitMs, besides } = await importPlans(client, db, drafts, concurrency, taskQueue, tasksPerCopy);
    const importEnd = performance.now();
    // commitPlan runs each plan's import workflow, which starts the tasks as its children: the client sees
    // only the import starts, so task starts are timed by the server (each execution's start time).
    if (tasks.calls !== copies) throw new Error(`${tasks.calls} import workflow starts, expected ${copies}`);

    // Consistent read model: every Task row projected, by one COUNT query.
    sampler.phase = 'read model';
    let projected = 0;
    const consistent = await until(
      () => `read model (${projected}/${total} tasks projected)`,
      async () => (projected = await db!.prisma.task.count({ where: { projectedAt: { not: null } } })) === total,
      timeoutMs,
    );
    log(consistent ? `read model consistent ${seconds(consistent - importStart).toFixed(1)} s after the first commitPlan call` : `read model NOT consistent: ${projected}/${total}`);
    const taskSpan = await serverStartSpan(client, `${workflowTypeIn(taskWorkflowTypes)} AND TaskQueue = '${taskQueue}'`);
    const noopSpan = await serverStartSpan(client, `WorkflowType = 'noopWorkflow' AND WorkflowId STARTS_WITH 'noop-' AND TaskQueue = '${taskQueue}'`);
    log(`tasks: ${taskSpan.count} started in ${taskSpan.spanS.toFixed(1)} s (${taskSpan.rate.toFixed(1)}/s, server start times); no-ops ${noopSpan.rate.toFixed(1)}/s the same way`);
    if (taskSpan.count !== total) throw new Error(`${taskSpan.count} task workflows started, expected ${total}`);

    // Quiescence: the workflows deliver their overdue notices after projecting; wait until no new notification for 5 s.
    sampler.phase = 'notices';
    let notifications = -1;
    let stableSince = performance.now();
    const settled = consistent && (await until(
      'notices to settle',
      async () => {
        const n = await db!.prisma.notification.count();
        if (n !== notifications) [notifications, stableSince] = [n, performance.now()];
        return performance.now() - stableSince >= 5_000;
      },
      timeoutMs,
      500,
    ));

    // The reference again, on the same server now holding the plans: how much the machine drifted.
    sampler.phase = 'no-op after';
    const after = await startNoops(client, 'noop-after', total);
    await until('no-ops (after) to complete', async () => (await noopsRunning(client)) === 0, timeoutMs);
    await sampler.sample();

    // Diagnosis: the start calls alone, on a task queue no worker polls (nothing executes), small size.
    sampler.phase = 'idle-queue starts';
    const idleQueue = `${taskQueue}-idle`;
    const diagCopies = Math.min(copies, Number(process.env.BENCH_DIAG_COPIES ?? 10));
    const diagLimit = Math.min(concurrency, diagCopies);
    log(`diagnosis: ${diagCopies * tasksPerCopy} starts each on an unpolled queue, ${diagLimit} in flight`);
    const idleNoop = await startNoops(client, 'noop-idle', diagCopies * tasksPerCopy, diagLimit, idleQueue);
    // The same task states and start options as commitPlan's, laid out beforehand and started directly.
    const registry = await loadRegistry(db.prisma);
    const states = copyDrafts(diagCopies, (i) => `#direct-${i + 1}`).flatMap((draft) => {
      const id = planId(draft);
      const options = { planId: id, timeline: draft.timeline, importedOn: shanghaiDate(new Date()), registry, taskId: (ref: string) => taskWorkflowId(id, ref) };
      return layOutPlan(draft, options).tasks.map((t) => t.state);
    });
    phase = new StartPhase();
    const idleDirect = phase;
    await pool(states.length, diagLimit, (i) =>
      client.workflow.start(taskWorkflowV2, {
        taskQueue: idleQueue,
        workflowId: states[i]!.taskId,
        args: [states[i]!],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      }),
    );
    sampler.phase = 'end';
    sampler.stop();

    const workflowCount = (await client.workflow.count(`${workflowTypeIn(taskWorkflowTypes)} AND TaskQueue = '${taskQueue}'`)).count;
    const events = await db.prisma.taskEvent.count();
    const eventTypes = (await db.prisma.taskEvent.groupBy({ by: ['type'], _count: { _all: true } })).map((g) => `${g.type} ${g._count._all}`).join(', ');
    const assignments = await db.prisma.assignment.count();
    const mb = (name: string) => sampler!.max.get(name) ?? NaN;
    const phaseMb = (name: string, p: string) => (sampler!.maxByPhase.get(`${name}/${p}`) ?? NaN).toFixed(0);

    const figures: Figure[] = [
      figure('task workflows started per second (import workflows; server start times)', taskSpan.rate, 'starts/s', { label: 'noopWorkflow(0) starts/s, same concurrency, server start times', value: noopSpan.rate, unit: 'starts/s' }, 'of the no-op rate'),
      figure('import wall time, first commitPlan call → last return', seconds(importEnd - importStart), 's'),
    ];
    if (consistent && noopDone) {
      figures.push(
        figure('read model consistent, first commitPlan call → all Task rows projected', seconds(consistent - importStart), 's', { label: 'no-ops: first start → all completed', value: seconds(noopDone - noop.first), unit: 's' }, '× the no-op time'),
        figure('API-free total: first commitPlan call → read model consistent', seconds(consistent - importStart), 's'),
      );
    }
    if (settled) figures.push(figure('all notices delivered (no new notification for 5 s), from first commitPlan call', seconds(settled - importStart - 5_000), 's'));
    figures.push(
      figure(`commitPlan transactions refused by SQLite, then retried (${copies + diagCopies} plans committed)`, [...commitRetries.values()].reduce((a, b) => a + b, 0), 'refusals'),
      figure('worker activity attempts failed (Temporal retried them)', failures.total, 'attempts'),
      figure('worker max RSS', mb('worker'), 'MB', { label: 'worker RSS idle after warm-up', value: idle.get('worker') ?? NaN, unit: 'MB' }, '× idle'),
      figure('Temporal dev server max RSS', mb('server'), 'MB', { label: 'server RSS idle after warm-up', value: idle.get('server') ?? NaN, unit: 'MB' }, '× idle'),
      figure('noopWorkflow starts/s after the import (drift check)', after.rate, 'starts/s', { label: 'before the import', value: noop.rate, unit: 'starts/s' }, '× before'),
      figure('task workflows started per second vs the no-op rate measured after the import (client-timed)', taskSpan.rate, 'starts/s', { label: 'noopWorkflow(0) starts/s after', value: after.rate, unit: 'starts/s' }, 'of the no-op rate'),
      figure(`diagnosis, queue no worker polls: taskWorkflowV2 starts/s, same states started directly (${idleDirect.calls} starts, ${diagLimit} in flight)`, idleDirect.rate, 'starts/s', { label: 'no-op starts/s, same queue and concurrency', value: idleNoop.rate, unit: 'starts/s' }, 'of the no-op rate'),
    );
    const loadAfter = os.loadavg()[0]!;
    emit({
      name: 'workflows',
      title: `Importing ${copies} copies of the seed: ${total} task workflows (dev server + worker process, ${concurrency} starts in flight)`,
      command: `BENCH_COPIES=${copies} BENCH_CONCURRENCY=${concurrency} BENCH_DIAG_COPIES=${Math.min(copies, Number(process.env.BENCH_DIAG_COPIES ?? 10))} npx tsx bench/workflows.bench.ts`,
      figures,
      notes: [
        `Dev server: \`temporal server start-dev\` (runtime/dev-server.ts) on a temp file with \`--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal\`; worker: \`node --import tsx worker/main.ts\` (its own process, RSS by \`ps -o rss=\` every 500 ms).`,
        `Start rates are start calls ÷ (last start returned − first start called), measured by a client interceptor; the no-op phase ran on the fresh server (after ${Math.min(total, 4 * concurrency)} warm-up no-ops), before the import. ` +
          `Task starts: ${taskSpan.count} in ${taskSpan.spanS.toFixed(1)} s by the server's start times (started as children by the ${copies} import workflows); no-op by the same measure ${noopSpan.rate.toFixed(1)}/s, by the client ${noop.rate.toFixed(1)}/s. ` +
          `Start latency: import workflows ${latencyText(tasks)}; no-op ${latencyText(noop)}; no-op after ${latencyText(after)}.`,
        `commitPlan per plan (archive, then its import workflow run to its end): median ${seconds(median(commitMs)).toFixed(2)} s, of which ${seconds(median(besides)).toFixed(2)} s besides the import workflow. ` +
          `Unpolled queue (nothing runs, so no import workflow can start tasks there): taskWorkflowV2 started directly ${latencyText(idleDirect)}; no-op ${latencyText(idleNoop)}. ` +
          `Worker max RSS by phase (MB): no-op ${phaseMb('worker', 'no-op')}, import ${phaseMb('worker', 'import')}, read model ${phaseMb('worker', 'read model')}, notices ${phaseMb('worker', 'notices')}, no-op after ${phaseMb('worker', 'no-op after')}.`,
        `Checked: ${workflowCount} task workflow executions on the server, ${projected} Task rows projected, ${assignments} assignments, ${events} task events (${eventTypes}), ${Math.max(notifications, 0)} notifications (historic timeline: the 2016 deadlines are overdue at import, so each dated lead gets an overdue notice to its body and to the supervisors).`,
        `SQLite refusals: commitPlan ${[...commitRetries].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}; worker activities (all phases, ${failures.total - failuresBefore} from the import on): ${failures.summary()}.`,
        `Dev server errors logged: ${[...serverErrors].map(([m, n]) => `${m}: ${n}`).join('; ') || 'none'}.`,
        `Where the time went, per phase: ${sampler.cpuTable().join('; ')}.`,
        `Load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${os.cpus().length} CPUs: other work on the machine shares them.`,
      ],
    });
    if (!consistent) throw new Error(`the read model was not consistent within ${timeoutMs / 60_000} min: ${projected}/${total} tasks projected`);
  } finally {
    await cleanUp();
    releaseSignals();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
