import { describe, expect, it } from 'vitest';
import { workingDaysAfter } from './working-days.ts';

/** The first `n` working days after the day of `start`. */
const next = (start: string, n: number) => {
  const days: string[] = [];
  for (const day of workingDaysAfter(start)) {
    if (days.length === n) break;
    days.push(day);
  }
  return days;
};

describe('working days on the Chinese holiday calendar', () => {
  it('skips weekends', () => {
    // After Friday 2024-03-08 comes Monday 2024-03-11.
    expect(next('2024-03-08T02:00:00Z', 1)).toEqual(['2024-03-11']);
  });

  it('skips the National Day holiday and counts the make-up Saturday (调休)', () => {
    // 2024-09-30 (Mon): Oct 1–7 are holidays; Sat 2024-10-12 is a make-up working day.
    expect(next('2024-09-30T02:00:00Z', 1)).toEqual(['2024-10-08']);
    expect(next('2024-10-10T02:00:00Z', 2)).toEqual(['2024-10-11', '2024-10-12']);
    expect(next('2024-09-30T02:00:00Z', 5)).toEqual(['2024-10-08', '2024-10-09', '2024-10-10', '2024-10-11', '2024-10-12']);
  });

  it('reads the day in Shanghai time, not UTC', () => {
    // 2024-03-08T20:00Z is already Saturday 2024-03-09 in Shanghai.
    expect(next('2024-03-08T20:00:00Z', 1)).toEqual(['2024-03-11']);
  });
});
