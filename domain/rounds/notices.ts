import { commentLine, days, dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import type { Reminder } from '../supervision/reminders.ts';
import type { RoundEvent, UnitState } from './unit.ts';

/** The round as notices name it; units started before English labels name it in Chinese in both. */
const roundName = (u: UnitState<unknown>) => ({ zh: u.roundLabel, en: u.roundLabelEn ?? u.roundLabel });
const dueText = (u: UnitState<unknown>) => ({ zh: `期限 ${dueWords(u.due).zh}`, en: `due ${dueWords(u.due).en}` });

/** Reminder and overdue notices of a round unit; the first overdue one also goes to the supervising office. */
export function unitReminderNotices(u: UnitState<unknown>, reminder: Reminder, at: string): Notice[] {
  const base = { taskId: u.unitId, key: `${u.unitId}/${reminder.kind}@${at}` };
  const round = roundName(u);
  const due = dueText(u);
  if (reminder.kind === 'before') {
    const left = reminder.daysLeft;
    return [{
      ...base, kind: 'reminder', audience: { kind: 'body', bodyId: u.bodyId },
      zh: { title: `【提醒】${round.zh}还有 ${left} 天到期`, text: `${u.bodyName}：${round.zh}${due.zh}，还有 ${left} 天到期，请按时报送。` },
      en: { title: `Reminder: ${round.en} is due in ${days(left)}`, text: `${u.bodyName}: ${round.en} is ${due.en}, in ${days(left)}. Please report on time.` },
    }];
  }
  const late = -reminder.daysLeft;
  const toBody: Notice = {
    ...base, kind: 'overdue', audience: { kind: 'body', bodyId: u.bodyId },
    zh: { title: `【逾期】${round.zh}`, text: `${u.bodyName}的${round.zh}已逾期 ${late} 天（${due.zh}），请尽快报送。` },
    en: { title: `Overdue: ${round.en}`, text: `${u.bodyName}: ${round.en} is ${days(late)} overdue (${due.en}). Please report as soon as possible.` },
  };
  return reminder.kind === 'overdue' ? [toBody, { ...toBody, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }] : [toBody];
}

/** Notices a person's action sends to the body concerned. */
export function unitActionNotices(u: UnitState<unknown>, event: RoundEvent): Notice[] {
  const base = { taskId: u.unitId, key: `${u.unitId}#${event.seq}`, audience: { kind: 'body' as const, bodyId: u.bodyId } };
  const round = roundName(u);
  const due = dueText(u);
  const why = commentLine(event.comment);
  switch (event.type) {
    case 'urge':
      return [{
        ...base, kind: 'urge',
        zh: { title: `【催办】${round.zh}`, text: `${event.actor.name}催办：${round.zh}，${due.zh}。${why}` },
        en: { title: `Urged: ${round.en}`, text: `${event.actor.name} urges ${round.en}, ${due.en}.${why}` },
      }];
    case 'return':
      return [{
        ...base, kind: 'returned',
        zh: { title: `【退回】${round.zh}`, text: `报送材料被退回，理由：${why}` },
        en: { title: `Returned: ${round.en}`, text: `Your submission was returned. Reason:${why}` },
      }];
    case 'accept':
      return [{
        ...base, kind: 'decision',
        zh: { title: `【已通过】${round.zh}`, text: `报送材料已审核通过。${why}` },
        en: { title: `Accepted: ${round.en}`, text: `Your submission was accepted.${why}` },
      }];
    default:
      return [];
  }
}
