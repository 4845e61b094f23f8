import type { HolidayArrangement } from './holiday-calendar.ts';

/**
 * A 2027 arrangement of the kind the State Council publishes, for tests and
 * the demo (not the official notice): 元旦 1–3 January, 春节 6–12 February,
 * two make-up Saturdays.
 */
export const arrangement2027: HolidayArrangement = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workingWeekends: ['2027-01-30', '2027-02-20'],
};
