import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CatalogueSubmission } from '../../domain/filing/round.ts';
import type { SelfEvaluationReport } from '../../domain/evaluation/report.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { evaluationRoundActUpdate, evaluationRoundQuery, evaluationRoundWorkflow, reportUnitId, scheduledEvaluationWorkflow } from '../../workflows/evaluation.ts';
import { filingRoundActUpdate, filingRoundQuery, filingRoundWorkflow, filingUnitId } from '../../workflows/filing.ts';
import { unitActUpdate } from '../../workflows/round-unit.ts';
import type { Scenario } from './scenarios.ts';

const day = 86_400_000;
const coordinator: Actor = { accountId: 'account-coordinator', name: '统筹协调', role: 'supervisor', bodyId: 'market-commission' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const market: Actor = { accountId: 'account-market', name: '市场监管委', role: 'department', bodyId: 'market-commission' };
const heping: Actor = { accountId: 'account-heping', name: '和平区', role: 'department', bodyId: 'district-heping' };
const catalogue: CatalogueSubmission = {
  measures: { id: 'b'.repeat(64), name: '实施办法.docx' },
  rows: [{ item: '法规审查', disposition: 'kept', object: '规范性文件', content: '合法性', method: '书面审查', standard: '立法法', measures: '纠正', procedure: '受理—审查—反馈' }],
};
const report: SelfEvaluationReport = { followUp: '已落实', benefits: '时限缩短', marketVitality: '主体增长', supervisionEfficiency: '全覆盖', attachments: [] };
const today = (env: TestWorkflowEnvironment) => env.currentTimeMs().then((now) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function openFiling(env: TestWorkflowEnvironment, taskQueue: string, roundId: string, bodies: Array<{ id: string; name: string }>) {
  const deadline = (await env.currentTimeMs()) + 10 * day;
  return env.client.workflow.start(filingRoundWorkflow, {
    workflowId: roundId, taskQueue,
    args: [{ roundId, title: '回放样例', deadline: new Date(deadline).toISOString(), bodies, reminderDays: [7, 1], openedBy: { accountId: coordinator.accountId, name: coordinator.name } }],
  });
}

/** Filing and evaluation rounds and their units, each run to its end. */
export const roundScenarios: Scenario[] = [
  {
    name: 'filing-round-returned-overdue-consolidated-filed',
    async run({ env, taskQueue }) {
      const roundId = 'replay-filing';
      const round = await openFiling(env, taskQueue, roundId, [{ id: 'legal-affairs-office', name: '市法制办' }, { id: 'market-commission', name: '市市场监管委' }]);
      const unit = env.client.workflow.getHandle(filingUnitId(roundId, 'legal-affairs-office'));
      await until(async () => (await unit.describe().then(() => true, () => false)));
      for (const [actor, action] of [
        [legal, { type: 'submit', submission: catalogue }], [coordinator, { type: 'return', comment: '请补充' }],
        [legal, { type: 'submit', submission: catalogue }], [coordinator, { type: 'accept' }],
      ] as const) await unit.executeUpdate(unitActUpdate, { args: [{ actor, action }] });
      await until(async () => (await round.query(filingRoundQuery)).units[0]!.status === 'accepted');
      await env.sleep(11 * day);
      await round.executeUpdate(filingRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'consolidate' } }] });
      await round.executeUpdate(filingRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'recordFiling', filedOn: await today(env), filingNumber: '备〔2016〕1号' } }] });
      return round;
    },
  },
  {
    name: 'filing-unit-reminded-overdue-weekly-late-accepted',
    async run({ env, taskQueue }) {
      const roundId = 'replay-filing-unit';
      await openFiling(env, taskQueue, roundId, [{ id: 'market-commission', name: '市市场监管委' }]);
      const unit = env.client.workflow.getHandle(filingUnitId(roundId, 'market-commission'));
      await until(async () => (await unit.describe().then(() => true, () => false)));
      await env.sleep(18 * day);
      await unit.executeUpdate(unitActUpdate, { args: [{ actor: market, action: { type: 'submit', submission: catalogue } }] });
      await unit.executeUpdate(unitActUpdate, { args: [{ actor: coordinator, action: { type: 'accept' } }] });
      return unit;
    },
  },
  {
    name: 'evaluation-round-consolidated',
    async run({ env, taskQueue }) {
      const deadline = new Date((await env.currentTimeMs()) + 5 * day).toISOString();
      const round = await env.client.workflow.start(evaluationRoundWorkflow, {
        workflowId: 'evaluation:2016', taskQueue, args: [{ year: 2016, deadline, reminderDays: [7, 1], openedBy: { accountId: coordinator.accountId, name: coordinator.name } }],
      });
      await until(async () => (await round.query(evaluationRoundQuery)).units.length > 0);
      await env.sleep(6 * day);
      await round.executeUpdate(evaluationRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'consolidate', submittedOn: await today(env) } }] });
      return round;
    },
  },
  {
    name: 'report-unit-returned-accepted',
    async run({ env, taskQueue }) {
      const deadline = new Date((await env.currentTimeMs()) + 5 * day).toISOString();
      await env.client.workflow.start(evaluationRoundWorkflow, {
        workflowId: 'evaluation:2017', taskQueue, args: [{ year: 2017, deadline, reminderDays: [7, 1], openedBy: { accountId: coordinator.accountId, name: coordinator.name } }],
      });
      const unit = env.client.workflow.getHandle(reportUnitId(2017, 'district-heping'));
      await until(async () => (await unit.describe().then(() => true, () => false)));
      for (const [actor, action] of [
        [heping, { type: 'submit', submission: report }], [coordinator, { type: 'return', comment: '请补充数据' }],
        [heping, { type: 'submit', submission: report }], [coordinator, { type: 'accept' }],
      ] as const) await unit.executeUpdate(unitActUpdate, { args: [{ actor, action }] });
      return unit;
    },
  },
  {
    name: 'scheduled-evaluation-opens-round',
    run: ({ env, taskQueue }) =>
      env.client.workflow.start(scheduledEvaluationWorkflow, { workflowId: 'replay-evaluation-opener', taskQueue, args: [{ due: '12-31', reminderDays: [7, 1] }] }),
  },
];
