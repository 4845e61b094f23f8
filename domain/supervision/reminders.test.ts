import { describe, expect, it } from 'vitest';
import { assignment } from './fixtures.ts';
import { nextReminderAt, reminderDue } from './reminders.ts';

const dueIso = '2016-01-31T15:59:59.000Z';
const due = Date.parse(dueIso);
const day = 86_400_000;
const week = 7 * day;

describe('reminders', () => {
  it('go out 7 and 1 days before, at the deadline, then weekly', () => {
    const a = assignment();
    expect(nextReminderAt(a, [7, 1], due - 30 * day)).toBe(due - week);
    expect(reminderDue(a, [7, 1], due - 8 * day)).toBeNull();
    expect(reminderDue(a, [7, 1], due - week)).toEqual({ kind: 'before', settles: [`before-7d@${dueIso}`], daysLeft: 7 });

    a.reminders.push(`before-7d@${dueIso}`);
    expect(nextReminderAt(a, [7, 1], due - week)).toBe(due - day);
    a.reminders.push(`before-1d@${dueIso}`);
    expect(nextReminderAt(a, [7, 1], due - day)).toBe(due + 1);
    expect(reminderDue(a, [7, 1], due + 1)).toEqual({ kind: 'overdue', settles: [`overdue@${dueIso}`], daysLeft: -1 });

    a.reminders.push(`overdue@${dueIso}`);
    a.lastOverdueNoticeAt = new Date(due + 1).toISOString();
    expect(reminderDue(a, [7, 1], due + 3 * day)).toBeNull();
    expect(nextReminderAt(a, [7, 1], due + 1)).toBe(due + 1 + week);
    expect(reminderDue(a, [7, 1], due + 1 + week)?.kind).toBe('weekly');
  });

  it('collapse offsets already passed at import into one reminder', () => {
    expect(reminderDue(assignment(), [7, 1], due - 12 * 3_600_000)).toEqual({
      kind: 'before',
      settles: [`before-7d@${dueIso}`, `before-1d@${dueIso}`],
      daysLeft: 1,
    });
  });

  it('send a deadline already past at import as one overdue notice, not a backlog', () => {
    const tenYearsLater = due + 3650 * day;
    expect(reminderDue(assignment(), [7, 1], tenYearsLater)?.kind).toBe('overdue');
  });

  it('stop once the body has submitted, and start afresh for an extended deadline', () => {
    expect(reminderDue(assignment({ status: 'submitted' }), [7, 1], due + day)).toBeNull();
    const extended = assignment({ due: '2016-03-31T15:59:59.000Z', reminders: [`overdue@${dueIso}`] });
    expect(nextReminderAt(extended, [7, 1], due + day)).toBe(Date.parse('2016-03-31T15:59:59Z') - week);
  });
});

describe('placeholder groups', () => {
  it('get no reminders until bodies are designated', () => {
    const group = assignment({ placeholder: true, bodyName: '市有关行政主管部门' });
    expect(reminderDue(group, [7, 1], due + day)).toBeNull();
    expect(nextReminderAt(group, [7, 1], due - 30 * day)).toBeNull();
  });
});
