import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ActionRequest } from '../../domain/supervision/actions.ts';
import type { Actor, TaskEvent } from '../../domain/supervision/types.ts';
import { endOfShanghaiDay } from '../../domain/time/instants.ts';
import { addWorkingDays } from '../../domain/time/working-days.ts';
import { commitPlan } from '../../services/plans/commit.ts';
import { actUpdate, taskEventsQuery, taskWorkflowId } from '../../workflows/task.ts';
import { eventually } from '../helpers/eventually.ts';
import type { Scenario } from './scenarios.ts';

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };

/** A plan of one task led by 市法制办, due at the end of the Shanghai day `days` from the server's clock (reporting monthly with `recurrence`). */
async function oneTask({ env, prisma, taskQueue, dataDir }: Parameters<Scenario['run']>[0], title: string, days: number, recurrence: string | null = null) {
  const now = await env.currentTimeMs();
  const due = endOfShanghaiDay(new Date(now + days * day).toISOString().slice(0, 10)).getTime();
  const { planId } = await commitPlan(
    { prisma, temporal: env.client, taskQueue, dataDir },
    {
      title, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '完善信用信息公示系统。', leads: ['市法制办'], supports: [], recurrence }],
      requirements: [{ text: '按期完成', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    },
    new Date(now),
  );
  const handle = env.client.workflow.getHandle(taskWorkflowId(planId, '1.1'));
  return { handle, due, act: (request: ActionRequest) => handle.executeUpdate(actUpdate, { args: [request] }) };
}

/** Waits until the task workflow has recorded `count` escalations (a rung's slip is issued by an activity after the timer fires). */
const escalations = (handle: WorkflowHandle, count: number) =>
  eventually(async () => {
    const fired = (await handle.query(taskEventsQuery)).filter((e: TaskEvent) => e.type === 'escalated');
    if (fired.length < count) throw new Error(`${fired.length} of ${count} rungs fired`);
    return fired;
  }, 120_000);

/** Advances the server's clock to a minute past the end of the n-th working day after the deadline: when rung n falls due. */
async function toWorkingDay(env: TestWorkflowEnvironment, due: number, n: number) {
  await env.sleep(addWorkingDays(new Date(due), n).getTime() + 60_000 - (await env.currentTimeMs()));
}

/** Recorded paths of the escalation ladder (issue 20) and of the unit's sign-off (issue 21). */
export const supervisionScenarios: Scenario[] = [
  {
    // Overdue: the urge at 1 working day and the yellow 督办单 at 5 fire by time; the unit acknowledges the slip;
    // the red 督办单 fires at 10; the office issues the 约谈 by hand (it never fires again at 15); the unit submits, the office accepts.
    name: 'task-ladder-urged-yellow-acknowledged-red-interview-by-hand-accepted',
    async run(deps) {
      const { handle, due, act } = await oneTask(deps, '升级回放样例', 2);
      await toWorkingDay(deps.env, due, 5);
      const [, yellow] = await escalations(handle, 2);
      await act({ actor: legal, action: { type: 'acknowledgeSlip', bodyName: '市法制办', slipId: yellow!.data.slipId as string } });
      await toWorkingDay(deps.env, due, 10);
      await escalations(handle, 3);
      await act({ actor: supervisor, action: { type: 'escalate', bodyName: '市法制办', rungId: 'interview', comment: '约谈主要负责人' } });
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '已完成整改' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
  {
    // The ladder's fired rungs ride on the assignment's state through continue-as-new: an overdue task that also owes
    // monthly reports climbs every rung, then its history fills with the months' reminders and overdue notices and
    // it continues as new; the fixture is the new run, which fires no rung again, and closes on submission and acceptance.
    name: 'task-ladder-climbed-continued-as-new-accepted',
    async run(deps) {
      const { handle, act } = await oneTask(deps, '升级续跑回放样例', 2, 'FREQ=MONTHLY;BYMONTHDAY=5');
      const first = (await handle.describe()).runId;
      await deps.env.sleep(30 * day);
      await escalations(handle, 4);
      for (let month = 0; (await handle.describe()).runId === first; month += 1) {
        if (month === 36) throw new Error('no continue-as-new in three years');
        await deps.env.sleep(30 * day);
      }
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '已完成' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
  {
    // A unit with a 负责人: the 承办人's submission becomes a draft, the 负责人 returns it, the 承办人 redrafts,
    // the acting delegate (职务代理) signs it off, and the office accepts.
    name: 'task-sign-off-drafted-returned-redrafted-signed-by-delegate-accepted',
    async run(deps) {
      const { handle, act } = await oneTask(deps, '签发回放样例', 30);
      const unit = { role: 'department', bodyId: 'legal-affairs-office' } as const;
      const drafter: Actor = { ...unit, accountId: 'account-legal-drafter', name: '张三', duty: 'drafter' };
      const responsible: Actor = { ...unit, accountId: 'account-legal', name: '李四', duty: 'responsible' };
      const now = await deps.env.currentTimeMs();
      const period = { from: new Date(now).toISOString(), until: new Date(now + 60 * day).toISOString() };
      const delegate: Actor = { ...unit, accountId: 'account-legal-deputy', name: '王五', duty: 'responsible', onBehalfOf: { accountId: 'account-legal', name: '李四', ...period } };
      await deps.env.sleep(day);
      await act({ actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '初稿' } });
      await act({ actor: responsible, action: { type: 'returnDraft', bodyName: '市法制办', comment: '请补充数据' } });
      await deps.env.sleep(day);
      await act({ actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '修改稿' } });
      await act({ actor: delegate, action: { type: 'signOff', bodyName: '市法制办', comment: '同意报送' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
];
