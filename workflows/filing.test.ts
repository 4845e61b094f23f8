import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CatalogueSubmission } from '../domain/filing/round.ts';
import type { UnitAction } from '../domain/rounds/unit.ts';
import type { Actor } from '../domain/supervision/types.ts';
import type { TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { workerEnvironment, type WorkerEnvironment } from '../test/helpers/worker-environment.ts';
import { filingRoundActUpdate, filingRoundQuery, filingRoundWorkflow, filingUnitId } from './filing.ts';
import { unitActUpdate } from './round-unit.ts';

const day = 86_400_000;
const coordinator: Actor = { accountId: 'account-coordinator', name: '统筹协调', role: 'supervisor', bodyId: 'market-commission' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const market: Actor = { accountId: 'account-market', name: '市场监管委', role: 'department', bodyId: 'market-commission' };
const commerce: Actor = { accountId: 'account-commerce', name: '商务委', role: 'department', bodyId: 'commerce' };
const bodies = [
  { id: 'market-commission', name: '市市场监管委' },
  { id: 'legal-affairs-office', name: '市法制办' },
  { id: 'commerce', name: '市商务委' },
  { id: 'environment', name: '市环保局' },
];
const row = (item: string) => ({ item, disposition: 'kept' as const, object: '企业', content: '许可条件', method: '双随机抽查', standard: '审查通则', measures: '责令整改', procedure: '检查—整改—复查' });
const submission = (items: string[]): CatalogueSubmission => ({ measures: { id: 'a'.repeat(64), name: '实施办法.docx' }, rows: items.map(row) });

/**
 * A test server with a worker and read model for a describe block, and the rounds its
 * tests open: each test opens a round of its own, due 30 days from the server's clock
 * when it starts.
 */
function roundsOn(server: WorkerEnvironment) {
  beforeAll(async () => {
    await server.db.prisma.account.create({ data: { id: 'account-commerce', login: 'commerce', displayName: '市商务委 承办人', role: 'department', bodyId: 'commerce', passwordHash: 'x' } });
  });
  return async function openRound(roundId: string) {
    const { env, db } = server;
    const deadline = (await env.currentTimeMs()) + 30 * day;
    await env.client.workflow.start(filingRoundWorkflow, {
      workflowId: roundId, taskQueue: 'duban',
      args: [{ roundId, title: '2016 年监管目录', deadline: new Date(deadline).toISOString(), bodies, reminderDays: [7, 1], openedBy: { accountId: coordinator.accountId, name: coordinator.name } }],
    });
    const unit = (bodyId: string) => env.client.workflow.getHandle(filingUnitId(roundId, bodyId));
    const round = env.client.workflow.getHandle(roundId);
    const opened = await eventually(async () => {
      const found = await db.prisma.bodyFiling.findMany({ where: { roundId }, orderBy: { bodyId: 'asc' } });
      expect(found).toHaveLength(4);
      return found;
    });
    return {
      deadline, round, unit, opened,
      act: (bodyId: string, actor: Actor, action: UnitAction<CatalogueSubmission>) => unit(bodyId).executeUpdate(unitActUpdate, { args: [{ actor, action }] }),
      filing: (bodyId: string) => db.prisma.bodyFiling.findUniqueOrThrow({ where: { id: filingUnitId(roundId, bodyId) } }),
      roundKnows: (bodyId: string, status: string) =>
        eventually(async () => expect((await round.query(filingRoundQuery)).units.find((u) => u.bodyId === bodyId)?.status).toBe(status)),
      consolidate: () => round.executeUpdate(filingRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'consolidate' } }] }),
    };
  };
}

