import { workingDayRule, type HolidayArrangement } from './holiday-calendar.ts';
import { endOfShanghaiDay, shanghaiDate } from './instants.ts';

/** The next calendar date (YYYY-MM-DD) after `date`. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The working days (工作日) after the day of `start` in Shanghai, in order, as
 * YYYY-MM-DD: weekends and public holidays skipped, make-up working days (调休)
 * counted, from the State Council's calendar as published in the chinese-days
 * package, or as the office entered it for later years; a year neither covers
 * counts Monday to Friday (see holiday-calendar.ts).
 */
export function* workingDaysAfter(start: Date | string | number, arrangements: readonly HolidayArrangement[] = []): Generator<string> {
  const { isWorkingDay } = workingDayRule(arrangements);
  for (let date = nextDate(shanghaiDate(start)); ; date = nextDate(date)) {
    if (isWorkingDay(date)) yield date;
  }
}

/** The deadline of a time limit counted in working days: the end of the n-th working day after the day of `start`, in Shanghai time. */
export function addWorkingDays(start: Date | string, workingDays: number, arrangements: readonly HolidayArrangement[] = []): Date {
  let date = shanghaiDate(start);
  let counted = 0;
  for (const day of workingDaysAfter(start, arrangements)) {
    if (counted++ === workingDays) break;
    date = day;
  }
  return endOfShanghaiDay(date);
}

/** Working days from the day after `start` up to and including the day of `end`. */
export function workingDaysBetween(start: Date | string, end: Date | string, arrangements: readonly HolidayArrangement[] = []): number {
  const last = shanghaiDate(end);
  let count = 0;
  for (const day of workingDaysAfter(start, arrangements)) {
    if (day > last) break;
    count += 1;
  }
  return count;
}
