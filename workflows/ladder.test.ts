import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { TaskAction } from '../domain/supervision/actions.ts';
import { defaultLadder } from '../domain/supervision/ladder.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { endOfShanghaiDay } from '../domain/time/instants.ts';
import { workingDaysAfter } from '../domain/time/working-days.ts';
import { commitPlan, type PlanDraft } from '../services/plans/commit.ts';
import { setEscalationLadder } from '../services/supervision/ladder.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { createWorker } from '../worker/create.ts';
import { actUpdate, taskWorkflowId } from './task.ts';

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };

/** The end of the n-th working day after the deadline's day (State Council calendar, no office years entered): when rung n falls due. */
function nthWorkingDayAfter(due: number, n: number): number {
  let i = 0;
  for (const date of workingDaysAfter(due)) if (++i === n) return endOfShanghaiDay(date).getTime();
  throw new Error('unreachable');
}

/**
 * The escalation ladder on the time-skipping server: an overdue assignment
 * climbs rung by rung at the working-day instants, each rung once; a
 * submission stops it; an edit to a rung not yet fired takes
 * effect; the office issues a rung by hand and the unit acknowledges a slip.
 */
describe('escalation ladder in the task workflow', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;

  const startWorker = async () => {
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma, dataDir: db.dataDir });
    running = worker.run();
  };
  const stopWorker = async () => {
    worker.shutdown();
    await running;
  };

  beforeAll(async () => {
    [env, db] = await Promise.all([timeSkippingEnvironment(), createTestDatabase()]);
    await startWorker();
  });
  afterAll(async () => {
    await stopWorker();
    await Promise.all([env?.teardown(), db?.dispose()]);
  });

  /** A plan of one task led by 市法制办, due two days from the server's clock. */
  async function newPlan(title: string) {
    const now = await env.currentTimeMs();
    const due = Date.parse(new Date(endOfShanghaiDay(new Date(now + 2 * day).toISOString().slice(0, 10))).toISOString());
    const draft: PlanDraft = {
      title, issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '完善信用信息公示系统。', leads: ['市法制办'], supports: [] }],
      requirements: [{ text: '按期完成', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    };
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir }, draft, new Date(now));
    const taskId = taskWorkflowId(planId, '1.1');
    const escalations = async () => (await db.prisma.taskEvent.findMany({ where: { taskId, type: 'escalated' }, orderBy: { seq: 'asc' } })).map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
    await eventually(async () => expect(await db.prisma.assignment.count({ where: { taskId } })).toBe(1));
    const assignment = await db.prisma.assignment.findFirstOrThrow({ where: { taskId } });
    return {
      planId, taskId, due: assignment.due!.getTime(), escalations,
      act: (actor: Actor, action: TaskAction) => env.client.workflow.getHandle(taskId).executeUpdate(actUpdate, { args: [{ actor, action }] }),
      /** Advances the server's clock to a minute past `instant`. */
      until: async (instant: number) => env.sleep(Math.max(instant - (await env.currentTimeMs()) + 60_000, 1)),
    };
  }

  it('climbs rung by rung at the working-day instants, each once', async () => {
    const { taskId, planId, due, escalations, until } = await newPlan('升级：逐级');
    const instants = defaultLadder.map((r) => nthWorkingDayAfter(due, r.trigger.count));
    for (const [i, instant] of instants.entries()) {
      await until(instant);
      const fired = await eventually(async () => {
        const found = await escalations();
        expect(found).toHaveLength(i + 1);
        return found;
      }, 120_000);
      expect(fired[i]!.data.rungId).toBe(defaultLadder[i]!.id);
      // At the rung's instant, not at the next wake of some other timer.
      expect(fired[i]!.at.getTime()).toBeGreaterThanOrEqual(instant);
      expect(fired[i]!.at.getTime()).toBeLessThan(instant + 60_000);
    }
    await until(instants.at(-1)! + 30 * day);
    expect((await escalations()).map((e) => e.data.rungId)).toEqual(defaultLadder.map((r) => r.id));

    const slips = await db.prisma.supervisionSlip.findMany({ where: { taskId }, orderBy: { serial: 'asc' } });
    expect(slips.map((s) => [s.level, s.serial, s.bodyId])).toEqual([['yellow', 1, 'legal-affairs-office'], ['red', 2, 'legal-affairs-office']]);
    const year = slips[0]!.year;
    expect((await escalations()).flatMap((e) => (e.data.slipNumber ? [e.data.slipNumber] : []))).toEqual([`督办〔${year}〕1号`, `督办〔${year}〕2号`]);
    expect(slips[0]!.daysOverdue).toBe(5);
    const inbox = await db.prisma.notification.findMany({ where: { accountId: 'account-legal', taskId, kind: { in: ['slip', 'interview'] } } });
    expect(inbox.map((n) => n.kind).sort()).toEqual(['interview', 'slip', 'slip']);
    expect(await db.prisma.supervisionSlip.count({ where: { planId } })).toBe(2);
  }, 300_000);

  it('stops climbing once the unit submits', async () => {
    const { due, escalations, until, act } = await newPlan('升级：报送即停');
    await until(nthWorkingDayAfter(due, 1));
    await eventually(async () => expect(await escalations()).toHaveLength(1));
    await act(legal, { type: 'submit', bodyName: '市法制办', comment: '已完成' });
    await until(nthWorkingDayAfter(due, 20));
    expect((await escalations()).map((e) => e.data.rungId)).toEqual(['urge']);
  }, 300_000);

  it('applies an edit to a rung not yet fired, takes a rung by hand, and lets the unit acknowledge a slip', async () => {
    const { planId, taskId, due, escalations, until, act } = await newPlan('升级：修改与手动');
    await until(nthWorkingDayAfter(due, 1));
    await eventually(async () => expect(await escalations()).toHaveLength(1));
    // The yellow slip moves from 5 to 3 working days; the urge (already fired) moves to 2 and must not fire again.
    const edited = defaultLadder.map((r) => ({ ...r, trigger: { ...r.trigger } }));
    edited[0]!.trigger.count = 2;
    edited[1]!.trigger.count = 3;
    await setEscalationLadder({ prisma: db.prisma, temporal: env.client }, supervisor, planId, edited);
    const three = nthWorkingDayAfter(due, 3);
    await until(three);
    const fired = await eventually(async () => {
      const found = await escalations();
      expect(found).toHaveLength(2);
      return found;
    });
    expect(fired.map((e) => e.data.rungId)).toEqual(['urge', 'yellow']);
    expect(fired[1]!.at.getTime()).toBeGreaterThanOrEqual(three);
    expect(fired[1]!.at.getTime()).toBeLessThan(three + 60_000);

    // The office issues the 约谈 by hand; it never fires again by time.
    const hand = await act(supervisor, { type: 'escalate', bodyName: '市法制办', rungId: 'interview', comment: '约谈主要负责人' });
    expect(hand.data).toMatchObject({ rungId: 'interview', byHand: true });
    await expect(act(supervisor, { type: 'escalate', bodyName: '市法制办', rungId: 'interview' })).rejects.toMatchObject({ cause: { message: expect.stringContaining('已对该分工发出过') } });
    await expect(act(legal, { type: 'escalate', bodyName: '市法制办', rungId: 'red' })).rejects.toMatchObject({ cause: { type: 'ForbiddenError' } });

    // The unit acknowledges its yellow slip, once.
    const slip = await db.prisma.supervisionSlip.findFirstOrThrow({ where: { taskId } });
    const ack = await act(legal, { type: 'acknowledgeSlip', bodyName: '市法制办', slipId: slip.id });
    expect(ack.type).toBe('slipAcknowledged');
    await expect(act(legal, { type: 'acknowledgeSlip', bodyName: '市法制办', slipId: slip.id })).rejects.toMatchObject({ cause: { message: expect.stringContaining('督办单') } });
    await eventually(async () => expect((await db.prisma.supervisionSlip.findUniqueOrThrow({ where: { id: slip.id } })).acknowledgedAt).not.toBeNull());

    await until(nthWorkingDayAfter(due, 20));
    expect((await escalations()).map((e) => e.data.rungId)).toEqual(['urge', 'yellow', 'interview', 'red']);
  }, 300_000);
});
