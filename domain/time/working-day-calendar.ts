import chineseDays from 'chinese-days';
import type { WorkingDayCalendar } from './calendar.ts';
import { endOfShanghaiDay, shanghaiDate } from './instants.ts';

// A CommonJS package: Node's ESM loader offers only its default export.
const { isWorkday } = chineseDays;

/** The ends (23:59:59 Shanghai) of the next `count` working days after the day of `from`, for a workflow's time limits. */
export function workingDayEnds(from: Date | number, count: number): WorkingDayCalendar {
  const ends: number[] = [];
  let day = Date.parse(`${shanghaiDate(from)}T00:00:00Z`);
  while (ends.length < count) {
    day += 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    if (isWorkday(date)) ends.push(endOfShanghaiDay(date).getTime());
  }
  return ends;
}
