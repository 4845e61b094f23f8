// Load: the stack as separate processes (dev server, worker, API), and from
// this process BENCH_USERS simulated users for BENCH_LOAD_SECONDS, in the
// proportions of an ordinary day: departments working their assignments, the
// supervising office reading the ledger and urging, the performance office
// reading dashboards and scores. Each operation's latency stands beside the
// floor of the same HTTP + GraphQL path (`{ __typename }`) probed throughout
// the same run.
//
//   BENCH_USERS=50 BENCH_LOAD_SECONDS=60 npx tsx bench/load.bench.ts
import crypto from 'node:crypto';
import { graphqlClient } from '../test/helpers/graphql.ts';
import { startProcessStack, type ProcessStack } from '../test/faults/stack.ts';
import { departments, Workload } from '../test/faults/workload.ts';
import { MemorySampler } from './lib/processes.ts';
import { emit, figure, median, type Figure } from './lib/report.ts';

const users = Number(process.env.BENCH_USERS ?? 50);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

type Api = ReturnType<typeof graphqlClient>;
interface Assignment {
  taskId: string;
  bodyName: string;
  bodyId: string | null;
}
interface Operation {
  name: string;
  weight: number;
  run(api: Api, token: string, login: string): Promise<{ data?: unknown; errors?: unknown[] }>;
}

const ledger = `{ assignments(first: 50, orderBy: urgency, filter: { overdue: true }) { totalCount edges { node { id bodyName status light due overdueDays task { ref text } } } } }`;
const dashboard = `{ dashboard { tasks { red yellow green done } assignments { red yellow green done } bodies { overdue } } }`;
const taskDetail = `query ($id: ID!) { node(id: $id) { ... on Task { ref text light assignments { bodyName status light due } timeline { seq type at } } } }`;
const act = `mutation ($i: TaskActionInput!) { act(input: $i) { __typename ... on Error { message } } }`;

/** Operations per role, weighted as the day's mix. */
function operations(open: Assignment[]): Record<'supervisor' | 'department' | 'performance', Operation[]> {
  const detail: Operation = {
    name: 'task detail',
    weight: 3,
    run: (api, token, login) => {
      const department = Object.values(departments).includes(login);
      const mine = open.filter((a) => !department || departments[a.bodyId ?? ''] === login);
      return api.request(taskDetail, { id: globalId('Task', pick(mine).taskId) }, token);
    },
  };
  return {
    supervisor: [
      { name: 'ledger (50 most urgent overdue)', weight: 4, run: (api, token) => api.request(ledger, {}, token) },
      { name: 'dashboard', weight: 2, run: (api, token) => api.request(dashboard, {}, token) },
      detail,
      {
        name: 'urge (act)',
        weight: 1,
        run: (api, token) => {
          const a = pick(open);
          return api.request(act, { i: { taskId: globalId('Task', a.taskId), bodyName: a.bodyName, type: 'urge', comment: '请抓紧办理', requestId: crypto.randomUUID() } }, token);
        },
      },
    ],
    department: [
      { name: 'own assignments', weight: 4, run: (api, token) => api.request(ledger, {}, token) },
      detail,
      {
        name: 'progress report (act)',
        weight: 2,
        run: (api, token, login) => {
          const a = pick(open.filter((x) => departments[x.bodyId ?? ''] === login));
          return api.request(act, { i: { taskId: globalId('Task', a.taskId), bodyName: a.bodyName, type: 'progress', comment: '按计划推进', requestId: crypto.randomUUID() } }, token);
        },
      },
    ],
    performance: [
      { name: 'dashboard', weight: 2, run: (api, token) => api.request(dashboard, {}, token) },
      { name: 'score sheets', weight: 1, run: (api, token) => api.request('{ scoreSheets { id rubricVersion publishedAt } }', {}, token) },
      { name: 'ledger (50 most urgent overdue)', weight: 1, run: (api, token) => api.request(ledger, {}, token) },
    ],
  };
}

const weighted = (ops: Operation[]) => ops.flatMap((op) => Array.from({ length: op.weight }, () => op));

