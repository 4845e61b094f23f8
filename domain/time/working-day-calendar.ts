import type { WorkingDayCalendar, WorkingDayTimes } from './calendar.ts';
import { yearCovered, type HolidayArrangement } from './holiday-calendar.ts';
import { endOfShanghaiDay, shanghaiDate } from './instants.ts';
import { workingDaysAfter } from './working-days.ts';

/** The ends (23:59:59 Shanghai) of the next `count` working days after the day of `from`, for a workflow's time limits. */
export function workingDayEnds(from: Date | number, count: number, arrangements: readonly HolidayArrangement[] = []): WorkingDayCalendar {
  const ends: number[] = [];
  for (const date of workingDaysAfter(from, arrangements)) {
    if (ends.length === count) break;
    ends.push(endOfShanghaiDay(date).getTime());
  }
  return ends;
}

/**
 * A workflow's working-day calendar with the instant its provisional part
 * begins: the first day of the first year, from `from` to the calendar's end,
 * whose arrangement neither the package nor the office has (null: none).
 */
export function workingDayTimes(from: Date | number, count: number, arrangements: readonly HolidayArrangement[] = []): WorkingDayTimes {
  const key = `${shanghaiDate(from)}|${count}|${JSON.stringify(arrangements)}`;
  let times = computed.get(key);
  if (times) computed.delete(key);
  else times = countWorkingDayTimes(from, count, arrangements);
  computed.set(key, times);
  if (computed.size > computedLimit) computed.delete(computed.keys().next().value!);
  return { calendar: [...times.calendar], provisionalFrom: times.provisionalFrom };
}

/**
 * The calendars computed lately, least recently used first: they depend only on the
 * Shanghai date of `from`, the count and the arrangements (the key holds all three), and
 * the cases opened on one day (an import's tasks, their ladders and slips) ask for the
 * same one, hundreds of working days each time.
 */
const computed = new Map<string, WorkingDayTimes>();
const computedLimit = 64;

function countWorkingDayTimes(from: Date | number, count: number, arrangements: readonly HolidayArrangement[]): WorkingDayTimes {
  const calendar = workingDayEnds(from, count, arrangements);
  const first = Number(shanghaiDate(from).slice(0, 4));
  const last = Number(shanghaiDate(calendar.at(-1) ?? from).slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    if (!yearCovered(year, arrangements)) return { calendar, provisionalFrom: Date.parse(`${year}-01-01T00:00:00+08:00`) };
  }
  return { calendar, provisionalFrom: null };
}
