// The ledger's urgency-ordered ids read by one raw statement (api/schema/where-sql.ts
// translating assignmentWhere) are exactly the ids Prisma's findMany reads, on
// SQLite and on PostgreSQL, on the demo data: for the offices, for every
// department account, a body with support assignments only, a department
// without a body and no actor; for every filter of the ledger, the console
// and the dashboard, alone and combined, at instants on and around deadlines;
// and the connection's pages (first, last, offset, cursors) through the API.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { signingKey } from '../api/auth/tokens.ts';
import { assignmentWhere, ledgerIds, urgencyKeysByPrisma, urgencyKeysBySql, type Filter } from '../api/schema/ledger.ts';
import { urgencyOrder, type UrgencyKey } from '../domain/supervision/urgency.ts';
import { whereSql } from '../api/schema/where-sql.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { loadConfig } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { loadDemoPlan } from '../services/demo.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { eventually } from './helpers/eventually.ts';
import { createPostgresTestDatabase } from './helpers/postgres.ts';
import { startTestStack } from './helpers/stack.ts';
import { bearer, loginMutation, post } from './security/http.ts';

type Rows = Record<'bodies' | 'plans' | 'sections' | 'tasks' | 'assignments', Array<Record<string, unknown>>>;

/** The demo plan as the worker projects it, read once from a whole stack. */
let demo: Rows;
beforeAll(async () => {
  const stack = await startTestStack();
  try {
    const { prisma } = stack.db;
    await loadDemoPlan({ prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir });
    await eventually(async () => {
      const tasks = await prisma.task.count();
      expect(tasks).toBeGreaterThan(0);
      expect(await prisma.task.count({ where: { projectedAt: { not: null } } })).toBe(tasks);
    });
    demo = {
      bodies: await prisma.body.findMany(),
      plans: await prisma.plan.findMany(),
      sections: await prisma.section.findMany(),
      tasks: await prisma.task.findMany(),
      assignments: await prisma.assignment.findMany(),
    };
  } finally {
    await stack.stop();
  }
}, 300_000);

/** The demo rows in a read model no worker writes to, so both reads see the same rows. */
async function copyDemo(prisma: PrismaClient): Promise<void> {
  const known = new Set((await prisma.body.findMany({ select: { id: true } })).map((b) => b.id));
  await prisma.body.createMany({ data: demo.bodies.filter((b) => !known.has(b.id as string)) as never });
  await prisma.plan.createMany({ data: demo.plans as never });
  await prisma.section.createMany({ data: demo.sections as never });
  await prisma.task.createMany({ data: demo.tasks as never });
  await prisma.assignment.createMany({ data: demo.assignments as never });
}

const dayMs = 86_400_000;

