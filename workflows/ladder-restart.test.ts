import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { TaskAction } from '../domain/supervision/actions.ts';
import { defaultLadder, type LadderRung } from '../domain/supervision/ladder.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { endOfShanghaiDay } from '../domain/time/instants.ts';
import { addWorkingDays } from '../domain/time/working-days.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { setEscalationLadder } from '../services/supervision/ladder.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { devServerEnvironment, timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { createWorker } from '../worker/create.ts';
import { actUpdate, taskWorkflowId } from './task.ts';

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };

/**
 * One server and read model, and the worker of the moment: `restart` shuts the
 * running worker down gracefully (as a deploy does) and starts a new one, a
 * fresh `Worker.create` on the same task queue that holds nothing of the old
 * one's workflows and must rebuild them from their histories.
 */
function restartableWorker(server: () => Promise<TestWorkflowEnvironment>) {
  const s = {} as { env: TestWorkflowEnvironment; db: TestDatabase; worker: Worker; running: Promise<void> };
  const start = async (maxCachedWorkflows?: number) => {
    s.worker = await createWorker({ connection: s.env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: s.db.prisma, dataDir: s.db.dataDir, maxCachedWorkflows });
    s.running = s.worker.run();
  };
  const stop = async () => {
    s.worker.shutdown();
    await s.running;
  };
  beforeAll(async () => {
    [s.env, s.db] = await Promise.all([server(), createTestDatabase()]);
  });
  afterAll(async () => {
    if (s.worker?.getState() === 'RUNNING') await stop();
    await Promise.all([s.env?.teardown(), s.db?.dispose()]);
  });

  /** A plan of one task led by 市法制办, due at the end of the Shanghai day `days` from the server's clock. */
  async function newPlan(title: string, days: number) {
    const now = await s.env.currentTimeMs();
    const due = endOfShanghaiDay(new Date(now + days * day).toISOString().slice(0, 10)).getTime();
    const { planId } = await commitPlan(
      { prisma: s.db.prisma, temporal: s.env.client, taskQueue: 'duban', dataDir: s.db.dataDir },
      {
        title, issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
        tasks: [{ ref: '1.1', section: '一', text: '完善信用信息公示系统。', leads: ['市法制办'], supports: [] }],
        requirements: [{ text: '按期完成', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
      },
      new Date(now),
    );
    const taskId = taskWorkflowId(planId, '1.1');
    const handle = s.env.client.workflow.getHandle(taskId);
    return {
      planId, taskId, due,
      act: (actor: Actor, action: TaskAction) => handle.executeUpdate(actUpdate, { args: [{ actor, action }] }),
      /** The escalations the read model holds, oldest first, once there are `count` of them (a rung's slip is issued by an activity after its timer). */
      escalations: (count: number) =>
        eventually(async () => {
          const found = await s.db.prisma.taskEvent.findMany({ where: { taskId, type: 'escalated' }, orderBy: { seq: 'asc' } });
          expect(found).toHaveLength(count);
          return found.map((e) => ({ at: e.at.getTime(), ...(JSON.parse(e.data) as { rungId: string }) }));
        }, 120_000),
      /** Workflow tasks of the run that failed: a nondeterminism error on replay in the new worker fails one. */
      workflowTaskFailures: async () => (await handle.fetchHistory()).events!.filter((e) => e.workflowTaskFailedEventAttributes).length,
    };
  }
  const restart = async (maxCachedWorkflows?: number) => {
    await stop();
    await start(maxCachedWorkflows);
  };
  return { s, start, restart, newPlan };
}

describe('escalation ladder across a worker restart, on the time-skipping server', () => {
  const { s, start, restart, newPlan } = restartableWorker(timeSkippingEnvironment);

  // Worker 1 keeps no workflow in memory. With a cache, a worker asks the server to route a
  // workflow's next tasks to its own sticky queue; the time-skipping test server keeps doing so
  // after that worker is gone (it implements neither ShutdownWorker nor ResetStickyTaskQueue, and
  // starts a sticky task's timeout only once a worker takes the task), so the next rung's task
  // would wait forever on a queue nobody polls. The real server sends it to the normal queue
  // instead: the dev-server test below restarts a caching worker.
  it('climbs each remaining rung once, at its working-day instant, after a new worker takes over', async () => {
    await start(0);
    const { taskId, due, escalations, workflowTaskFailures } = await newPlan('升级：重启', 2);
    const instant = (rung: LadderRung) => addWorkingDays(new Date(due), (rung.trigger as { count: number }).count).getTime();
    const until = async (at: number) => s.env.sleep(Math.max(at + 60_000 - (await s.env.currentTimeMs()), 1));

    // Worker 1: the urge and the yellow 督办单.
    await until(instant(defaultLadder[1]!));
    const before = await escalations(2);
    expect(before.map((e) => e.rungId)).toEqual(['urge', 'yellow']);

    // Worker 2 (a fresh Worker.create, with the production cache): the red 督办单 at its instant, then the 约谈 at its own.
    await restart();
    for (const [i, rung] of defaultLadder.entries()) {
      if (i < 2) continue;
      await until(instant(rung));
      const fired = await escalations(i + 1);
      expect(fired[i]!.rungId).toBe(rung.id);
      expect(fired[i]!.at).toBeGreaterThanOrEqual(instant(rung));
      expect(fired[i]!.at).toBeLessThan(instant(rung) + 60_000);
    }
    // A month on, no rung has fired twice, the first two are those worker 1 fired, and the replay in worker 2 failed no task.
    await until(instant(defaultLadder.at(-1)!) + 30 * day);
    const after = await escalations(defaultLadder.length);
    expect(after.map((e) => e.rungId)).toEqual(defaultLadder.map((r) => r.id));
    expect(after.slice(0, 2)).toEqual(before);
    expect(await workflowTaskFailures()).toBe(0);
    const slips = await s.db.prisma.supervisionSlip.findMany({ where: { taskId }, orderBy: { serial: 'asc' } });
    expect(slips.map((x) => [x.level, x.serial])).toEqual([['yellow', 1], ['red', 2]]);
  }, 400_000);
});

describe('escalation ladder across a worker restart, on the dev server', () => {
  const { start, restart, newPlan, s } = restartableWorker(devServerEnvironment);

  // The real server, with the production worker (a workflow cache, so sticky queues) before and after:
  // a ladder climbed by urges left unanswered, so its rungs fall due on the office's actions in real time.
  it('fires the next rung once on the new worker, and none of the old worker\'s again', async () => {
    await start();
    const { planId, act, escalations, workflowTaskFailures } = await newPlan('升级：重启（开发服务器）', 30);
    const ladder: LadderRung[] = [
      { id: 'yellow', trigger: { kind: 'urgesWithoutResponse', count: 1 }, action: 'yellowSlip', points: -1 },
      { id: 'red', trigger: { kind: 'urgesWithoutResponse', count: 2 }, action: 'redSlip', points: -2 },
    ];
    await setEscalationLadder({ prisma: s.db.prisma, temporal: s.env.client }, supervisor, planId, ladder);
    const urge = () => act(supervisor, { type: 'urge', bodyName: '市法制办', comment: '请抓紧' });

    await urge();
    expect((await escalations(1)).map((e) => e.rungId)).toEqual(['yellow']);
    await restart();
    await urge();
    expect((await escalations(2)).map((e) => e.rungId)).toEqual(['yellow', 'red']);
    // A third urge finds every rung fired: nothing fires again.
    await urge();
    expect((await escalations(2)).map((e) => e.rungId)).toEqual(['yellow', 'red']);
    expect(await workflowTaskFailures()).toBe(0);
  }, 300_000);
});
