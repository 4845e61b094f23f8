import { shanghaiYear } from '../domain/evaluation/round.ts';
import { defaultReminderDays } from '../domain/supervision/reminders.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { dayMs, endOfShanghaiDay, shanghaiDate } from '../domain/time/instants.ts';
import { evaluationRoundId, evaluationRoundWorkflow, reportUnitId } from '../workflows/evaluation.ts';
import { unitActUpdate, unitQuery } from '../workflows/round-unit.ts';
import { openFilingRound, type RoundDeps } from './rounds.ts';

const supervisor: Actor = { accountId: 'account-supervisor', name: '市政府督查室 督办员', role: 'supervisor', bodyId: 'supervision-office' };
const heping: Actor & { bodyId: string } = { accountId: 'account-heping', name: '和平区人民政府 承办人', role: 'department', bodyId: 'district-heping' };

/**
 * The scoring scenario for the demo, through the real workflows: this year's
 * evaluation round due three days ago (和平区 reports late and is accepted:
 * 逾期报送; the others never report: 未报送) and a catalogue filing round due
 * the same day that 市商务委 and 市环保局 never file. With the demo plan
 * (district leads overdue, 市市场监管委's extension granted in time) the
 * performance office computes the year and sees each kind of line.
 */
export async function loadDemoScoringYear(deps: RoundDeps, now = Date.now()): Promise<void> {
  const deadline = endOfShanghaiDay(shanghaiDate(now - 3 * dayMs));
  const year = shanghaiYear(deadline.getTime());
  const { temporal, taskQueue } = deps;
  await temporal.workflow.start(evaluationRoundWorkflow, {
    workflowId: evaluationRoundId(year),
    taskQueue,
    args: [{ year, deadline: deadline.toISOString(), reminderDays: defaultReminderDays, openedBy: { accountId: supervisor.accountId, name: supervisor.name } }],
  });
  const report = temporal.workflow.getHandle(reportUnitId(year, heping.bodyId));
  // The round starts each report as a child; until its first workflow task runs, the report answers no query.
  const started = () => report.query(unitQuery).then(() => true, () => false);
  for (let i = 0; !(await started()); i += 1) {
    if (i > 300) throw new Error(`The demo evaluation round ${year} did not start its reports.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const submission = { followUp: '取消事项均已落实后续监管。', benefits: '办理时限平均缩短三成。', marketVitality: '新设市场主体同比增长。', supervisionEfficiency: '双随机抽查全覆盖。', attachments: [] };
  await report.executeUpdate(unitActUpdate, { args: [{ actor: heping, action: { type: 'submit', submission, comment: '因汇总数据延误，逾期报送。' } }] });
  await report.executeUpdate(unitActUpdate, { args: [{ actor: supervisor, action: { type: 'accept', comment: '同意（逾期报送）。' } }] });
  await openFilingRound(deps, supervisor, { title: `${year} 年监管目录备案（演示）`, deadline, bodyIds: ['commerce', 'environment'] });
}
