import { describe, expect, it } from 'vitest';
import { isProvisional, nthWorkingDayEnd } from './calendar.ts';
import { arrangement2027 } from './fixtures.ts';
import { expandDates, packageCovers, readArrangement, workingDayRule } from './holiday-calendar.ts';
import { workingDayTimes } from './working-day-calendar.ts';
import { addWorkingDays } from './working-days.ts';

const shanghai = (text: string) => new Date(`${text}+08:00`);

describe('the holiday calendar: package, office, or weekends only', () => {
  it('knows which years the package covers (2004–2026 in chinese-days 1.5.7, not 2027)', () => {
    expect([packageCovers(2016), packageCovers(2026), packageCovers(2027)]).toEqual([true, true, false]);
  });

  it('reads 2027 from the office\'s arrangement, and weekends only without one', () => {
    const known = workingDayRule([arrangement2027]);
    const unknown = workingDayRule([]);
    expect(['2027-01-01', '2027-01-30', '2027-02-08', '2027-02-15'].map(known.isWorkingDay)).toEqual([false, true, false, true]);
    expect(['2027-01-01', '2027-01-30', '2027-02-08'].map(unknown.isWorkingDay)).toEqual([true, false, true]);
    expect([known.source('2027-01-01'), unknown.source('2027-01-01'), known.source('2026-10-01')]).toEqual(['office', 'weekendsOnly', 'package']);
  });

  it('times a 20-working-day verification accepted on 2026-12-04: 2027-01-01 (New Year\'s Day) provisional, 2027-01-04 once 2027 is entered', () => {
    const accepted = shanghai('2026-12-04T10:00:00');
    const before = workingDayTimes(accepted, 60, []);
    const verifyBy = nthWorkingDayEnd(before.calendar, accepted.getTime(), 20);
    expect(new Date(verifyBy)).toEqual(shanghai('2027-01-01T23:59:59'));
    expect(before.provisionalFrom).toBe(shanghai('2027-01-01T00:00:00').getTime());
    expect(isProvisional(verifyBy, before.provisionalFrom)).toBe(true);

    const after = workingDayTimes(accepted, 60, [arrangement2027]);
    const retimed = nthWorkingDayEnd(after.calendar, accepted.getTime(), 20);
    expect(new Date(retimed)).toEqual(shanghai('2027-01-04T23:59:59'));
    expect(after.provisionalFrom).toBeNull();
    expect(isProvisional(retimed, after.provisionalFrom)).toBe(false);
    expect(addWorkingDays(accepted, 20, [arrangement2027])).toEqual(shanghai('2027-01-04T23:59:59'));
  });

  it('counts the make-up Saturday and skips the Spring Festival of the entered arrangement', () => {
    // Friday 2027-01-29 + 1 = Saturday 2027-01-30 (调休上班); Friday 2027-02-05 + 1 = Monday 2027-02-15.
    expect(addWorkingDays(shanghai('2027-01-29T09:00:00'), 1, [arrangement2027])).toEqual(shanghai('2027-01-30T23:59:59'));
    expect(addWorkingDays(shanghai('2027-02-05T09:00:00'), 1, [arrangement2027])).toEqual(shanghai('2027-02-15T23:59:59'));
  });

  it('keeps deadlines inside covered years not provisional, and marks the first uncovered year after an entered one', () => {
    const early = workingDayTimes(shanghai('2026-03-02T09:00:00'), 20, []);
    expect(early.provisionalFrom).toBeNull();
    const long = workingDayTimes(shanghai('2026-12-01T09:00:00'), 500, [arrangement2027]);
    expect(long.provisionalFrom).toBe(shanghai('2028-01-01T00:00:00').getTime());
  });
});

describe('working-day calendars computed once per day and arrangement', () => {
  it('answers a later instant of the same day with the same calendar, and counts again for another day or arrangement', () => {
    const morning = workingDayTimes(shanghai('2026-12-04T09:00:00'), 40, []);
    const evening = workingDayTimes(shanghai('2026-12-04T21:30:00'), 40, []);
    expect(evening).toEqual(morning);
    // A caller changing its copy changes nobody else's.
    evening.calendar.length = 0;
    expect(workingDayTimes(shanghai('2026-12-04T12:00:00'), 40, [])).toEqual(morning);
    expect(workingDayTimes(shanghai('2026-12-04T12:00:00'), 40, [arrangement2027])).not.toEqual(morning);
    expect(workingDayTimes(shanghai('2026-12-07T12:00:00'), 40, []).calendar[0]).toBeGreaterThan(morning.calendar[0]!);
    // The same as counting afresh: 2027 New Year's Day is a working day only while 2027 is counted by weekends.
    const entered = workingDayTimes(shanghai('2026-12-30T12:00:00'), 3, [arrangement2027]).calendar.map((t) => new Date(t).toISOString());
    expect(entered).toEqual(['2026-12-31T15:59:59.000Z', '2027-01-04T15:59:59.000Z', '2027-01-05T15:59:59.000Z']);
    expect(workingDayTimes(shanghai('2026-12-30T12:00:00'), 3, []).calendar[1]).toBe(Date.parse('2027-01-01T23:59:59+08:00'));
  });
});

describe('entering an arrangement', () => {
  it('expands ranges as the notice writes them, sorted and without repeats', () => {
    expect(expandDates(['2027-02-06~2027-02-08', '2027-02-07', '2027-01-01 至 2027-01-02'])).toEqual({
      dates: ['2027-01-01', '2027-01-02', '2027-02-06', '2027-02-07', '2027-02-08'], problems: [],
    });
    expect(expandDates(['2027-02-30', '明年元旦']).problems).toHaveLength(2);
  });

  it('accepts 2027 and refuses a year the package covers, weekday make-ups, dates of another year and clashes, each in words', () => {
    expect(readArrangement({ year: 2027, holidays: ['2027-01-01~2027-01-03', '2027-02-06~2027-02-12'], workingWeekends: ['2027-01-30', '2027-02-20'] })).toEqual({ arrangement: arrangement2027, problems: [] });
    expect(readArrangement({ year: 2026, holidays: ['2026-01-01'], workingWeekends: [] }).problems[0]).toMatch(/already has 2026's arrangement/);
    const bad = readArrangement({ year: 2027, holidays: ['2027-01-01', '2028-01-01'], workingWeekends: ['2027-01-04', '2027-01-01'] });
    expect(bad.problems.join('\n')).toMatch(/2028-01-01 not in 2027/);
    expect(bad.problems.join('\n')).toMatch(/must be a Saturday or Sunday: 2027-01-01, 2027-01-04/);
    expect(bad.problems.join('\n')).toMatch(/2027-01-01 cannot be both/);
    expect(readArrangement({ year: 2027, holidays: [], workingWeekends: [] }).problems).toEqual(['请至少录入一个放假日期。 Enter at least one holiday.']);
    expect(readArrangement({ year: 2027, holidays: ['2027-01-01~2027-12-31'], workingWeekends: [] }).problems.join('\n')).toMatch(/More than 80 holidays/);
  });
});
