import { describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

describe('working days on the Chinese holiday calendar', () => {
  it('skips weekends', () => {
    // Friday 2024-03-08 + 1 working day = Monday 2024-03-11.
    expect(addWorkingDays('2024-03-08T02:00:00Z', 1).toISOString()).toBe('2024-03-11T15:59:59.000Z');
  });

  it('skips the National Day holiday and counts the make-up Saturday (调休)', () => {
    // 2024-09-30 (Mon): Oct 1–7 are holidays; Sat 2024-10-12 is a make-up working day.
    expect(addWorkingDays('2024-09-30T02:00:00Z', 1).toISOString()).toBe('2024-10-08T15:59:59.000Z');
    expect(addWorkingDays('2024-10-10T02:00:00Z', 2).toISOString()).toBe('2024-10-12T15:59:59.000Z');
  });

  it('reads the day in Shanghai time, not UTC', () => {
    // 2024-03-08T20:00Z is already Saturday 2024-03-09 in Shanghai.
    expect(addWorkingDays('2024-03-08T20:00:00Z', 1).toISOString()).toBe('2024-03-11T15:59:59.000Z');
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween('2024-09-30T02:00:00Z', '2024-10-12T02:00:00Z')).toBe(5);
  });
});
