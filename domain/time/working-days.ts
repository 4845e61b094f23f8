import { isWorkday } from 'chinese-days';
import { endOfShanghaiDay, shanghaiDate } from './instants.ts';

/** The next calendar date (YYYY-MM-DD) after `date`. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The deadline of a time limit counted in working days (工作日): the end of the
 * n-th working day after the day of `start`, in Shanghai time. Weekends and
 * public holidays are skipped and make-up working days (调休) count, from the
 * State Council's calendar as published in the chinese-days package.
 */
export function addWorkingDays(start: Date | string, workingDays: number): Date {
  let date = shanghaiDate(start);
  for (let counted = 0; counted < workingDays; ) {
    date = nextDate(date);
    if (isWorkday(date)) counted += 1;
  }
  return endOfShanghaiDay(date);
}

/** Working days from the day after `start` up to and including the day of `end`. */
export function workingDaysBetween(start: Date | string, end: Date | string): number {
  const last = shanghaiDate(end);
  let count = 0;
  for (let date = nextDate(shanghaiDate(start)); date <= last; date = nextDate(date)) {
    if (isWorkday(date)) count += 1;
  }
  return count;
}
