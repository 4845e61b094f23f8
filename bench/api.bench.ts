// The API's cost per request on the demo data: the ledger page (50 most urgent
// overdue assignments with body and task) beside the authenticated floor
// `{ me { login } }`, and that floor beside the anonymous one `{ __typename }`,
// sequentially and with 20 concurrent clients (autocannon), all in one run.
// The API runs in its own process (as under `npm start`), on the demo plan
// loaded through the worker; the worker is stopped before measuring.
//
//   BENCH_API_REQUESTS=300 BENCH_API_SECONDS=10 npx tsx bench/api.bench.ts
//   BENCH_API_CPU_PROF=/tmp/prof ...   also writes the API's CPU profile (node --cpu-prof) there
import autocannon from 'autocannon';
import { graphqlClient } from '../test/helpers/graphql.ts';
import { startProcessStack } from '../test/faults/stack.ts';
import { connectClient } from '../runtime/temporal.ts';
import { loadConfig } from '../runtime/config.ts';
import { loadDemoPlan } from '../services/demo.ts';
import { emit, figure, median, type Figure } from './lib/report.ts';

const requests = Number(process.env.BENCH_API_REQUESTS ?? 300);
const seconds = Number(process.env.BENCH_API_SECONDS ?? 10);
const connections = 20;
const profileDir = process.env.BENCH_API_CPU_PROF;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const queries = {
  typename: '{ __typename }',
  me: '{ me { login } }',
  ledger: '{ assignments(first: 50, orderBy: urgency, filter: { overdue: true }) { totalCount edges { node { id bodyName status light due overdueDays body { shortName } task { ref text } } } } }',
} as const;
type Name = keyof typeof queries;

const stack = await startProcessStack(profileDir ? { nodeArgs: { api: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } } : {});
try {
  const config = loadConfig({ ...stack.env, DUBAN_DEMO: '1' } as NodeJS.ProcessEnv);
  const temporal = await connectClient(config);
  const { prisma } = stack.db;
  try {
    await loadDemoPlan({ prisma, temporal, taskQueue: config.taskQueue, dataDir: config.dataDir });
  } finally {
    await temporal.connection.close();
  }
  const tasks = await prisma.task.count();
  while ((await prisma.task.count({ where: { projectedAt: { not: null } } })) < tasks) await sleep(200);
  await stack.kill('worker');

  const api = graphqlClient(stack.base);
  const token = await api.login('supervisor');
  const url = `${stack.base}/graphql`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const call = async (name: Name) => {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: queries[name] }) });
    const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!json.data || json.errors) throw new Error(`${name} failed: ${JSON.stringify(json.errors)}`);
    return json.data;
  };
  const ledger = (await call('ledger')) as { assignments: { totalCount: number; edges: unknown[] } };
  const rows = ledger.assignments.edges.length;

  // Sequential: the three queries interleaved, so that the machine's noise falls on each alike.
  for (let i = 0; i < 30; i += 1) for (const name of Object.keys(queries) as Name[]) await call(name);
  const sequential: Record<Name, number[]> = { typename: [], me: [], ledger: [] };
  for (let i = 0; i < requests; i += 1) {
    for (const name of Object.keys(queries) as Name[]) {
      const t0 = performance.now();
      await call(name);
      sequential[name].push(performance.now() - t0);
    }
  }

  // Concurrent: autocannon, one query at a time, each for the same duration.
  const concurrent = {} as Record<Name, { rps: number; p50: number; mean: number; p97_5: number; errors: number }>;
  for (const name of Object.keys(queries) as Name[]) {
    const result = await autocannon({ url, method: 'POST', headers, body: JSON.stringify({ query: queries[name] }), connections, duration: seconds });
    concurrent[name] = { rps: result.requests.average, p50: result.latency.p50, mean: result.latency.mean, p97_5: result.latency.p97_5, errors: result.errors + result.non2xx + result.timeouts };
  }

  const seq = (name: Name) => ({ label: `\`${queries[name]}\` p50, sequential`, value: median(sequential[name]), unit: 'ms' });
  const conc = (name: Name, what: 'p50' | 'mean') => ({ label: `\`${queries[name]}\` ${what}, ${connections} clients`, value: concurrent[name][what], unit: 'ms' });
  const figures: Figure[] = [
    figure('ledger page, sequential p50', median(sequential.ledger), 'ms', seq('me'), '× the authenticated floor'),
    figure('ledger page, sequential p95', pct(sequential.ledger, 95), 'ms', { ...seq('me'), label: '`{ me { login } }` p95, sequential', value: pct(sequential.me, 95) }, '× the authenticated floor'),
    figure(`ledger page, ${connections} clients, latency p50`, concurrent.ledger.p50, 'ms', conc('me', 'p50'), '× the authenticated floor'),
    figure(`ledger page, ${connections} clients, latency mean`, concurrent.ledger.mean, 'ms', conc('me', 'mean'), '× the authenticated floor'),
    figure(`ledger page, ${connections} clients, rate`, concurrent.ledger.rps, 'req/s', { label: '`{ me { login } }` rate', value: concurrent.me.rps, unit: 'req/s' }, 'of the authenticated rate'),
    figure(`authenticated floor \`{ me { login } }\`, ${connections} clients, rate`, concurrent.me.rps, 'req/s', { label: '`{ __typename }` rate', value: concurrent.typename.rps, unit: 'req/s' }, 'of the anonymous rate'),
    figure('authenticated floor, sequential p50', median(sequential.me), 'ms', seq('typename'), '× the anonymous floor'),
    figure(`errors, non-2xx and timeouts under load (must be 0)`, concurrent.typename.errors + concurrent.me.errors + concurrent.ledger.errors, 'requests'),
  ];
  emit({
    name: 'api',
    title: `API cost per request on the demo data: the ledger page (${rows} of ${ledger.assignments.totalCount} overdue assignments) and the floors`,
    command: `BENCH_API_REQUESTS=${requests} BENCH_API_SECONDS=${seconds} npx tsx bench/api.bench.ts`,
    figures,
    notes: [
      `Ledger query: \`${queries.ledger}\`, as the supervising office (bearer token).`,
      `Sequential: ${requests} rounds of the three queries interleaved, through fetch from the bench process, after 30 warm-up rounds. Concurrent: autocannon, ${connections} connections, ${seconds} s per query, one query after the other.`,
      `Concurrent p97.5: ledger ${concurrent.ledger.p97_5} ms, me ${concurrent.me.p97_5} ms, __typename ${concurrent.typename.p97_5} ms; sequential p50 of \`{ __typename }\`: ${median(sequential.typename).toFixed(2)} ms.`,
      'The API is its own process (api/main.ts) on a SQLite read model; the benchmark and autocannon share the machine with it.',
    ],
  });
} finally {
  await stack.stop();
}
