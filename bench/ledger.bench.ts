// The overdue ledger through HTTP: a read model of 10,000 tasks and 50,000
// assignments; p50/p95 latency of the GraphQL ledger query (first page of 100
// with body, task, section and plan) next to one raw SQL query returning the
// same rows in the same run, and requests per second with 32 concurrent clients.
// Run: npx tsx bench/ledger.bench.ts   (BENCH_LEDGER_TASKS=10000, BENCH_LEDGER_REQUESTS=200)
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { Sessions } from '../api/auth/sessions.ts';
import { issueToken } from '../api/auth/tokens.ts';
import { owedStatuses } from '../domain/supervision/lights.ts';
import { createTestDatabase } from '../test/helpers/database.ts';
import { emit, figure, median } from './lib/report.ts';

const tasks = Number(process.env.BENCH_LEDGER_TASKS ?? 10_000);
const perTask = 5;
const requests = Number(process.env.BENCH_LEDGER_REQUESTS ?? 200);
const concurrency = 32;
const loadSeconds = 10;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const db = await createTestDatabase();
const sqlite = new Database(db.url.replace(/^file:/, ''));
try {
  // Seed the read model directly: one plan, 10 sections, `tasks` tasks, 5 assignments each, a third overdue.
  const bodies = (sqlite.prepare(`SELECT id, shortName FROM Body WHERE kind IN ('department','district')`).all() as Array<{ id: string; shortName: string }>);
  const now = Date.now();
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO Plan (id, title, sourceText, timeline, shiftDays, reminderDays, warnings) VALUES ('bench', '基准方案', '', 'historic', 0, '[7,1]', '[]')`).run();
    const section = sqlite.prepare(`INSERT INTO Section (id, planId, ordinal, title) VALUES (?, 'bench', ?, ?)`);
    for (let s = 1; s <= 10; s += 1) section.run(`bench/${s}`, s, `第${s}部分`);
    const task = sqlite.prepare(`INSERT INTO Task (id, planId, sectionId, ref, text, status, light, version, updatedAt) VALUES (?, 'bench', ?, ?, ?, 'open', 'red', 1, ?)`);
    const assignment = sqlite.prepare(`INSERT INTO Assignment (id, taskId, bodyName, bodyId, role, "primary", status, light, due, originalDue, returnCount, updatedAt)
      VALUES (?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?, 0, ?)`);
    for (let t = 0; t < tasks; t += 1) {
      const id = `bench-${t}`;
      task.run(id, `bench/${(t % 10) + 1}`, `${(t % 10) + 1}.${t}`, `基准任务 ${t}：完善制度并报送实施细则。`, now);
      for (let a = 0; a < perTask; a += 1) {
        const body = bodies[(t + a) % bodies.length]!;
        const due = now + ((t * perTask + a) % 3 === 0 ? -1 : 1) * (1 + ((t + a) % 60)) * 86_400_000;
        assignment.run(`${id}/${body.shortName}`, id, body.shortName, body.id, a === 0 ? 'lead' : 'support', a === 0 ? 1 : 0, due < now ? 'red' : 'green', due, due, now);
      }
    }
  })();
  sqlite.exec('ANALYZE');

  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const key = new TextEncoder().encode('bench-key');
  const server = createApp({ prisma: db.prisma, temporal, taskQueue: 'bench', signingKey: key, dataDir: db.dataDir }).listen(0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const session = await new Sessions(db.prisma, 60 * 60_000).start('account-supervisor', 'bench');
  const token = await issueToken(key, 'account-supervisor', session.id, session.expiresAt);
  const body = JSON.stringify({
    query: `{ assignments(first: 100, filter: { overdue: true }) { totalCount edges { node {
      bodyName overdueDays light due body { shortName } task { ref text section { title } plan { title } } } } } }`,
  });
  const ledger = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const json = (await response.json()) as { data?: { assignments: { edges: unknown[] } }; errors?: unknown };
    if (!json.data || json.data.assignments.edges.length !== 100) throw new Error(`ledger query failed: ${JSON.stringify(json.errors)}`);
  };
  const owed = owedStatuses.map((status) => `'${status}'`).join(',');
  const raw = sqlite.prepare(`
    SELECT a.bodyName, a.light, a.due, b.shortName, t.ref, t.text, s.title AS section, p.title AS plan
    FROM Assignment a JOIN Task t ON t.id = a.taskId JOIN Section s ON s.id = t.sectionId JOIN Plan p ON p.id = t.planId
    LEFT JOIN Body b ON b.id = a.bodyId
    WHERE a.status IN (${owed}) AND a.due < ? ORDER BY a.due, a.id LIMIT 100`);
  const rawCount = sqlite.prepare(`SELECT COUNT(*) AS n FROM Assignment WHERE status IN (${owed}) AND due < ?`);

  const time = async (fn: () => unknown) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  for (let i = 0; i < 20; i += 1) await ledger();
  const api: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    api.push(await time(ledger));
    sql.push(await time(() => [raw.all(Date.now()), rawCount.get(Date.now())]));
  }

  let done = 0;
  const until = performance.now() + loadSeconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      await ledger();
      done += 1;
    }
  }));
  const rps = done / loadSeconds;
  server.close();

  emit({
    name: 'ledger',
    title: `Overdue ledger, ${tasks.toLocaleString()} tasks / ${(tasks * perTask).toLocaleString()} assignments (first page of 100 with body, task, section, plan)`,
    command: `BENCH_LEDGER_TASKS=${tasks} BENCH_LEDGER_REQUESTS=${requests} npx tsx bench/ledger.bench.ts`,
    figures: [
      figure('GraphQL over HTTP, p50', median(api), 'ms', { label: 'one raw SQL query (+ count), p50', value: median(sql), unit: 'ms' }, '× the raw query'),
      figure('GraphQL over HTTP, p95', percentile(api, 0.95), 'ms', { label: 'raw SQL, p95', value: percentile(sql, 0.95), unit: 'ms' }, '× the raw query'),
      figure(`requests per second, ${concurrency} concurrent clients, ${loadSeconds} s`, rps, 'req/s'),
    ],
    notes: [`${requests} sequential requests each; the raw query runs in-process through better-sqlite3, the GraphQL one through HTTP, yoga, Pothos and Prisma.`],
  });
} finally {
  sqlite.close();
  await db.dispose();
}