describe('filing round on the time-skipping server', () => {
  const server = workerEnvironment('time-skipping');
  const openRound = roundsOn(server);
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  beforeAll(() => {
    ({ env, db } = server);
  });

  it('opens a filing per approval body', async () => {
    const { deadline, opened } = await openRound('filing:opens');
    expect(opened.every((f) => f.status === 'assigned' && f.due.getTime() === deadline && f.light === 'green')).toBe(true);
    expect(await db.prisma.filingRound.findUniqueOrThrow({ where: { id: 'filing:opens' } })).toMatchObject({ status: 'open', title: '2016 年监管目录' });
  });

  it('takes a catalogue, refuses a bad one with row numbers, returns with reasons and accepts the corrected one', async () => {
    const roundId = 'filing:review';
    const { act, filing, roundKnows } = await openRound(roundId);
    await expect(act('legal-affairs-office', market, { type: 'submit', submission: submission(['法规审查']) })).rejects.toMatchObject({ cause: { type: 'ForbiddenError', message: expect.stringContaining('own body') } });
    await expect(act('legal-affairs-office', legal, { type: 'submit', submission: submission(['法规审查', '法规审查']) })).rejects.toMatchObject({
      cause: { type: 'ActionRefused', message: expect.stringContaining('第 2 行 Row 2') },
    });
    await act('legal-affairs-office', legal, { type: 'submit', submission: submission(['法规审查']) });
    await act('legal-affairs-office', coordinator, { type: 'return', comment: '缺少下放事项的监管措施' });
    expect(await filing('legal-affairs-office')).toMatchObject({ status: 'returned', returnCount: 1, lastReason: '缺少下放事项的监管措施' });
    const inbox = await eventually(async () => {
      const found = await db.prisma.notification.findMany({ where: { accountId: 'account-legal', kind: 'returned', taskId: filingUnitId(roundId, 'legal-affairs-office') } });
      expect(found).toHaveLength(1);
      return found;
    });
    expect(inbox[0]!.body).toContain('缺少下放事项的监管措施');
    await act('legal-affairs-office', legal, { type: 'submit', submission: submission(['法规审查', '规范性文件备案']) });
    await act('legal-affairs-office', coordinator, { type: 'accept' });
    await roundKnows('legal-affairs-office', 'accepted');
    const entries = await db.prisma.catalogueEntry.findMany({ where: { filingId: filingUnitId(roundId, 'legal-affairs-office') }, orderBy: { ordinal: 'asc' } });
    expect(entries.map((e) => e.item)).toEqual(['法规审查', '规范性文件备案']);
    const history = await db.prisma.roundEvent.findMany({ where: { unitId: filingUnitId(roundId, 'legal-affairs-office') }, orderBy: { seq: 'asc' } });
    expect(history.map((e) => e.type)).toEqual(['submit', 'return', 'submit', 'accept']);
  });

  it('refuses to consolidate before the deadline while bodies still owe their catalogue', async () => {
    const { act, roundKnows, consolidate } = await openRound('filing:early');
    await act('market-commission', market, { type: 'submit', submission: submission(['食品生产许可']) });
    await act('market-commission', coordinator, { type: 'accept' });
    await roundKnows('market-commission', 'accepted');
    await expect(consolidate()).rejects.toMatchObject({ cause: { message: expect.stringContaining('every body must be accepted') } });
  });

  it('reminds before the deadline, marks overdue at it and re-reminds weekly', async () => {
    const roundId = 'filing:reminders';
    const { deadline, filing } = await openRound(roundId);
    await env.sleep(deadline + 8 * day - (await env.currentTimeMs()));
    const unitId = filingUnitId(roundId, 'commerce');
    const events = await eventually(async () => {
      const found = await db.prisma.roundEvent.findMany({ where: { unitId }, orderBy: { seq: 'asc' } });
      expect(found.map((e) => e.type)).toEqual(['reminder', 'reminder', 'overdue', 'weekly']);
      return found;
    });
    expect(events[2]!.at.getTime()).toBeCloseTo(deadline, -4);
    expect((await filing('commerce')).light).toBe('red');
    await eventually(async () => {
      expect(await db.prisma.notification.count({ where: { accountId: 'account-commerce', kind: 'overdue', taskId: unitId } })).toBe(2);
      expect(await db.prisma.notification.count({ where: { accountId: 'account-supervisor', kind: 'overdue', taskId: unitId } })).toBe(1);
    });
  });
});

// A round filed to its end leaves the time-skipping test server no longer skipping time for the
// sleeps of tests after it (every workflow completed, yet a later env.sleep runs in real time):
// this test gets a server of its own.
describe('filing round taken to its end, on a time-skipping server of its own', () => {
  const server = workerEnvironment('time-skipping');
  const openRound = roundsOn(server);
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  beforeAll(() => {
    ({ env, db } = server);
  });

  it('takes a late catalogue, consolidates the accepted ones with the overdue listed, and records the filing', async () => {
    const roundId = 'filing:late';
    const { deadline, round, unit, act, filing, roundKnows, consolidate } = await openRound(roundId);
    await act('legal-affairs-office', legal, { type: 'submit', submission: submission(['法规审查', '规范性文件备案']) });
    await act('legal-affairs-office', coordinator, { type: 'accept' });
    await act('market-commission', market, { type: 'submit', submission: submission(['食品生产许可', '餐饮服务许可']) });
    await act('market-commission', coordinator, { type: 'accept' });
    await env.sleep(deadline + day - (await env.currentTimeMs()));
    await act('commerce', commerce, { type: 'submit', submission: submission(['外商投资企业设立']) });
    await act('commerce', coordinator, { type: 'accept' });
    for (const body of ['legal-affairs-office', 'market-commission', 'commerce']) await roundKnows(body, 'accepted');
    const consolidated = await consolidate();
    expect(consolidated.data).toEqual({ included: ['market-commission', 'legal-affairs-office', 'commerce'], late: ['commerce'], overdue: ['environment'] });
    const record = await db.prisma.filingRecord.findUniqueOrThrow({ where: { roundId } });
    expect((JSON.parse(record.rows) as Array<{ item: string }>).map((r) => r.item).sort()).toEqual(['外商投资企业设立', '法规审查', '规范性文件备案', '食品生产许可', '餐饮服务许可'].sort());
    expect(JSON.parse(record.overdueBodies)).toEqual(['environment']);

    const today = new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10);
    await round.executeUpdate(filingRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'recordFiling', filedOn: today, filingNumber: '津市场监管备〔2016〕1号' } }] });
    const result = await round.result();
    expect(result.status).toBe('filed');
    expect(await db.prisma.filingRecord.findUniqueOrThrow({ where: { roundId } })).toMatchObject({ filedOn: today, filingNumber: '津市场监管备〔2016〕1号' });
    expect(await db.prisma.filingRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ status: 'filed' });
    const closed = await unit('environment').result();
    expect(closed).toMatchObject({ closed: true, status: 'assigned' });
    expect((await filing('environment')).light).toBe('red');
  });
});
