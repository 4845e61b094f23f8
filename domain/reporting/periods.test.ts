import { describe, expect, it } from 'vitest';
import { dueInstants, periodFor, periodsDue, readRule } from './periods.ts';

const at = (s: string) => Date.parse(s);

describe('readRule', () => {
  it('reads the recurrences the parser writes', () => {
    expect(readRule('FREQ=MONTHLY;BYMONTHDAY=5')).toEqual({ kind: 'month', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], day: 5 });
    expect(readRule('FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1')).toEqual({ kind: 'quarter', months: [3, 6, 9, 12], day: -1 });
    expect(readRule('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31')).toEqual({ kind: 'year', months: [12], day: 31 });
  });
  it('reads a recurrence typed in words in the draft editor as the parser reads a notice', () => {
    expect(readRule('每月5日前')).toMatchObject({ kind: 'month', day: 5 });
    expect(readRule('每月10日')).toMatchObject({ kind: 'month', day: 10 });
    expect(readRule('每月')).toMatchObject({ kind: 'month', day: -1 });
    expect(readRule('每季度')).toMatchObject({ kind: 'quarter', months: [3, 6, 9, 12], day: -1 });
    expect(readRule('每季度末前')).toMatchObject({ kind: 'quarter' });
    expect(readRule('每年12月底前')).toMatchObject({ kind: 'year', months: [12], day: 31 });
    expect(readRule('随时')).toBeNull();
  });
  it('reads nothing it cannot place in periods', () => {
    expect(readRule(null)).toBeNull();
    expect(readRule('FREQ=WEEKLY;BYDAY=MO')).toBeNull();
    expect(readRule('FREQ=YEARLY;BYMONTH=2,7;BYMONTHDAY=1')).toBeNull();
    expect(readRule('FREQ=MONTHLY;BYMONTHDAY=0')).toBeNull();
  });
});

describe('periodFor', () => {
  it('每月5日前 covers the month before; 每月底 the month ending that day (Shanghai calendar)', () => {
    expect(periodFor('month', at('2027-02-05T23:59:59+08:00'))).toEqual({ periodStart: '2026-12-31T16:00:00.000Z', periodEnd: '2027-01-31T16:00:00.000Z' });
    expect(periodFor('month', at('2027-01-31T23:59:59+08:00'))).toEqual({ periodStart: '2026-12-31T16:00:00.000Z', periodEnd: '2027-01-31T16:00:00.000Z' });
  });
  it('每季度末 covers the quarter ending then; a yearly report due in January the year before', () => {
    expect(periodFor('quarter', at('2027-06-30T23:59:59+08:00'))).toEqual({ periodStart: '2027-03-31T16:00:00.000Z', periodEnd: '2027-06-30T16:00:00.000Z' });
    expect(periodFor('year', at('2027-01-15T23:59:59+08:00'))).toEqual({ periodStart: '2025-12-31T16:00:00.000Z', periodEnd: '2026-12-31T16:00:00.000Z' });
    expect(periodFor('year', at('2027-12-31T23:59:59+08:00'))).toEqual({ periodStart: '2026-12-31T16:00:00.000Z', periodEnd: '2027-12-31T16:00:00.000Z' });
  });
});

describe('dueInstants and periodsDue', () => {
  it('gives the last second of each due day after the start, clamping to short months', () => {
    const rule = readRule('FREQ=MONTHLY;BYMONTHDAY=31')!;
    expect(dueInstants(rule, at('2027-01-10T00:00:00+08:00'), at('2027-04-01T00:00:00+08:00')).map((t) => new Date(t).toISOString())).toEqual([
      '2027-01-31T15:59:59.000Z', '2027-02-28T15:59:59.000Z', '2027-03-31T15:59:59.000Z',
    ]);
  });
  it('owes the period under way at the start, not those due before it', () => {
    const periods = periodsDue(readRule('FREQ=MONTHLY;BYMONTHDAY=5')!, at('2027-01-10T09:00:00+08:00'), at('2027-03-31T00:00:00+08:00'));
    expect(periods.map((p) => [p.periodStart.slice(0, 10), p.due])).toEqual([
      ['2026-12-31', '2027-02-05T15:59:59.000Z'],
      ['2027-01-31', '2027-03-05T15:59:59.000Z'],
    ]);
  });
});
