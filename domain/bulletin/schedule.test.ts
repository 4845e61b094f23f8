import { describe, expect, it } from 'vitest';
import { workingDayEnds } from '../time/working-day-calendar.ts';
import { bulletinDeliveryInstant, isDate, previousMonthEnd } from './schedule.ts';

const nine = (date: string) => Date.parse(`${date}T09:00:00+08:00`);
const deliver = (firedOn: string, arrangements: Parameters<typeof workingDayEnds>[2] = []) =>
  bulletinDeliveryInstant(firedOn, workingDayEnds(Date.parse(`${firedOn}T12:00:00+08:00`) - 86_400_000, 31, arrangements));

describe('when a monthly bulletin goes out', () => {
  it('at 09:00 Shanghai on the firing day when it is a working day', () => {
    expect(deliver('2026-12-01')).toBe(nine('2026-12-01'));
  });

  it('on the Monday after a Saturday 1st', () => {
    expect(deliver('2026-08-01')).toBe(nine('2026-08-03'));
  });

  it('after the public holidays of the built-in calendar (National Day 2026), and on a make-up Saturday', () => {
    expect(deliver('2026-10-01')).toBe(nine('2026-10-08'));
    // 2026-09-20 is a Sunday worked for National Day (调休上班).
    expect(deliver('2026-09-20')).toBe(nine('2026-09-20'));
  });

  it('after a holiday the office entered for a year the package does not cover', () => {
    expect(deliver('2027-06-01')).toBe(nine('2027-06-01'));
    expect(deliver('2027-06-01', [{ year: 2027, holidays: ['2027-06-01', '2027-06-02'], workingWeekends: [] }])).toBe(nine('2027-06-03'));
  });

  it('reports up to the last day of the previous month', () => {
    expect(previousMonthEnd('2026-12-01')).toBe('2026-11-30');
    expect(previousMonthEnd('2027-01-04')).toBe('2026-12-31');
    expect(previousMonthEnd('2028-03-01')).toBe('2028-02-29');
    expect([isDate('2026-02-29'), isDate('2028-02-29'), isDate('1 May')]).toEqual([false, true, false]);
  });
});
