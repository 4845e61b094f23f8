import { describe, expect, it } from 'vitest';
import { nthWorkingDayEnd } from './calendar.ts';
import { workingDayEnds } from './working-day-calendar.ts';
import { endOfShanghaiDay } from './instants.ts';
import { workingDaysAfter } from './working-days.ts';

/** The end of the n-th working day after the day of `start`, counted straight from the holiday calendar. */
function addWorkingDays(start: Date, n: number): Date {
  let counted = 0;
  for (const day of workingDaysAfter(start)) if ((counted += 1) === n) return endOfShanghaiDay(day);
  throw new Error('unreachable');
}

describe('working-day calendar passed to workflows', () => {
  it('agrees with the holiday calendar across the 2016 Spring Festival', () => {
    const start = new Date('2016-02-03T10:00:00+08:00');
    const calendar = workingDayEnds(start, 60);
    for (const n of [1, 5, 20, 40]) expect(new Date(nthWorkingDayEnd(calendar, start.getTime(), n))).toEqual(addWorkingDays(start, n));
  });

  it('counts from any later instant inside the calendar', () => {
    const calendar = workingDayEnds(new Date('2016-03-01T09:00:00+08:00'), 40);
    const later = new Date('2016-03-11T22:00:00+08:00'); // a Friday
    expect(new Date(nthWorkingDayEnd(calendar, later.getTime(), 1))).toEqual(new Date('2016-03-14T23:59:59+08:00'));
  });

  it('refuses to count past its end', () => {
    const calendar = workingDayEnds(new Date('2016-03-01T09:00:00+08:00'), 5);
    expect(() => nthWorkingDayEnd(calendar, Date.parse('2016-03-01T09:00:00+08:00'), 6)).toThrow(/does not reach 6/);
  });
});
