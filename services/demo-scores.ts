import { shanghaiYear } from '../domain/evaluation/round.ts';
import { defaultReminderDays } from '../domain/supervision/reminders.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { dayMs, endOfShanghaiDay, shanghaiDate } from '../domain/time/instants.ts';
import { evaluationRoundId, evaluationRoundWorkflow, reportUnitId } from '../workflows/evaluation.ts';
import { filingUnitId } from '../workflows/filing.ts';
import { unitActUpdate, unitQuery } from '../workflows/round-unit.ts';
import { storeAttachment } from './attachments.ts';
import { openFilingRound, type RoundDeps } from './rounds.ts';

const supervisor: Actor = { accountId: 'account-supervisor', name: '市政府督查室 督办员', role: 'supervisor', bodyId: 'supervision-office' };
const heping: Actor & { bodyId: string } = { accountId: 'account-heping', name: '和平区人民政府 承办人', role: 'department', bodyId: 'district-heping' };
const environment: Actor & { bodyId: string } = { accountId: 'account-environment', name: '市环保局 承办人', role: 'department', bodyId: 'environment' };

/** Waits until a round's child workflow answers queries (the round starts its units after its own first task). */
async function untilStarted(deps: RoundDeps, workflowId: string, what: string): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  for (let i = 0; !(await handle.query(unitQuery).then(() => true, () => false)); i += 1) {
    if (i > 300) throw new Error(`The demo ${what} did not start.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The scoring scenario for the demo, through the real workflows: this year's
 * evaluation round due three days ago (和平区 reports late and is accepted:
 * 逾期报送; the others never report: 未报送) and a catalogue filing round due
 * the same day that 市商务委 never files (未报送) and 市环保局 files late, accepted
 * (逾期报送). With the demo plan
 * (district leads overdue, 市市场监管委's extension granted in time) the
 * performance office computes the year and sees each kind of line.
 */
export async function loadDemoScoringYear(deps: RoundDeps & { dataDir: string }, now = Date.now()): Promise<void> {
  const deadline = endOfShanghaiDay(shanghaiDate(now - 3 * dayMs));
  const year = shanghaiYear(deadline.getTime());
  const { temporal, taskQueue } = deps;
  await temporal.workflow.start(evaluationRoundWorkflow, {
    workflowId: evaluationRoundId(year),
    taskQueue,
    args: [{ year, deadline: deadline.toISOString(), reminderDays: defaultReminderDays, openedBy: { accountId: supervisor.accountId, name: supervisor.name } }],
  });
  await untilStarted(deps, reportUnitId(year, heping.bodyId), `evaluation round ${year}`);
  const report = temporal.workflow.getHandle(reportUnitId(year, heping.bodyId));
  const submission = { followUp: '取消事项均已落实后续监管。', benefits: '办理时限平均缩短三成。', marketVitality: '新设市场主体同比增长。', supervisionEfficiency: '双随机抽查全覆盖。', attachments: [] };
  await report.executeUpdate(unitActUpdate, { args: [{ actor: heping, action: { type: 'submit', submission, comment: '因汇总数据延误，逾期报送。' } }] });
  await report.executeUpdate(unitActUpdate, { args: [{ actor: supervisor, action: { type: 'accept', comment: '同意（逾期报送）。' } }] });
  const roundId = await openFilingRound(deps, supervisor, { title: `${year} 年监管目录备案（演示）`, deadline, bodyIds: ['commerce', 'environment'] });
  await untilStarted(deps, filingUnitId(roundId, environment.bodyId), 'filing round');
  const measures = await storeAttachment(deps.prisma, deps.dataDir, new File(['市环保局监管实施办法（演示）'], '市环保局监管实施办法.txt'), environment.accountId);
  const catalogue = {
    measures: { id: measures.id, name: measures.name },
    rows: [{ item: '建设项目环境影响评价审批', disposition: 'kept', object: '建设单位', content: '环评文件执行情况', method: '双随机抽查', standard: '环评法', measures: '责令整改', procedure: '抽查—告知—整改—复查' }],
  };
  const filing = temporal.workflow.getHandle(filingUnitId(roundId, environment.bodyId));
  await filing.executeUpdate(unitActUpdate, { args: [{ actor: environment, action: { type: 'submit', submission: catalogue, comment: '因机构调整，逾期报送。' } }] });
  await filing.executeUpdate(unitActUpdate, { args: [{ actor: supervisor, action: { type: 'accept', comment: '同意（逾期报送）。' } }] });
}
