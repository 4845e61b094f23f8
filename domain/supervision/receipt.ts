import { owedStatuses, owing } from './lights.ts';
import { taskLabel, type Notice } from './notices.ts';
import type { Assignment, TaskState } from './types.ts';

/** Working days a body has to acknowledge receipt (签收) of a new assignment before it is reminded, unless configured otherwise. */
export const defaultReceiptWorkingDays = 2;

/** The key recording that the receipt reminder went out, so it goes out once. */
const receiptKey = 'receipt';

type Received = Pick<Assignment, 'status' | 'placeholder' | 'reminders' | 'acknowledgeBy' | 'acknowledgedAt'>;

/** Still waiting for receipt: owed, a real body, a window set, nothing acknowledged and no reminder sent. */
const awaiting = (a: Received) => owing(a) && !a.placeholder && Boolean(a.acknowledgeBy) && !a.acknowledgedAt && !a.reminders.includes(receiptKey);

/** Not acknowledged: what the dashboard counts and the ledger filters as 未签收. */
export const unacknowledged = (a: Pick<Assignment, 'status' | 'placeholder' | 'acknowledgedAt'>) => owing(a) && !a.placeholder && !a.acknowledgedAt;

/** The same rule as a filter on stored assignments, for the ledger and the dashboard to count in SQL what `unacknowledged` decides. */
export const unacknowledgedFilter = () => ({ status: { in: [...owedStatuses] }, placeholder: false, acknowledgedAt: null });

/** Is the receipt reminder owed now? Records it as sent when so. */
export function takeReceiptReminder(a: Received, now: number): boolean {
  if (!awaiting(a) || now < Date.parse(a.acknowledgeBy!)) return false;
  a.reminders.push(receiptKey);
  return true;
}

/** When the receipt reminder falls due, so the workflow can sleep until then. */
export function nextReceiptReminderAt(a: Received, now: number): number | null {
  if (!awaiting(a)) return null;
  const at = Date.parse(a.acknowledgeBy!);
  return at > now ? at : null;
}

/** The reminder to a body that has not acknowledged receipt of its assignment. */
export function receiptNotice(state: TaskState, a: Assignment, at: string): Notice[] {
  if (!a.bodyId) return [];
  const task = taskLabel(state);
  return [{
    key: `${state.taskId}/${a.bodyName}/receipt@${at}`, kind: 'receipt', taskId: state.taskId, audience: { kind: 'body', bodyId: a.bodyId },
    zh: { title: `【请签收】${task.zh}`, text: `${a.bodyName}：${task.zh}已交办贵单位，尚未签收，请登录督办系统签收。` },
    en: { title: `Please acknowledge: ${task.en}`, text: `${a.bodyName}: ${task.en} was assigned to your body and is not yet acknowledged. Please sign in to Duban and acknowledge it.` },
  }];
}
