import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar } from '../time/calendar.ts';
import { refuse } from '../errors.ts';
import { systemActor } from '../supervision/types.ts';
import { appendEvent, type CaseEvent } from './cases.ts';

/** A running time limit: its name, the instant it counts from, its working days, and its deadline. */
export interface RunningLimit {
  which: string;
  from: number;
  workingDays: number;
  deadline: number;
}

/** The deadlines of running limits counted again on another calendar; refused (as an update's validator) when the calendar does not reach them. */
export function recount(limits: RunningLimit[], calendar: WorkingDayCalendar): number[] {
  try {
    return limits.map((l) => nthWorkingDayEnd(calendar, l.from, l.workingDays));
  } catch {
    return refuse('新的工作日历不足以计算期限。', 'The new working-day calendar does not reach the running time limits.');
  }
}

const iso = (limits: Array<{ which: string; deadline: number }>) => Object.fromEntries(limits.map((l) => [l.which, new Date(l.deadline).toISOString()]));

/**
 * The event of a re-timing (a year's holiday arrangement entered): the
 * deadlines before and after, or null when neither a deadline nor its
 * provisional mark changed.
 */
export function retimedEvent(
  events: CaseEvent[],
  now: number,
  before: RunningLimit[],
  after: number[],
  provisionalFrom: { before: number | null; after: number | null },
): CaseEvent | null {
  const wasProvisional = before.some((l) => isProvisional(l.deadline, provisionalFrom.before));
  const provisional = after.some((at) => isProvisional(at, provisionalFrom.after));
  if (wasProvisional === provisional && before.every((l, i) => l.deadline === after[i])) return null;
  return appendEvent(events, 'retimed', now, systemActor, null, {
    before: iso(before),
    deadlines: iso(before.map((l, i) => ({ which: l.which, deadline: after[i]! }))),
    provisional,
  });
}
