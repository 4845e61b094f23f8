import { weekMs, dayMs } from '../time/instants.ts';
import { owing } from './lights.ts';
import type { Assignment } from './types.ts';

/** Days before a deadline a reminder goes out, unless a plan sets its own: a week and a day. */
export const defaultReminderDays = [7, 1];

export type ReminderKind = 'before' | 'overdue' | 'weekly';

export interface Reminder {
  kind: ReminderKind;
  /** Reminder keys this sending settles (recorded on the assignment). */
  settles: string[];
  /** Whole days left before the deadline (negative: days overdue). */
  daysLeft: number;
}

type Tracked = Pick<Assignment, 'status' | 'due' | 'reminders' | 'lastOverdueNoticeAt' | 'placeholder'>;

/** A placeholder group has nobody to remind until the supervising office designates its bodies. */
const remindable = (a: Tracked) => a.due !== null && owing(a) && !a.placeholder;

const beforeKey = (days: number, due: string) => `before-${days}d@${due}`;
const overdueKey = (due: string) => `overdue@${due}`;

/**
 * The reminder to send now, if any: before the deadline, one per configured
 * offset (offsets already passed at import collapse into one); at the deadline
 * an overdue notice; then weekly until the body submits. Keys carry the
 * deadline, so an extension starts the schedule afresh.
 */
export function reminderDue(a: Tracked, reminderDays: number[], now: number): Reminder | null {
  if (!remindable(a)) return null;
  const due = Date.parse(a.due!);
  const daysLeft = now <= due ? Math.ceil((due - now) / dayMs) : -Math.ceil((now - due) / dayMs);
  if (now <= due) {
    const passed = reminderDays.filter((d) => now >= due - d * dayMs).map((d) => beforeKey(d, a.due!));
    const unsent = passed.filter((key) => !a.reminders.includes(key));
    return unsent.length ? { kind: 'before', settles: unsent, daysLeft } : null;
  }
  if (!a.reminders.includes(overdueKey(a.due!))) return { kind: 'overdue', settles: [overdueKey(a.due!)], daysLeft };
  const last = a.lastOverdueNoticeAt ? Date.parse(a.lastOverdueNoticeAt) : due;
  return now >= last + weekMs ? { kind: 'weekly', settles: [], daysLeft } : null;
}

/** When the next reminder falls due, so the workflow can sleep until then. */
export function nextReminderAt(a: Tracked, reminderDays: number[], now: number): number | null {
  if (!remindable(a)) return null;
  const due = Date.parse(a.due!);
  const times = reminderDays
    .filter((d) => !a.reminders.includes(beforeKey(d, a.due!)))
    .map((d) => due - d * dayMs);
  times.push(a.reminders.includes(overdueKey(a.due!)) ? (a.lastOverdueNoticeAt ? Date.parse(a.lastOverdueNoticeAt) : due) + weekMs : due + 1);
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}
