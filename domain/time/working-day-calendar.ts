import type { WorkingDayCalendar } from './calendar.ts';
import { endOfShanghaiDay } from './instants.ts';
import { workingDaysAfter } from './working-days.ts';

/** The ends (23:59:59 Shanghai) of the next `count` working days after the day of `from`, for a workflow's time limits. */
export function workingDayEnds(from: Date | number, count: number): WorkingDayCalendar {
  const ends: number[] = [];
  for (const date of workingDaysAfter(from)) {
    if (ends.length === count) break;
    ends.push(endOfShanghaiDay(date).getTime());
  }
  return ends;
}
