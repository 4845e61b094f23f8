import { describe, expect, it } from 'vitest';
import type { Actor, TaskState } from '../supervision/types.ts';
import {
  applyReportAction, availableReportActions, dueReportReminders, nextOpeningAt, openObligations, reportSchedules, settleReminder, validateReportAction,
  type ReportingState,
} from './obligations.ts';

const supervisor: Actor = { accountId: 's', name: '督办员', role: 'supervisor', bodyId: 'office' };
const legal: Actor = { accountId: 'l', name: '法制办', role: 'department', bodyId: 'legal' };
const other: Actor = { accountId: 'o', name: '商务委', role: 'department', bodyId: 'commerce' };
const at = (s: string) => Date.parse(s);

function task(reporting: ReportingState): TaskState {
  const base = { role: 'lead' as const, primary: true, placeholder: false, blocking: false, status: 'assigned' as const, deliverable: null, due: null, originalDue: null, submittedAt: null, acceptedAt: null, returnCount: 0, extension: null, reminders: [], lastOverdueNoticeAt: null };
  return {
    taskId: 'task:p:1.1', planId: 'p', ref: '1.1', title: '月报', reminderDays: [7, 1], status: 'open', closedAt: null, seq: 0, reporting,
    assignments: [
      { ...base, bodyName: '市法制办', bodyId: 'legal' },
      { ...base, bodyName: '市商务委', bodyId: 'commerce', role: 'support', primary: false },
    ],
  };
}

describe('report schedules', () => {
  it('the task\'s own recurrence binds its leads; a monthly or quarterly requirement the bodies it names; a yearly one is the evaluation round\'s', () => {
    expect(reportSchedules('FREQ=MONTHLY;BYMONTHDAY=5', [
      { recurrence: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1', appliesTo: ['市商务委'] },
      { recurrence: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31', appliesTo: ['各区县人民政府'] },
      { recurrence: null, appliesTo: ['市法制办'] },
    ])).toEqual([
      { rule: 'FREQ=MONTHLY;BYMONTHDAY=5', bodyNames: null },
      { rule: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1', bodyNames: ['市商务委'] },
    ]);
  });
});

describe('report obligations', () => {
  const reporting = (): ReportingState => ({ from: '2027-01-10T09:00:00+08:00', schedules: [{ rule: 'FREQ=MONTHLY;BYMONTHDAY=5', bodyNames: null }], obligations: [] });

  it('opens one obligation per bound body and period as each period begins, never twice', () => {
    const state = task(reporting());
    expect(openObligations(state, state.reporting!, at('2027-01-10T09:00:00+08:00')).map((o) => [o.bodyName, o.periodStart, o.due])).toEqual([
      ['市法制办', '2026-12-31T16:00:00.000Z', '2027-02-05T15:59:59.000Z'],
    ]);
    expect(nextOpeningAt(state, state.reporting!, at('2027-01-10T09:00:00+08:00'))).toBe(at('2027-01-01T00:00:00+08:00') + 31 * 86_400_000);
    expect(openObligations(state, state.reporting!, at('2027-01-20T00:00:00+08:00'))).toEqual([]);
    expect(openObligations(state, state.reporting!, at('2027-03-02T00:00:00+08:00')).map((o) => o.periodStart)).toEqual(['2027-01-31T16:00:00.000Z', '2027-02-28T16:00:00.000Z']);
  });

  it('reminds before the deadline and notes it overdue after, by the deadline reminders\' rule', () => {
    const state = task(reporting());
    openObligations(state, state.reporting!, at('2027-01-10T09:00:00+08:00'));
    expect(dueReportReminders(state.reporting!, [7, 1], at('2027-01-20T00:00:00+08:00'))).toEqual([]);
    const [before] = dueReportReminders(state.reporting!, [7, 1], at('2027-01-30T00:00:00+08:00'));
    expect(before!.reminder.kind).toBe('before');
    settleReminder(before!.obligation, before!.reminder, '2027-01-30T00:00:00+08:00');
    expect(dueReportReminders(state.reporting!, [7, 1], at('2027-02-06T00:00:00+08:00'))[0]!.reminder.kind).toBe('overdue');
  });

  it('the body files, the office returns or accepts; a returned report is filed again; each by the same check availableReportActions asks', () => {
    const state = task(reporting());
    const [o] = openObligations(state, state.reporting!, at('2027-01-10T09:00:00+08:00'));
    const periodStart = o!.periodStart;
    expect(availableReportActions('open', o!, legal)).toEqual(['fileReport']);
    expect(availableReportActions('open', o!, other)).toEqual([]);
    expect(availableReportActions('open', o!, supervisor)).toEqual(['urgeReport']);
    expect(() => validateReportAction(state, { actor: other, action: { type: 'fileReport', bodyName: '市法制办', periodStart, comment: '进展' } })).toThrow(/本单位/);
    expect(() => validateReportAction(state, { actor: legal, action: { type: 'fileReport', bodyName: '市法制办', periodStart, comment: ' ' } })).toThrow(/报告内容/);
    const file = { actor: legal, action: { type: 'fileReport' as const, bodyName: '市法制办', periodStart, comment: '进展', percent: 40 } };
    validateReportAction(state, file);
    expect(applyReportAction(state, file, at('2027-02-01T00:00:00+08:00')).type).toBe('reportFiled');
    expect(availableReportActions('open', o!, supervisor)).toEqual(['acceptReport', 'returnReport']);
    applyReportAction(state, { actor: supervisor, action: { type: 'returnReport', bodyName: '市法制办', periodStart, comment: '补充' } }, at('2027-02-02T00:00:00+08:00'));
    expect(o!.status).toBe('returned');
    expect(availableReportActions('open', o!, legal)).toEqual(['fileReport']);
    applyReportAction(state, file, at('2027-02-07T00:00:00+08:00'));
    applyReportAction(state, { actor: supervisor, action: { type: 'acceptReport', bodyName: '市法制办', periodStart } }, at('2027-02-08T00:00:00+08:00'));
    expect(o).toMatchObject({ status: 'accepted', submittedAt: '2027-02-06T16:00:00.000Z', returnCount: 1, report: { text: '进展', percent: 40 } });
    expect(() => validateReportAction({ ...state, status: 'closed' }, file)).toThrow(/已办结/);
  });
});