describe.each([
  ['SQLite', createTestDatabase],
  ['PostgreSQL', createPostgresTestDatabase],
] as const)('the ledger\'s ids on %s', (_name, create) => {
  let db: TestDatabase;
  let server: Server | undefined;
  let actors: Array<[string, Actor | null]>;
  let filters: Filter[];
  let instants: Date[];
  const supportOnly = 'ids-support-only';
  beforeAll(async () => {
    db = await create();
    const { prisma } = db;
    await copyDemo(prisma);
    // States the demo walk does not reach, so that every filter matches something and something not.
    const owed = await prisma.assignment.findMany({ where: { status: { in: ['assigned', 'in_progress', 'returned'] } }, orderBy: { id: 'asc' } });
    expect(owed.length).toBeGreaterThan(8);
    await prisma.assignment.update({ where: { id: owed[0]!.id }, data: { signOffDraft: '{"kind":"submit"}' } });
    await prisma.assignment.update({ where: { id: owed[1]!.id }, data: { signOffDraft: '{"kind":"extension"}', acknowledgedAt: new Date() } });
    await prisma.assignment.update({ where: { id: owed[2]!.id }, data: { acknowledgedAt: new Date(), behindPaceFrom: new Date(Date.now() - 3 * dayMs) } });
    await prisma.assignment.update({ where: { id: owed[3]!.id }, data: { behindPaceFrom: new Date(Date.now() + 3 * dayMs) } });
    await prisma.assignment.update({ where: { id: owed[4]!.id }, data: { due: null } });
    // Same deadline as another, so the order's tie-break (the id) decides.
    await prisma.assignment.update({ where: { id: owed[5]!.id }, data: { due: owed[6]!.due } });
    // A body whose only assignments are supporting ones, on a task it shares with a lead.
    await prisma.body.create({ data: { id: supportOnly, shortName: '测试配合单位', fullName: '测试配合单位', kind: 'department' } });
    const task = await prisma.task.findFirstOrThrow({ where: { id: owed[7]!.taskId } });
    await prisma.assignment.create({ data: { id: `${task.id}/测试配合单位`, taskId: task.id, bodyName: '测试配合单位', bodyId: supportOnly, role: 'support', status: 'in_progress', due: owed[7]!.due } });

    const accounts = await prisma.account.findMany({ orderBy: { login: 'asc' } });
    expect(accounts.filter((a) => a.role === 'department').length).toBeGreaterThanOrEqual(3);
    actors = [
      ...accounts.map((a): [string, Actor] => [a.login, { accountId: a.id, name: a.displayName, role: a.role as Actor['role'], bodyId: a.bodyId }]),
      ['support only', { accountId: 'ids-support', name: '测试配合单位 承办人', role: 'department', bodyId: supportOnly }],
      ['department without a body', { accountId: 'ids-nobody', name: '无单位', role: 'department', bodyId: null }],
      ['no one', null],
    ];

    const rows = await prisma.assignment.findMany({ include: { task: { include: { section: true } } } });
    const plans = [...new Set(rows.map((r) => r.task.planId))];
    const bodies = [...new Set(rows.map((r) => r.bodyId).filter((id): id is string => !!id))];
    const statuses = [...new Set(rows.map((r) => r.status))];
    const lights = [...new Set([...rows.map((r) => r.light), 'red', 'yellow', 'green', 'done'])];
    const ordinals = [...new Set(rows.map((r) => r.task.section.ordinal))];
    expect(statuses.length).toBeGreaterThanOrEqual(4);
    const planId = (id: string) => ({ id, typename: 'Plan' });
    const bodyId = (id: string) => ({ id, typename: 'Body' });
    filters = [
      {},
      { overdue: true },
      { overdue: false },
      { dueWithinDays: 0 },
      { dueWithinDays: 7 },
      { dueWithinDays: 30 },
      { behindPace: true },
      { unacknowledged: true },
      { awaitingSignOff: true },
      ...lights.map((light) => ({ light })),
      ...statuses.map((status) => ({ status })),
      ...bodies.map((id) => ({ bodyId: bodyId(id) })),
      { bodyId: bodyId('no-such-body') },
      ...plans.map((id) => ({ planId: planId(id) })),
      { planId: planId('no-such-plan') },
      ...ordinals.map((sectionOrdinal) => ({ sectionOrdinal })),
      { sectionOrdinal: 0 },
      { role: 'lead' },
      { role: 'support' },
      // Combinations the console, the dashboard and the 我的任务 page send; a status after overdue replaces its owed statuses.
      ...plans.flatMap((id) => [{ overdue: true, planId: planId(id) }, { dueWithinDays: 30, planId: planId(id) }]),
      ...bodies.flatMap((id) => [{ bodyId: bodyId(id), light: 'red' }, { bodyId: bodyId(id), overdue: true }, { bodyId: bodyId(id), status: 'submitted' }]),
      { overdue: true, status: 'submitted' },
      { overdue: true, light: 'red' },
      { overdue: true, dueWithinDays: 7 },
      { overdue: true, behindPace: true, unacknowledged: true },
      { behindPace: true, status: 'accepted' },
      { unacknowledged: true, role: 'lead' },
      { awaitingSignOff: true, overdue: true },
      ...ordinals.map((sectionOrdinal) => ({ planId: planId(plans[0]!), sectionOrdinal, overdue: true })),
      { planId: planId(plans[0]!), sectionOrdinal: ordinals[0]!, role: 'support', light: 'green' },
    ] as Filter[];
    // Now, a deadline to the millisecond (owed but not yet overdue at it), just after, and far before and after.
    const deadline = rows.find((r) => r.due && ['assigned', 'in_progress', 'returned'].includes(r.status))!.due!;
    instants = [new Date(), deadline, new Date(deadline.getTime() + 1), new Date(deadline.getTime() - dayMs), new Date('2000-01-01T00:00:00.000Z'), new Date('2100-01-01T00:00:00.000Z')];
  }, 300_000);
  afterAll(async () => {
    server?.close();
    await db?.dispose();
  });

  const byId = (keys: UrgencyKey[]) => [...keys].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  it('reads the same keys as Prisma, for every actor, filter and instant, and so the same order', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const [who, actor] of actors) {
      for (const filter of filters) {
        for (const now of instants) {
          const where = assignmentWhere(filter, actor, now);
          const raw = await urgencyKeysBySql(db.prisma, where);
          const prisma = await urgencyKeysByPrisma(db.prisma, where);
          const label = `${who} ${JSON.stringify(filter)} at ${now.toISOString()}`;
          expect(raw, label).not.toBeNull();
          expect(byId(raw!), label).toEqual(byId(prisma));
          expect(urgencyOrder(raw!), label).toEqual(urgencyOrder(prisma));
          compared += 1;
          if (prisma.length) nonEmpty += 1;
        }
      }
    }
    // Most combinations match something: the comparison is not between empty lists.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  it('sees for a department exactly the assignments of the tasks it has a part in', async () => {
    const all = await urgencyKeysByPrisma(db.prisma, assignmentWhere({}, { role: 'supervisor' } as Actor));
    for (const [who, actor] of actors.filter(([, a]) => a?.role === 'department')) {
      const mine = await db.prisma.assignment.findMany({ where: { bodyId: actor!.bodyId ?? '' }, select: { taskId: true } });
      const tasks = new Set(mine.map((m) => m.taskId));
      const expected = all.filter((k) => tasks.has(k.id.slice(0, k.id.lastIndexOf('/')))).map((k) => k.id).sort();
      const raw = (await urgencyKeysBySql(db.prisma, assignmentWhere({}, actor)))!.map((k) => k.id).sort();
      expect(raw, who).toEqual(expected);
      if (who === 'support only') expect(raw.length).toBeGreaterThan(1);
    }
    expect(await urgencyKeysBySql(db.prisma, assignmentWhere({ overdue: true }, null))).toEqual([]);
  });

  it('orders the ledger anew once a deadline moves, though it remembers the order of keys it has seen', async () => {
    const where = assignmentWhere({}, { role: 'supervisor' } as Actor);
    const expected = async () => urgencyOrder(await urgencyKeysByPrisma(db.prisma, where));
    const before = await expected();
    expect(await ledgerIds(db.prisma, where, 'urgency')).toEqual(before);
    // Asked again unchanged: the same order (remembered); the copy handed out is the caller's own.
    const again = await ledgerIds(db.prisma, where, 'urgency');
    expect(again).toEqual(before);
    again.reverse();
    expect(await ledgerIds(db.prisma, where, 'urgency')).toEqual(before);
    // The last owed assignment that counts (not 不计) falls due first: the order changes, and the ledger follows.
    const owed = await db.prisma.assignment.findMany({ where: { status: { in: ['assigned', 'in_progress', 'returned'] }, light: { not: 'none' }, due: { not: null } }, select: { id: true, due: true } });
    const moved = owed.sort((a, b) => before.indexOf(b.id) - before.indexOf(a.id))[0]!;
    await db.prisma.assignment.update({ where: { id: moved.id }, data: { due: new Date('2000-01-01T00:00:00Z') } });
    try {
      const after = await ledgerIds(db.prisma, where, 'urgency');
      expect(after[0]).toBe(moved.id);
      expect(after).toEqual(await expected());
      expect(after).not.toEqual(before);
    } finally {
      await db.prisma.assignment.update({ where: { id: moved.id }, data: { due: moved.due } });
    }
    expect(await ledgerIds(db.prisma, where, 'urgency')).toEqual(before);
  });

  it('leaves to Prisma a filter it does not translate', () => {
    for (const where of [{ OR: [{ status: 'assigned' }] }, { status: { not: 'assigned' } }, { bodyName: { contains: '市' } }, { task: { assignments: { every: { bodyId: 'x' } } } }, { body: {} }, { events: { some: {} } }]) {
      expect(whereSql('Assignment', 'a', where), JSON.stringify(where)).toBeNull();
    }
  });

  it('pages through the same ids through the API: first, last, offset and cursors, as the office and as each department', async () => {
    server = createApp({ prisma: db.prisma, temporal: { options: { namespace: 'default' } } as never, taskQueue: 'duban', signingKey: signingKey(db.dataDir), dataDir: db.dataDir, config: loadConfig({}) }).listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const decode = (id: string) => Buffer.from(id, 'base64').toString().replace(/^Assignment:/, '');
    const logins = ['supervisor', 'coordinator', ...actors.filter(([, a]) => a?.role === 'department' && a.accountId.startsWith('account-')).map(([login]) => login)];
    for (const login of logins) {
      const token = (await post(base, loginMutation, { l: login, p: 'test-password' })).data.login.data.token as string;
      const actor = actors.find(([l]) => l === login)![1];
      for (const filter of [{}, { overdue: true }, { dueWithinDays: 30 }]) {
        const ordered = urgencyOrder(await urgencyKeysByPrisma(db.prisma, assignmentWhere(filter as Filter, actor)));
        const page = async (args: string) => {
          const answer = await post(base, `query ($f: AssignmentFilter) { assignments(filter: $f, orderBy: urgency, ${args}) { totalCount edges { cursor node { id } } } }`, { f: filter }, bearer(token));
          expect(answer.errors, `${login} ${args}`).toBeUndefined();
          return answer.data.assignments as { totalCount: number; edges: Array<{ cursor: string; node: { id: string } }> };
        };
        const first = await page('first: 5');
        expect(first.totalCount, login).toBe(ordered.length);
        expect(first.edges.map((e) => decode(e.node.id)), login).toEqual(ordered.slice(0, 5));
        expect((await page('last: 3')).edges.map((e) => decode(e.node.id)), login).toEqual(ordered.slice(Math.max(0, ordered.length - 3)));
        expect((await page('first: 4, offset: 3')).edges.map((e) => decode(e.node.id)), login).toEqual(ordered.slice(3, 7));
        expect((await page('first: 500')).edges.map((e) => decode(e.node.id)), login).toEqual(ordered);
        if (first.edges.length >= 2) {
          const after = await page(`first: 3, after: "${first.edges[1]!.cursor}"`);
          expect(after.edges.map((e) => decode(e.node.id)), login).toEqual(ordered.slice(2, 5));
          const before = await page(`last: 2, before: "${first.edges[first.edges.length - 1]!.cursor}"`);
          expect(before.edges.map((e) => decode(e.node.id)), login).toEqual(ordered.slice(Math.max(0, first.edges.length - 3), first.edges.length - 1));
        }
      }
    }
  });
});
