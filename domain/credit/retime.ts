import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar, type WorkingDayTimes } from '../time/calendar.ts';
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
 * Re-times a case on a new calendar (a year's holiday arrangement entered): its
 * running limits are counted again from their instants, `apply` stores each new
 * deadline, and the case takes the new provisional mark. Returns the event with the
 * deadlines before and after, or null when neither a deadline nor the mark changed.
 */
export function retimeCase(
  state: { events: CaseEvent[]; provisionalFrom: number | null },
  running: RunningLimit[],
  times: WorkingDayTimes,
  now: number,
  apply: (limit: RunningLimit, deadline: number) => void,
): CaseEvent | null {
  const after = recount(running, times.calendar);
  const wasProvisional = running.some((l) => isProvisional(l.deadline, state.provisionalFrom));
  const provisional = after.some((at) => isProvisional(at, times.provisionalFrom));
  state.provisionalFrom = times.provisionalFrom;
  running.forEach((l, i) => apply(l, after[i]!));
  if (wasProvisional === provisional && running.every((l, i) => l.deadline === after[i])) return null;
  return appendEvent(state.events, 'retimed', now, systemActor, null, {
    before: iso(running),
    deadlines: iso(running.map((l, i) => ({ which: l.which, deadline: after[i]! }))),
    provisional,
  });
}
