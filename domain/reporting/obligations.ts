import { forbid, refuse } from '../errors.ts';
import { everyLead } from '../supervision/assign.ts';
import { checkLength } from '../limits.ts';
import { commentLine, days, dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import { reminderDue, nextReminderAt, type Reminder } from '../supervision/reminders.ts';
import type { Actor, Assignment, AttachmentRef, TaskEvent, TaskState } from '../supervision/types.ts';
import { shanghaiDate } from '../time/instants.ts';
import { opensAt, periodsDue, readRule, type ReportPeriod } from './periods.ts';
import type { ObligationStatus, ReportingState, ReportObligation, ReportSchedule } from './types.ts';

export type { ObligationStatus, PeriodReport, ReportingState, ReportObligation, ReportSchedule } from './types.ts';
export { reportSchedules } from './schedules.ts';

/** Every action on a period report: each becomes the task workflow's `reportAct` update. */
export type ReportAction =
  | { type: 'fileReport'; bodyName: string; periodStart: string; comment: string; percent?: number; attachments?: AttachmentRef[] }
  | { type: 'acceptReport'; bodyName: string; periodStart: string; comment?: string }
  | { type: 'returnReport'; bodyName: string; periodStart: string; comment: string }
  | { type: 'urgeReport'; bodyName: string; periodStart: string; comment: string };

export type ReportActionType = ReportAction['type'];
export const reportActionTypes: readonly ReportActionType[] = ['fileReport', 'acceptReport', 'returnReport', 'urgeReport'];

export interface ReportRequest {
  actor: Actor;
  action: ReportAction;
}

/** Where each action may start from. */
const from: Record<ReportActionType, readonly ObligationStatus[]> = {
  fileReport: ['assigned', 'returned'],
  acceptReport: ['submitted'],
  returnReport: ['submitted'],
  urgeReport: ['assigned', 'returned'],
};

/** A body's assignment binds it to a schedule when the schedule names it (or the group it came from), or, for the task's own, when it leads. */
export function bound(schedule: ReportSchedule, a: Pick<Assignment, 'bodyName' | 'role' | 'origin' | 'placeholder' | 'status'>): boolean {
  if (a.placeholder || a.status === 'withdrawn' || a.status === 'designated' || a.status === 'accepted') return false;
  if (schedule.bodyNames === null) return a.role === 'lead';
  return schedule.bodyNames.some((n) => (a.role === 'lead' && everyLead.test(n)) || n === a.bodyName || n === a.origin || a.bodyName.startsWith(n) || n.startsWith(a.bodyName));
}

export const obligationKey = (o: Pick<ReportObligation, 'bodyName' | 'periodStart'>) => `${o.bodyName}@${o.periodStart}`;

/** The periods each bound body owes that are open by now, not yet among the obligations. */
function owedBy(state: TaskState, reporting: ReportingState, now: number): ReportObligation[] {
  const start = Date.parse(reporting.from);
  const have = new Set(reporting.obligations.map(obligationKey));
  const out: ReportObligation[] = [];
  for (const schedule of reporting.schedules) {
    const rule = readRule(schedule.rule);
    if (!rule) continue;
    // Periods whose due day is within a year of now: those open by now are among them.
    const periods = periodsDue(rule, start, now + 400 * 24 * 3600 * 1000).filter((p) => opensAt(p, start) <= now);
    for (const a of state.assignments.filter((x) => bound(schedule, x))) {
      for (const p of periods) {
        const o: ReportObligation = {
          ...p, bodyName: a.bodyName, bodyId: a.bodyId, status: 'assigned', reminders: [], lastOverdueNoticeAt: null,
          submittedAt: null, acceptedAt: null, returnCount: 0, report: null, placeholder: false,
        };
        if (have.has(obligationKey(o))) continue;
        have.add(obligationKey(o));
        out.push(o);
      }
    }
  }
  return out;
}

/** Makes the obligations whose periods have opened by now; returns them (empty: nothing new). */
export function openObligations(state: TaskState, reporting: ReportingState, now: number): ReportObligation[] {
  const fresh = owedBy(state, reporting, now);
  reporting.obligations.push(...fresh);
  return fresh;
}

/** When the next period opens for some bound body, so the workflow can sleep until then. */
export function nextOpeningAt(state: TaskState, reporting: ReportingState, now: number): number | null {
  const start = Date.parse(reporting.from);
  const times: number[] = [];
  for (const schedule of reporting.schedules) {
    const rule = readRule(schedule.rule);
    if (!rule || !state.assignments.some((a) => bound(schedule, a))) continue;
    const next = periodsDue(rule, start, now + 400 * 24 * 3600 * 1000).map((p) => opensAt(p, start)).find((t) => t > now);
    if (next !== undefined) times.push(next);
  }
  return times.length ? Math.min(...times) : null;
}

/** Reminders owed now by each obligation (before its deadline, at it, weekly after), by the deadline reminders' own rule. */
export function dueReportReminders(reporting: ReportingState, reminderDays: number[], now: number): Array<{ obligation: ReportObligation; reminder: Reminder }> {
  return reporting.obligations.flatMap((obligation) => {
    const reminder = reminderDue(obligation, reminderDays, now);
    return reminder ? [{ obligation, reminder }] : [];
  });
}

export function nextReportReminderAt(reporting: ReportingState, reminderDays: number[], now: number): number | null {
  const times = reporting.obligations.map((o) => nextReminderAt(o, reminderDays, now)).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** Records a sent reminder on the obligation. */
export function settleReminder(o: ReportObligation, reminder: Reminder, at: string): void {
  o.reminders.push(...reminder.settles);
  if (reminder.kind !== 'before') o.lastOverdueNoticeAt = at;
}

const findObligation = (reporting: ReportingState | null | undefined, bodyName: string, periodStart: string) =>
  reporting?.obligations.find((o) => o.bodyName === bodyName && Date.parse(o.periodStart) === Date.parse(periodStart));

const statusWords: Record<ObligationStatus, string> = { assigned: '待报送 not filed', submitted: '已报送 filed', accepted: '已采纳 accepted', returned: '已退回 returned' };

/** Who may take this action on this obligation now; throws ForbiddenError or ActionRefused, and `availableReportActions` asks the same. */
export function checkReportAction(taskStatus: TaskState['status'], o: Pick<ReportObligation, 'status' | 'bodyId'>, actor: Actor, type: ReportActionType): void {
  if (taskStatus === 'closed') refuse('该任务已办结。', 'This task is closed.');
  if (type === 'fileReport') {
    if (actor.role !== 'department') forbid('只有承办单位可以报送定期报告。', 'Only the reporting body may file its period report.');
    const own = actor.bodyId === null ? [] : [actor.bodyId, ...(actor.mergedBodyIds ?? [])];
    if (o.bodyId === null || !own.includes(o.bodyId)) forbid('只能报送本单位的定期报告。', "You may file only your own body's period report.");
  } else if (actor.role !== 'supervisor') {
    forbid('只有督办部门可以执行此操作。', 'Only the supervising office may do this.');
  }
  if (!from[type].includes(o.status)) refuse(`该期报告当前为${statusWords[o.status]}，不能执行此操作。`, `Not allowed while the period report is ${o.status}.`);
}

export function availableReportActions(taskStatus: TaskState['status'], o: Pick<ReportObligation, 'status' | 'bodyId'>, actor: Actor): ReportActionType[] {
  return reportActionTypes.filter((type) => {
    try {
      checkReportAction(taskStatus, o, actor, type);
      return true;
    } catch {
      return false;
    }
  });
}

/** Checks a report action against the task as it stands: the Update validator. */
export function validateReportAction(state: TaskState, { actor, action }: ReportRequest): void {
  const o = findObligation(state.reporting, action.bodyName, action.periodStart);
  if (!o) refuse('该单位没有这一期的报告任务。', 'No period report of this body for that period.');
  checkReportAction(state.status, o!, actor, action.type);
  const comment = action.comment ?? '';
  checkLength(comment);
  if ((action.type === 'fileReport' || action.type === 'returnReport' || action.type === 'urgeReport') && !comment.trim()) {
    refuse(action.type === 'fileReport' ? '请填写报告内容。' : '请写明理由。', action.type === 'fileReport' ? 'Please write the report.' : 'Please give the reasons.');
  }
  if (action.type === 'fileReport' && action.percent !== undefined && !(Number.isInteger(action.percent) && action.percent >= 0 && action.percent <= 100)) {
    refuse('进度须为 0 到 100 之间的整数。', 'Progress must be a whole number from 0 to 100.');
  }
}

/** Applies a validated report action; returns the event to record (without its seq). Mutates the obligation. */
export function applyReportAction(state: TaskState, { actor, action }: ReportRequest, now: number): Omit<TaskEvent, 'seq'> {
  const at = new Date(now).toISOString();
  const o = findObligation(state.reporting, action.bodyName, action.periodStart)!;
  const data: Record<string, unknown> = { periodStart: o.periodStart, periodEnd: o.periodEnd, due: o.due };
  switch (action.type) {
    case 'fileReport':
      o.status = 'submitted';
      o.submittedAt = at;
      o.report = { text: action.comment, percent: action.percent ?? null, attachments: action.attachments ?? [] };
      if (action.percent !== undefined) data.percent = action.percent;
      break;
    case 'acceptReport':
      o.status = 'accepted';
      o.acceptedAt = at;
      break;
    case 'returnReport':
      o.status = 'returned';
      o.returnCount += 1;
      o.submittedAt = null;
      break;
    case 'urgeReport':
      break;
  }
  const type = ({ fileReport: 'reportFiled', acceptReport: 'reportAccepted', returnReport: 'reportReturned', urgeReport: 'reportUrged' } as const)[action.type];
  return {
    type, at, actor: { accountId: actor.accountId, name: actor.name }, bodyName: o.bodyName,
    comment: action.comment ?? null, attachments: action.type === 'fileReport' ? (action.attachments ?? []) : [], data,
  };
}

const periodWords = (o: ReportPeriod) => {
  const [from, to] = [shanghaiDate(o.periodStart), shanghaiDate(Date.parse(o.periodEnd) - 1)];
  return { zh: `${from}至${to}`, en: `${from} to ${to}` };
};
const taskWords = (state: TaskState) => ({ zh: `任务 ${state.ref}「${state.title}」`, en: `task ${state.ref} “${state.title}”` });

/** Notices of a report reminder: overdue ones go to the supervising office as well. */
export function reportReminderNotices(state: TaskState, o: ReportObligation, reminder: Reminder, at: string): Notice[] {
  if (!o.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}/${o.bodyName}/report@${o.periodStart}/${reminder.kind}@${at}` };
  const [task, period, due] = [taskWords(state), periodWords(o), dueWords(o.due)];
  if (reminder.kind === 'before') {
    return [{
      ...base, kind: 'reminder', audience: { kind: 'body', bodyId: o.bodyId },
      zh: { title: `【定期报告提醒】${task.zh}`, text: `${o.bodyName}：${task.zh}${period.zh}的定期报告（期限 ${due.zh}）还有 ${reminder.daysLeft} 天到期，请按时报送。` },
      en: { title: `Report reminder: ${task.en}`, text: `${o.bodyName}: the period report of ${task.en} for ${period.en} is due in ${days(reminder.daysLeft)} (${due.en}).` },
    }];
  }
  const late = -reminder.daysLeft;
  const toBody: Notice = {
    ...base, kind: 'overdue', audience: { kind: 'body', bodyId: o.bodyId },
    zh: { title: `【定期报告逾期】${task.zh}`, text: `${o.bodyName}：${task.zh}${period.zh}的定期报告（期限 ${due.zh}）已逾期 ${late} 天，请尽快报送。` },
    en: { title: `Report overdue: ${task.en}`, text: `${o.bodyName}: the period report of ${task.en} for ${period.en} is overdue by ${days(late)} (due ${due.en}).` },
  };
  return reminder.kind === 'overdue' ? [toBody, { ...toBody, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }] : [toBody];
}

/** Notices a report action sends: urged, returned and accepted reports to the body. */
export function reportActionNotices(state: TaskState, event: TaskEvent): Notice[] {
  const o = findObligation(state.reporting, event.bodyName ?? '', String(event.data.periodStart));
  if (!o?.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}#${event.seq}`, audience: { kind: 'body', bodyId: o.bodyId } as const };
  const [task, period, due] = [taskWords(state), periodWords(o), dueWords(o.due)];
  const why = commentLine(event.comment);
  switch (event.type) {
    case 'reportUrged':
      return [{
        ...base, kind: 'urge',
        zh: { title: `【催报】${task.zh}`, text: `${event.actor.name}催报：${task.zh}${period.zh}的定期报告（期限 ${due.zh}）尚未报送。${why}` },
        en: { title: `Report urged: ${task.en}`, text: `${event.actor.name} urges the period report of ${task.en} for ${period.en} (due ${due.en}), not yet filed.${why}` },
      }];
    case 'reportReturned':
      return [{
        ...base, kind: 'returned',
        zh: { title: `【报告退回】${task.zh}`, text: `${task.zh}${period.zh}的定期报告被退回，请修改后重新报送。${why}` },
        en: { title: `Report returned: ${task.en}`, text: `The period report of ${task.en} for ${period.en} was returned: revise and file it again.${why}` },
      }];
    case 'reportAccepted':
      return [{
        ...base, kind: 'decision',
        zh: { title: `【报告已采纳】${task.zh}`, text: `${task.zh}${period.zh}的定期报告已采纳。${why}` },
        en: { title: `Report accepted: ${task.en}`, text: `The period report of ${task.en} for ${period.en} was accepted.${why}` },
      }];
    default:
      return [];
  }
}
