import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { commitPlan } from '../../services/plans/commit.ts';
import type { ActionRequest } from '../../domain/supervision/actions.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { noopWorkflow } from '../../workflows/noop.ts';
import { actUpdate, taskQuery, taskWorkflowId } from '../../workflows/task.ts';
import { reportActUpdate } from '../../workflows/task/reports.ts';
import type { ReportRequest } from '../../domain/reporting/obligations.ts';
import { creditScenarios } from './credit-scenarios.ts';
import { roundScenarios } from './round-scenarios.ts';
import { supervisionScenarios } from './supervision-scenarios.ts';

/** A run of a workflow whose history is kept as a replay fixture. */
export interface Scenario {
  name: string;
  run(deps: { env: TestWorkflowEnvironment; prisma: PrismaClient; taskQueue: string; dataDir: string }): Promise<WorkflowHandle>;
}

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };

export const scenarios: Scenario[] = [
  {
    name: 'noop-sleeps-a-day',
    run: ({ env, taskQueue }) =>
      env.client.workflow.start(noopWorkflow, { args: [day], workflowId: 'noop-sleeps-a-day', taskQueue }),
  },
  {
    name: 'task-reminded-overdue-extended-returned-accepted',
    async run({ env, prisma, taskQueue, dataDir }) {
      const due = (await env.currentTimeMs()) + 10 * day;
      const { planId } = await commitPlan(
        { prisma, temporal: env.client, taskQueue, dataDir },
        {
          title: '回放样例', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
          tasks: [{ ref: '1.1', section: '一', text: '制定实施细则。', leads: ['市法制办'], supports: ['市市场监管委', '市有关行政主管部门'] }],
          requirements: [{ text: '制定具体办法和实施细则', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
        },
      );
      const handle = env.client.workflow.getHandle(taskWorkflowId(planId, '1.1'));
      const act = (request: ActionRequest) => handle.executeUpdate(actUpdate, { args: [request] });
      await env.sleep(11 * day);
      await act({ actor: legal, action: { type: 'requestExtension', bodyName: '市法制办', until: new Date(due + 30 * day).toISOString(), comment: '征求意见' } });
      await act({ actor: supervisor, action: { type: 'decideExtension', bodyName: '市法制办', approve: true } });
      await act({ actor: supervisor, action: { type: 'designate', bodyName: '市有关行政主管部门', bodies: [{ name: '市商务委', id: 'commerce' }] } });
      await act({ actor: supervisor, action: { type: 'urge', bodyName: '市法制办', comment: '请抓紧' } });
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '第一稿' } });
      await act({ actor: supervisor, action: { type: 'return', bodyName: '市法制办', comment: '请补充' } });
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '第二稿' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
  {
    name: 'task-receipt-reminded-acknowledged-designated-accepted',
    async run({ env, prisma, taskQueue, dataDir }) {
      const due = (await env.currentTimeMs()) + 30 * day;
      const { planId } = await commitPlan(
        { prisma, temporal: env.client, taskQueue, dataDir },
        {
          title: '签收样例', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
          tasks: [{ ref: '1.1', section: '一', text: '制定实施细则。', leads: ['市法制办'], supports: ['市有关行政主管部门'] }],
          requirements: [{ text: '制定具体办法和实施细则', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
        },
      );
      const handle = env.client.workflow.getHandle(taskWorkflowId(planId, '1.1'));
      const act = (request: ActionRequest) => handle.executeUpdate(actUpdate, { args: [request] });
      // Past the receipt window: the reminder goes out once; then 签收, a designation with a window of its own, and the close.
      await env.sleep(5 * day);
      await act({ actor: legal, action: { type: 'acknowledge', bodyName: '市法制办' } });
      const window = new Date((await env.currentTimeMs()) + 3 * day).toISOString();
      await act({ actor: supervisor, action: { type: 'designate', bodyName: '市有关行政主管部门', bodies: [{ name: '市商务委', id: 'commerce' }], acknowledgeBy: window } });
      await env.sleep(4 * day);
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '细则' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
  {
    name: 'task-report-obligations-reminded-overdue-filed-returned-accepted',
    async run({ env, prisma, taskQueue, dataDir }) {
      const due = (await env.currentTimeMs()) + 80 * day;
      const { planId } = await commitPlan(
        { prisma, temporal: env.client, taskQueue, dataDir },
        {
          title: '定期报告样例', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
          tasks: [{ ref: '1.1', section: '一', text: '每月5日前报送进展。', leads: ['市法制办'], supports: [], due: new Date(due).toISOString(), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' }],
          requirements: [],
        },
      );
      const handle = env.client.workflow.getHandle(taskWorkflowId(planId, '1.1'));
      const act = (request: ActionRequest) => handle.executeUpdate(actUpdate, { args: [request] });
      const report = (request: ReportRequest) => handle.executeUpdate(reportActUpdate, { args: [request] });
      // Past the first period's deadline: opened, reminded, overdue; then filed late, returned, filed again, accepted; the task closes.
      await env.sleep(45 * day);
      const [first] = (await handle.query(taskQuery)).reporting!.obligations;
      const at = { bodyName: '市法制办', periodStart: first!.periodStart };
      await report({ actor: legal, action: { type: 'fileReport', ...at, comment: '本月进展', percent: 30 } });
      await report({ actor: supervisor, action: { type: 'returnReport', ...at, comment: '请补充数据' } });
      await report({ actor: legal, action: { type: 'fileReport', ...at, comment: '本月进展（补充）', percent: 35 } });
      await report({ actor: supervisor, action: { type: 'acceptReport', ...at } });
      await act({ actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '完成' } });
      await act({ actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
      return handle;
    },
  },
  ...supervisionScenarios,
  ...roundScenarios,
  ...creditScenarios,
];
