// 督办单 numbers allocated in the statement that inserts the slip
// (services/supervision/ladder-ports.ts), on SQLite and on PostgreSQL: slips of
// one plan issued at once never share a number (on PostgreSQL the unique
// (plan, year, serial) refuses a second reader of the same last number, and the
// activity's retry numbers it again), a retry returns the slip already made, and
// the row reads back through Prisma as it was issued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlipRequest } from '../domain/supervision/slips.ts';
import { ladderPorts } from '../services/supervision/ladder-ports.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createPostgresTestDatabase } from './helpers/postgres.ts';

const dayMs = 86_400_000;

describe.each([
  ['SQLite', createTestDatabase],
  ['PostgreSQL', createPostgresTestDatabase],
] as const)('督办单 numbers on %s', (_name, create) => {
  let db: TestDatabase;
  let bodyId: string;
  let bodyName: string;
  const at = new Date(Date.UTC(2026, 5, 15, 2, 3, 4, 567)).toISOString();
  const request = (i: number, planId = 'numbers-plan'): SlipRequest => ({
    planId, taskId: `${planId}/${i}`, taskRef: `1.${i}`, taskTitle: `任务 "${i}"`, bodyName, bodyId, rungId: 'yellowSlip', level: 'yellow',
    due: new Date(Date.parse(at) - 40 * dayMs).toISOString(), daysOverdue: 20, at,
  });
  /** As the activity's retries do: a slip refused for a number another took is issued again. */
  const issue = async (r: SlipRequest) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await ladderPorts(db.prisma).issueSlip(r);
      } catch (error) {
        if (attempt >= 20) throw error;
      }
    }
  };

  beforeAll(async () => {
    db = await create();
    const body = await db.prisma.body.findFirstOrThrow({ where: { shortName: '市市场监管委' } });
    ({ id: bodyId, shortName: bodyName } = body);
    for (const id of ['numbers-plan', 'other-plan', 'row-plan', 'batch-plan']) await db.prisma.plan.create({ data: { id, title: `方案 ${id}`, sourceText: '一、测试' } });
  }, 120_000);
  afterAll(() => db?.dispose());

  it('numbers slips of a plan issued at once 1…n, each once, and a retry returns the slip already made', async () => {
    const slips = await Promise.all(Array.from({ length: 24 }, (_, i) => issue(request(i))));
    expect(slips.map((s) => s.serial).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(slips.map((s) => s.year))).toEqual(new Set([2026]));
    // Another plan counts from 1.
    expect((await issue(request(0, 'other-plan'))).serial).toBe(1);
    const again = await Promise.all([issue(request(3)), issue(request(3))]);
    expect(again).toEqual([slips[3], slips[3]]);
    expect(await db.prisma.supervisionSlip.count({ where: { planId: 'numbers-plan' } })).toBe(24);
  });

  it('issues a task\'s slips of one instant together, numbered in order, and a retried batch returns the same slips', async () => {
    const requests = [1, 2, 3].map((i) => request(i, 'batch-plan'));
    const slips = await ladderPorts(db.prisma).issueSlips(requests);
    expect(slips.map((s) => [s.id, s.serial])).toEqual(requests.map((r, i) => [`${r.taskId}/${r.bodyName}/${r.rungId}`, i + 1]));
    expect(await ladderPorts(db.prisma).issueSlips(requests)).toEqual(slips);
    const rows = await db.prisma.supervisionSlip.findMany({ where: { planId: 'batch-plan' }, orderBy: { serial: 'asc' } });
    expect(rows.map((r) => JSON.parse(r.wording!).taskRef)).toEqual(['1.1', '1.2', '1.3']);
  });

  it('stores the row as issued: dates, numbers, the wording with the unit\'s 负责人', async () => {
    // Its own plan: the numbering test expects its plan's numbers from 1 whichever runs first.
    const issued = await issue(request(100, 'row-plan'));
    const row = await db.prisma.supervisionSlip.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({
      planId: 'row-plan', taskId: 'row-plan/100', bodyName, bodyId, rungId: 'yellowSlip', level: 'yellow', year: 2026, serial: issued.serial,
      issuedAt: new Date(at), due: new Date(Date.parse(at) - 40 * dayMs), daysOverdue: 20, fileId: null, size: null, acknowledgedAt: null,
    });
    expect(row.respondBy.toISOString()).toBe(issued.respondBy);
    const body = await db.prisma.body.findUniqueOrThrow({ where: { id: bodyId } });
    expect(JSON.parse(row.wording!)).toEqual({
      issuer: expect.any(String), unit: body.fullName, responsible: '市市场监管委 承办人', taskRef: '1.100', taskTitle: '任务 "100"', planTitle: '方案 row-plan',
    });
  });
});
