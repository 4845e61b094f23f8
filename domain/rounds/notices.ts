import type { Notice } from '../supervision/notices.ts';
import type { Reminder } from '../supervision/reminders.ts';
import { shanghaiDate } from '../time/instants.ts';
import type { RoundEvent, UnitState } from './unit.ts';

const dueText = (u: UnitState<unknown>) => `期限 ${shanghaiDate(u.due)}（北京时间）`;

/** Reminder and overdue notices of a round unit; the first overdue one also goes to the supervising office. */
export function unitReminderNotices(u: UnitState<unknown>, reminder: Reminder, at: string): Notice[] {
  const base = { taskId: u.unitId, key: `${u.unitId}/${reminder.kind}@${at}` };
  if (reminder.kind === 'before') {
    return [{
      ...base, kind: 'reminder', audience: { kind: 'body', bodyId: u.bodyId },
      subject: `【提醒 Reminder】${u.roundLabel} 还有 ${reminder.daysLeft} 天到期`,
      body: `${u.bodyName}：${u.roundLabel}${dueText(u)}，还有 ${reminder.daysLeft} 天到期，请按时报送。\nDue in ${reminder.daysLeft} day(s).`,
    }];
  }
  const late = -reminder.daysLeft;
  const toBody: Notice = {
    ...base, kind: 'overdue', audience: { kind: 'body', bodyId: u.bodyId }, subject: `【逾期 Overdue】${u.roundLabel}`,
    body: `${u.bodyName}的${u.roundLabel}已逾期 ${late} 天（${dueText(u)}），请尽快报送。\nOverdue by ${late} day(s).`,
  };
  return reminder.kind === 'overdue' ? [toBody, { ...toBody, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }] : [toBody];
}

/** Notices a person's action sends to the body concerned. */
export function unitActionNotices(u: UnitState<unknown>, event: RoundEvent): Notice[] {
  const base = { taskId: u.unitId, key: `${u.unitId}#${event.seq}`, audience: { kind: 'body' as const, bodyId: u.bodyId } };
  const why = event.comment ? `\n${event.comment}` : '';
  switch (event.type) {
    case 'urge':
      return [{ ...base, kind: 'urge', subject: `【催办 Urged】${u.roundLabel}`, body: `${event.actor.name}催办：${u.roundLabel}，${dueText(u)}。${why}` }];
    case 'return':
      return [{ ...base, kind: 'returned', subject: `【退回 Returned】${u.roundLabel}`, body: `报送材料被退回，理由：${why}` }];
    case 'accept':
      return [{ ...base, kind: 'decision', subject: `【已通过 Accepted】${u.roundLabel}`, body: `报送材料已审核通过。${why}` }];
    default:
      return [];
  }
}