async function main(): Promise<void> {
  const stack: ProcessStack = await startProcessStack();
  try {
    const workload = new Workload(stack.base);
    const planIds = [await workload.importSeed('负载测试（历史期限）', 'historic'), await workload.importSeed('负载测试（重设期限）', 'rebased')];
    const { prisma } = stack.db;
    const open = await (async () => {
      for (;;) {
        const projected = await prisma.task.count({ where: { planId: { in: planIds }, projectedAt: { not: null } } });
        if (projected === 70) break;
        await sleep(500);
      }
      return prisma.assignment.findMany({
        where: { task: { planId: { in: planIds } }, bodyId: { in: Object.keys(departments) }, status: { in: ['assigned', 'in_progress'] } },
        select: { taskId: true, bodyName: true, bodyId: true },
      });
    })();
    const api = graphqlClient(stack.base);
    const logins = ['supervisor', 'coordinator', 'market', 'legal', 'heping', 'performance'];
    const tokens = Object.fromEntries(await Promise.all(logins.map(async (l) => [l, await api.login(l, 'test-password')])));
    const ops = operations(open);
    // Seven in ten users are departments, two the supervising office, one the performance office.
    const acting = [...new Set(open.map((a) => departments[a.bodyId ?? '']!))];
    const roster = Array.from({ length: users }, (_, i) => {
      const slot = i % 10;
      if (slot < 7) return { role: 'department' as const, login: acting[i % acting.length]! };
      if (slot < 9) return { role: 'supervisor' as const, login: pick(['supervisor', 'coordinator']) };
      return { role: 'performance' as const, login: 'performance' };
    });

    const latencies = new Map<string, number[]>();
    const errors = new Map<string, number>();
    const firstError = new Map<string, string>();
    const floor: number[] = [];
    const sampler = new MemorySampler({ worker: stack.pid('worker'), api: stack.pid('api'), temporal: stack.pid('temporal') });
    sampler.start();
    sampler.phase = 'load';
    const end = performance.now() + seconds * 1000;
    const fail = (name: string, why: string) => {
      errors.set(name, (errors.get(name) ?? 0) + 1);
      if (!firstError.has(name)) firstError.set(name, why);
    };
    const record = async (name: string, call: () => Promise<{ data?: unknown; errors?: unknown[] }>) => {
      const t0 = performance.now();
      try {
        const { data, errors: errs } = await call();
        const payload = data ? (Object.values(data as object)[0] as { __typename?: string } | null) : null;
        if (errs?.length || !data || payload?.__typename?.endsWith('Error')) fail(name, JSON.stringify(errs ?? payload).slice(0, 200));
      } catch (error) {
        fail(name, String(error));
      }
      latencies.set(name, [...(latencies.get(name) ?? []), performance.now() - t0]);
    };
    const probe = (async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await api.request('{ __typename }', {}, tokens.supervisor);
        floor.push(performance.now() - t0);
        await sleep(200);
      }
    })();
    await Promise.all([
      probe,
      ...roster.map(async ({ role, login }) => {
        const mix = weighted(ops[role]);
        // Users arrive over the first two seconds, then think 0.2–1 s between actions.
        await sleep(Math.random() * 2000);
        while (performance.now() < end) {
          const op = pick(mix);
          await record(op.name, () => op.run(api, tokens[login]!, login));
          await sleep(200 + Math.random() * 800);
        }
      }),
    ]);
    sampler.phase = 'done';
    await sampler.sample();
    sampler.stop();

    const total = [...latencies.values()].reduce((n, xs) => n + xs.length, 0);
    const errorCount = [...errors.values()].reduce((n, e) => n + e, 0);
    const floorP50 = median(floor);
    const figures: Figure[] = [
      figure('requests per second, all operations', total / seconds, 'req/s'),
      figure('errors (must be 0)', errorCount, 'requests'),
    ];
    for (const [name, xs] of [...latencies].sort()) {
      const ref = { label: '`{ __typename }` p50, probed through the same run', value: floorP50, unit: 'ms' };
      figures.push(figure(`${name}: p50 (${xs.length} calls)`, median(xs), 'ms', ref, '× the floor'));
      figures.push(figure(`${name}: p95`, pct(xs, 95), 'ms'), figure(`${name}: p99`, pct(xs, 99), 'ms'));
    }
    for (const proc of ['worker', 'api', 'temporal']) figures.push(figure(`${proc} max RSS`, sampler.max.get(proc) ?? NaN, 'MB'));
    emit({
      name: 'load',
      title: `Load: ${users} simulated users for ${seconds} s against the stack as separate processes`,
      command: `BENCH_USERS=${users} BENCH_LOAD_SECONDS=${seconds} npx tsx bench/load.bench.ts`,
      figures,
      notes: [
        `Users: ${roster.filter((u) => u.role === 'department').length} departments (${acting.join(', ')}: the demo departments that lead tasks of the seed), ${roster.filter((u) => u.role === 'supervisor').length} supervising office, ${roster.filter((u) => u.role === 'performance').length} performance office; think time 0.2–1 s between actions; load from the benchmark's own process, the stack in three others (Temporal dev server on a file, worker, API).`,
        `Data: the seed imported twice (historic: every 2016 deadline overdue; rebased: open), ${open.length} department assignments open to act on.`,
        `Errors by operation: ${errorCount === 0 ? 'none' : [...errors].map(([n, e]) => `${n} ${e} (first: ${firstError.get(n)})`).join(', ')}. Floor probe: ${floor.length} calls, p95 ${pct(floor, 95).toFixed(1)} ms.`,
      ],
    });
  } finally {
    await stack.stop();
  }
}

await main();
