import fs from 'node:fs';
import { commitPlan, type CommitDeps } from './plans/commit.ts';
import type { ActionRequest } from '../domain/supervision/actions.ts';
import { parseNotice } from '../domain/plan/parse.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { dayMs } from '../domain/time/instants.ts';
import { actUpdate, taskQuery, taskWorkflowId } from '../workflows/task.ts';
import { reportActUpdate } from '../workflows/task/reports.ts';
import type { ReportObligation, ReportRequest } from '../domain/reporting/obligations.ts';
import { loadDemoInspectionRound } from './demo-inspection.ts';
import { loadDemoScoringYear } from './demo-scores.ts';

export const seedNotice = new URL('../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url);

const actor = (login: string, name: string, role: Actor['role'], bodyId: string): Actor => ({ accountId: `account-${login}`, name, role, bodyId });
const supervisor = actor('supervisor', '市政府督查室 督办员', 'supervisor', 'supervision-office');
const market = actor('market', '市市场监管委 承办人', 'department', 'market-commission');
const legal = actor('legal', '市法制办 承办人', 'department', 'legal-affairs-office');

/** Demo steps on the seed plan, so every light and workspace has something true to show. */
function demoSteps(now: number): Array<[ref: string, request: ActionRequest]> {
  const inDays = (days: number) => new Date(now + days * dayMs).toISOString();
  return [
    ['1.1', { actor: market, action: { type: 'submit', bodyName: '市市场监管委', comment: '信用信息公示系统已完善，报送建设方案。' } }],
    ['1.1', { actor: supervisor, action: { type: 'accept', bodyName: '市市场监管委', comment: '同意办结。' } }],
    ['1.2', { actor: market, action: { type: 'submit', bodyName: '市市场监管委', comment: '报送系统功能说明。' } }],
    ['1.3', { actor: market, action: { type: 'submit', bodyName: '市市场监管委', comment: '报送公示工作制度。' } }],
    ['1.3', { actor: supervisor, action: { type: 'return', bodyName: '市市场监管委', comment: '请补充抽查制度的具体细则。' } }],
    ['2.1', { actor: market, action: { type: 'requestExtension', bodyName: '市市场监管委', until: inDays(5), comment: '暂行办法需征求法制办意见。' } }],
    ['2.1', { actor: supervisor, action: { type: 'decideExtension', bodyName: '市市场监管委', approve: true, comment: '同意延期。' } }],
    ['2.1', { actor: legal, action: { type: 'progress', bodyName: '市法制办', comment: '正在合法性审查。' } }],
    ['2.2', { actor: market, action: { type: 'requestExtension', bodyName: '市市场监管委', until: inDays(20), comment: '分类监管办法待市政府常务会审议。' } }],
    ['2.2', { actor: supervisor, action: { type: 'decideExtension', bodyName: '市市场监管委', approve: true } }],
    ['2.2', { actor: supervisor, action: { type: 'designate', bodyName: '市有关行政主管部门', bodies: [{ name: '市商务委', id: 'commerce' }, { name: '市环保局', id: 'environment' }] } }],
    ['6.5', { actor: legal, action: { type: 'progress', bodyName: '市法制办', comment: '街道综合执法办法修订中。' } }],
    ['6.5', { actor: supervisor, action: { type: 'urge', bodyName: '市编办', comment: '请于本周内报送进展。' } }],
  ];
}

/** The demo task with a monthly report obligation. */
export const demoReportingRef = '1.2';

/**
 * The monthly reports of the demo task: the oldest period filed late and
 * accepted, the next missing, any later past one filed and awaiting the
 * office, the period under way filed on time and accepted.
 */
async function fileDemoReports(deps: CommitDeps, planId: string, now: number): Promise<void> {
  const handle = deps.temporal.workflow.getHandle(taskWorkflowId(planId, demoReportingRef));
  let obligations: ReportObligation[] = [];
  // The workflow opens its periods on its first run, right after the import started it.
  for (let tries = 0; tries < 100 && obligations.length === 0; tries += 1) {
    obligations = (await handle.query(taskQuery)).reporting?.obligations.filter((o) => o.bodyName === '市市场监管委') ?? [];
    if (obligations.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const past = obligations.filter((o) => Date.parse(o.due) < now);
  const current = obligations.filter((o) => Date.parse(o.due) >= now);
  const report = (request: ReportRequest) => handle.executeUpdate(reportActUpdate, { args: [request] });
  const file = (o: ReportObligation, comment: string, percent: number) =>
    report({ actor: market, action: { type: 'fileReport', bodyName: o.bodyName, periodStart: o.periodStart, comment, percent } });
  const accept = (o: ReportObligation) => report({ actor: supervisor, action: { type: 'acceptReport', bodyName: o.bodyName, periodStart: o.periodStart, comment: '已阅。' } });
  if (past[0]) {
    await file(past[0], '本月完成系统功能梳理，形成需求清单。', 20);
    await accept(past[0]);
  }
  // past[1] stays missing.
  for (const o of past.slice(2)) await file(o, '本月完成系统测试，准备上线。', 50);
  for (const o of current) {
    await file(o, '本月系统试运行，收集各单位意见。', 60);
    await accept(o);
  }
}

/**
 * On an empty read model: imports the seed notice rebased so that its main
 * deadline (end of January 2016) fell two days ago, then walks a few tasks
 * through submissions, a return, extensions, a designation and an urge; adds
 * one published inspection round and the rounds of the scoring scenario; task
 * 1.2 reports monthly, a few periods filed, one late and one missing.
 */
export async function loadDemoPlan(deps: CommitDeps, now = Date.now()): Promise<string | null> {
  if ((await deps.prisma.plan.count()) > 0) return null;
  const sourceText = fs.readFileSync(seedNotice, 'utf8');
  const parsed = parseNotice(sourceText);
  const mainDeadlineAfterNotice = 47;
  const rebasedOn = new Date(now - (mainDeadlineAfterNotice + 2) * dayMs);
  // One task reports monthly (每月5日前报送进展), owed since about three months ago.
  const tasks = parsed.tasks.map((t) => (t.ref === demoReportingRef ? { ...t, recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' } : t));
  const reportsFrom = new Date(now - 100 * dayMs).toISOString();
  const { planId } = await commitPlan(deps, { ...parsed, tasks, sourceText, timeline: 'rebased', reportsFrom }, rebasedOn);
  for (const [ref, request] of demoSteps(now)) {
    await deps.temporal.workflow.getHandle(taskWorkflowId(planId, ref)).executeUpdate(actUpdate, { args: [request] });
  }
  await fileDemoReports(deps, planId, now);
  await loadDemoInspectionRound(deps, now);
  await loadDemoScoringYear(deps, now);
  return planId;
}
