// The ledger page's rows read in one joined statement (api/schema/rows.ts) are
// what Prisma's findMany with the same selection returns, on SQLite and on
// PostgreSQL: every column type, a missing body, and the selections it leaves to Prisma;
// and the page's urge counts, read for all its assignments at once, as each alone.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { signingKey } from '../api/auth/tokens.ts';
import { readRows } from '../api/schema/rows.ts';
import { loadConfig } from '../runtime/config.ts';
import { bearer, loginMutation, post } from './security/http.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createPostgresTestDatabase } from './helpers/postgres.ts';

const relations = { body: { model: 'Body', from: 'bodyId' }, task: { model: 'Task', from: 'taskId' } };
const byId = <T extends { id: unknown }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe.each([
  ['SQLite', createTestDatabase],
  ['PostgreSQL', createPostgresTestDatabase],
] as const)('ledger rows on %s', (_name, create) => {
  let db: TestDatabase;
  const ids = ['rows-task/市市场监管委', 'rows-task/待指定', 'rows-task/"引号" \\ 单位'];
  beforeAll(async () => {
    db = await create();
    const body = await db.prisma.body.findFirstOrThrow({ where: { shortName: '市市场监管委' } });
    await db.prisma.plan.create({ data: { id: 'rows-plan', title: '测试方案', sourceText: '一、测试' } });
    await db.prisma.section.create({ data: { id: 'rows-section', planId: 'rows-plan', ordinal: 1, title: '测试' } });
    await db.prisma.task.create({ data: { id: 'rows-task', planId: 'rows-plan', sectionId: 'rows-section', ref: '1.1', text: '任务 "正文"，含引号\\与中文', due: new Date('2026-03-31T15:59:59.123Z'), closedAt: null } });
    await db.prisma.assignment.create({ data: { id: ids[0]!, taskId: 'rows-task', bodyName: '市市场监管委', bodyId: body.id, role: 'lead', primary: true, status: 'returned', light: 'red', due: new Date('2026-03-31T15:59:59.123Z'), submittedAt: new Date('2026-04-02T01:02:03.456Z'), returnCount: 2, progressPercent: 40 } });
    await db.prisma.assignment.create({ data: { id: ids[1]!, taskId: 'rows-task', bodyName: '待指定', role: 'support', placeholder: true, blocking: false } });
    await db.prisma.assignment.create({ data: { id: ids[2]!, taskId: 'rows-task', bodyName: '"引号" \\ 单位', role: 'support', origin: '各区县人民政府' } });
  }, 120_000);
  let server: Server | undefined;
  afterAll(async () => {
    server?.close();
    await db?.dispose();
  });

  it('reads the scalars and the whole body and task as Prisma does, a missing body as null', async () => {
    const select = { body: true, task: true, id: true, taskId: true, bodyName: true, status: true, light: true, due: true, submittedAt: true, returnCount: true, placeholder: true, blocking: true, progressPercent: true, origin: true } as const;
    const raw = await readRows(db.prisma, 'Assignment', relations, { select }, ids);
    const prisma = await db.prisma.assignment.findMany({ select, where: { id: { in: ids } } });
    expect(raw).not.toBeNull();
    expect(byId(raw as Array<{ id: string }>)).toEqual(byId(prisma));
    expect(prisma.find((a) => a.id === ids[1])!.body).toBeNull();
  });

  it('reads a relation\'s chosen scalars, and every column of the model with include', async () => {
    const select = { id: true, body: { select: { shortName: true } }, task: { select: { ref: true, due: true } } };
    const raw = (await readRows(db.prisma, 'Assignment', relations, { select }, ids)) as Array<{ id: string; body: object | null; task: object }>;
    const prisma = await db.prisma.assignment.findMany({ select, where: { id: { in: ids } } });
    // The join also reads each relation's id, to tell a missing row from an empty selection.
    expect(byId(raw).map((r) => ({ ...r, body: r.body && { ...r.body, id: undefined }, task: { ...r.task, id: undefined } }))).toEqual(byId(prisma).map((r) => ({ ...r, body: r.body && { ...r.body, id: undefined }, task: { ...r.task, id: undefined } })));
    const all = await readRows(db.prisma, 'Assignment', relations, { include: { task: true } }, ids);
    expect(byId(all as Array<{ id: string }>)).toEqual(byId(await db.prisma.assignment.findMany({ include: { task: true }, where: { id: { in: ids } } })));
    expect(await readRows(db.prisma, 'Assignment', relations, { select: { id: true } }, [])).toEqual([]);
  });

  it('reads a float column cell by cell (JSON text may round it), with its joined row, as Prisma does', async () => {
    await db.prisma.scoreSheet.create({ data: { id: 'rows-2026v1', year: 2026, version: 1, rubricVersion: 'r1', rubric: '{}', asOf: new Date('2026-12-31T15:59:59.999Z'), computedAt: new Date('2027-01-02T03:04:05.006Z'), computedBy: '考核员' } });
    const scores = [0.1 + 0.2, 1 / 3, 98.76543210987654, -0, 1e21];
    const keys = scores.map((score, i) => `rows-2026v1/body-${i}`);
    for (const [i, score] of scores.entries()) await db.prisma.bodyScore.create({ data: { id: keys[i]!, sheetId: 'rows-2026v1', bodyId: `body-${i}`, bodyName: `单位${i}`, score, record: '{}', breakdown: '[]' } });
    const select = { id: true, score: true, bodyName: true, sheet: { select: { id: true, year: true, asOf: true, computedAt: true, reviewedAt: true } } } as const;
    const raw = await readRows(db.prisma, 'BodyScore', { sheet: { model: 'ScoreSheet', from: 'sheetId' } }, { select }, keys);
    expect(raw).not.toBeNull();
    expect(byId(raw as Array<{ id: string }>)).toEqual(byId(await db.prisma.bodyScore.findMany({ select, where: { id: { in: keys } } })));
  });

  it('leaves to Prisma what it does not read: a list, a relation of a relation, a relation it was not told of', async () => {
    for (const select of [{ id: true, task: { include: { plan: true } } }, { id: true, task: { select: { events: true } } }, { id: true, events: true }, { id: true, _count: true }]) {
      expect(await readRows(db.prisma, 'Assignment', relations, { select } as never, ids)).toBeNull();
    }
    expect(await readRows(db.prisma, 'Assignment', { task: relations.task }, { select: { id: true, body: true } }, ids)).toBeNull();
  });

  it('answers each assignment\'s urge count and last urge (by sequence) as read for it alone', async () => {
    await db.prisma.task.create({ data: { id: 'rows-other', planId: 'rows-plan', sectionId: 'rows-section', ref: '1.2', text: '另一任务' } });
    await db.prisma.assignment.create({ data: { id: 'rows-other/市市场监管委', taskId: 'rows-other', bodyName: '市市场监管委', role: 'lead' } });
    const urge = (taskId: string, seq: number, bodyName: string | null, at: string, type = 'urge') =>
      db.prisma.taskEvent.create({ data: { id: `${taskId}#${seq}`, taskId, seq, type, at: new Date(at), actorName: '督办员', bodyName } });
    await urge('rows-task', 1, '市市场监管委', '2026-04-01T00:00:00.000Z');
    // A later event stamped earlier: the last urge is the later in sequence.
    await urge('rows-task', 2, '市市场监管委', '2026-03-01T00:00:00.000Z');
    await urge('rows-task', 3, '"引号" \\ 单位', '2026-04-03T00:00:00.000Z');
    await urge('rows-task', 4, '市市场监管委', '2026-04-04T00:00:00.000Z', 'acknowledge');
    await urge('rows-task', 5, null, '2026-04-05T00:00:00.000Z');
    await urge('rows-other', 1, '市市场监管委', '2026-05-01T00:00:00.000Z');
    server = createApp({ prisma: db.prisma, temporal: { options: { namespace: 'default' } } as never, taskQueue: 'duban', signingKey: signingKey(db.dataDir), dataDir: db.dataDir, config: loadConfig({}) }).listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = (await post(base, loginMutation, { l: 'supervisor', p: 'test-password' })).data.login.data.token as string;
    const page = await post(base, '{ assignments(first: 50, orderBy: task) { edges { node { bodyName urgeCount lastUrgedAt task { ref } } } } }', {}, bearer(token));
    const seen = (page.data.assignments.edges as Array<{ node: { bodyName: string; urgeCount: number; lastUrgedAt: string | null; task: { ref: string } } }>).map((e) => e.node);
    const alone = async (taskId: string, bodyName: string) => {
      const where = { taskId, bodyName, type: 'urge' };
      const last = await db.prisma.taskEvent.findFirst({ where, orderBy: { seq: 'desc' }, select: { at: true } });
      return { urgeCount: await db.prisma.taskEvent.count({ where }), lastUrgedAt: last?.at.toISOString() ?? null };
    };
    const mine = seen.filter((a) => a.task.ref.startsWith('1.'));
    expect(mine).toHaveLength(4);
    for (const a of mine) expect({ urgeCount: a.urgeCount, lastUrgedAt: a.lastUrgedAt }).toEqual(await alone(a.task.ref === '1.1' ? 'rows-task' : 'rows-other', a.bodyName));
    expect(mine.map((a) => [a.task.ref, a.bodyName, a.urgeCount, a.lastUrgedAt]).sort()).toEqual([
      ['1.1', '"引号" \\ 单位', 1, '2026-04-03T00:00:00.000Z'],
      ['1.1', '市市场监管委', 2, '2026-03-01T00:00:00.000Z'],
      ['1.1', '待指定', 0, null],
      ['1.2', '市市场监管委', 1, '2026-05-01T00:00:00.000Z'],
    ]);
  });
});
