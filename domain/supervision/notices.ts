import type { Reminder } from './reminders.ts';
import type { Assignment, TaskEvent, TaskState } from './types.ts';
import { shanghaiDate } from '../time/instants.ts';

/** Who receives a notification: the assigned body's accounts, or the supervising office. */
export type Audience = { kind: 'body'; bodyId: string } | { kind: 'supervisors' };

export interface Notice {
  /** Stable across retries and replays, so a notice is delivered once. */
  key: string;
  kind: 'reminder' | 'overdue' | 'urge' | 'returned' | 'decision' | 'assigned' | 'receipt' | 'scores' | 'slip' | 'interview';
  audience: Audience;
  taskId: string;
  subject: string;
  body: string;
}

const label = (state: TaskState) => `任务 ${state.ref}「${state.title}」`;
const dueText = (a: Assignment) => (a.due ? `期限 ${shanghaiDate(a.due)}（北京时间）` : '无期限');

/** Notices for a reminder: overdue ones go to the supervising office as well. */
export function reminderNotices(state: TaskState, a: Assignment, reminder: Reminder, at: string): Notice[] {
  if (!a.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}/${a.bodyName}/${reminder.kind}@${at}` };
  if (reminder.kind === 'before') {
    return [{
      ...base, kind: 'reminder', audience: { kind: 'body', bodyId: a.bodyId },
      subject: `【提醒 Reminder】${label(state)} 还有 ${reminder.daysLeft} 天到期`,
      body: `${a.bodyName}：您单位承办的${label(state)}${dueText(a)}，还有 ${reminder.daysLeft} 天到期，请按时报送。\nDue in ${reminder.daysLeft} day(s).`,
    }];
  }
  const late = -reminder.daysLeft;
  const text = `${a.bodyName}承办的${label(state)}已逾期 ${late} 天（${dueText(a)}），请尽快报送。\nOverdue by ${late} day(s).`;
  const toBody: Notice = { ...base, kind: 'overdue', audience: { kind: 'body', bodyId: a.bodyId }, subject: `【逾期 Overdue】${label(state)}`, body: text };
  return reminder.kind === 'overdue'
    ? [toBody, { ...toBody, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }]
    : [toBody];
}

/** Notices that a person's action sends to the body concerned. */
export function actionNotices(state: TaskState, event: TaskEvent): Notice[] {
  const a = state.assignments.find((x) => x.bodyName === event.bodyName);
  if (!a?.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}#${event.seq}`, audience: { kind: 'body', bodyId: a.bodyId } as Audience };
  const why = event.comment ? `\n${event.comment}` : '';
  switch (event.type) {
    case 'urge':
      return [{ ...base, kind: 'urge', subject: `【催办 Urged】${label(state)}`, body: `${event.actor.name}催办：${label(state)}，${dueText(a)}。${why}` }];
    case 'return':
      return [{ ...base, kind: 'returned', subject: `【退回 Returned】${label(state)}`, body: `报送材料被退回，理由：${why}` }];
    case 'accept':
      return [{ ...base, kind: 'decision', subject: `【已验收 Accepted】${label(state)}`, body: `报送材料已验收。${why}` }];
    case 'decideExtension': {
      const approved = event.data.approve === true;
      return [{
        ...base, kind: 'decision',
        subject: `【延期${approved ? '已批准 approved' : '未批准 refused'}】${label(state)}`,
        body: approved ? `延期申请已批准，新${dueText(a)}。${why}` : `延期申请未获批准，${dueText(a)}不变。${why}`,
      }];
    }
    default:
      return [];
  }
}
