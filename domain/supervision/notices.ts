import type { Reminder } from './reminders.ts';
import type { Assignment, TaskEvent, TaskState } from './types.ts';
import { commentLine, days, dueWords, type LegacyNoticeWords, type NoticeContent } from '../notices/content.ts';

/** Who receives a notification: the assigned body's accounts, or the supervising office. */
export type Audience = { kind: 'body'; bodyId: string } | { kind: 'supervisors' };

export interface Notice extends NoticeContent {
  /** Stable across retries and replays, so a notice is delivered once. */
  key: string;
  kind: 'reminder' | 'overdue' | 'urge' | 'returned' | 'decision' | 'assigned' | 'receipt' | 'scores' | 'bulletin' | 'slip' | 'interview';
  audience: Audience;
  taskId: string;
}

/** A notice as the delivery activity receives it: a workflow started before the split sends the old bilingual shape. */
export type DeliveredNotice = Notice | (Omit<Notice, 'zh' | 'en'> & LegacyNoticeWords);

/** The task as notices name it. */
export const taskLabel = (state: Pick<TaskState, 'ref' | 'title'>) => ({ zh: `任务 ${state.ref}「${state.title}」`, en: `task ${state.ref} “${state.title}”` });
const dueText = (a: Assignment) =>
  a.due ? { zh: `期限 ${dueWords(a.due).zh}`, en: `due ${dueWords(a.due).en}` } : { zh: '无期限', en: 'no deadline' };

/** Notices for a reminder: overdue ones go to the supervising office as well. */
export function reminderNotices(state: TaskState, a: Assignment, reminder: Reminder, at: string): Notice[] {
  if (!a.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}/${a.bodyName}/${reminder.kind}@${at}` };
  const label = taskLabel(state);
  const due = dueText(a);
  if (reminder.kind === 'before') {
    const left = reminder.daysLeft;
    return [{
      ...base, kind: 'reminder', audience: { kind: 'body', bodyId: a.bodyId },
      zh: { title: `【提醒】${label.zh}还有 ${left} 天到期`, text: `${a.bodyName}：您单位承办的${label.zh}${due.zh}，还有 ${left} 天到期，请按时报送。` },
      en: { title: `Reminder: ${label.en} is due in ${days(left)}`, text: `${a.bodyName}: ${label.en}, which your body handles, is ${due.en}, in ${days(left)}. Please report on time.` },
    }];
  }
  const late = -reminder.daysLeft;
  const toBody: Notice = {
    ...base, kind: 'overdue', audience: { kind: 'body', bodyId: a.bodyId },
    zh: { title: `【逾期】${label.zh}`, text: `${a.bodyName}承办的${label.zh}已逾期 ${late} 天（${due.zh}），请尽快报送。` },
    en: { title: `Overdue: ${label.en}`, text: `${a.bodyName}: ${label.en} is ${days(late)} overdue (${due.en}). Please report as soon as possible.` },
  };
  return reminder.kind === 'overdue'
    ? [toBody, { ...toBody, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }]
    : [toBody];
}

/** Notices that a person's action sends to the body concerned. */
export function actionNotices(state: TaskState, event: TaskEvent): Notice[] {
  const a = state.assignments.find((x) => x.bodyName === event.bodyName);
  if (!a?.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}#${event.seq}`, audience: { kind: 'body', bodyId: a.bodyId } as Audience };
  const label = taskLabel(state);
  const due = dueText(a);
  const why = commentLine(event.comment);
  switch (event.type) {
    case 'urge':
      return [{
        ...base, kind: 'urge',
        zh: { title: `【催办】${label.zh}`, text: `${event.actor.name}催办：${label.zh}，${due.zh}。${why}` },
        en: { title: `Urged: ${label.en}`, text: `${event.actor.name} urges ${label.en}, ${due.en}.${why}` },
      }];
    case 'return':
      return [{
        ...base, kind: 'returned',
        zh: { title: `【退回】${label.zh}`, text: `报送材料被退回，理由：${why}` },
        en: { title: `Returned: ${label.en}`, text: `Your submission was returned. Reason:${why}` },
      }];
    case 'accept':
      return [{
        ...base, kind: 'decision',
        zh: { title: `【已验收】${label.zh}`, text: `报送材料已验收。${why}` },
        en: { title: `Accepted: ${label.en}`, text: `Your submission was accepted.${why}` },
      }];
    case 'decideExtension':
      return [event.data.approve === true
        ? {
          ...base, kind: 'decision',
          zh: { title: `【延期已批准】${label.zh}`, text: `延期申请已批准，新${due.zh}。${why}` },
          en: { title: `Extension approved: ${label.en}`, text: `The extension was approved: now ${due.en}.${why}` },
        }
        : {
          ...base, kind: 'decision',
          zh: { title: `【延期未批准】${label.zh}`, text: `延期申请未获批准，${due.zh}不变。${why}` },
          en: { title: `Extension refused: ${label.en}`, text: `The extension was refused: still ${due.en}.${why}` },
        }];
    default:
      return [];
  }
}
