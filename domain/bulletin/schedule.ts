import { nthWorkingDayEnd, type WorkingDayCalendar } from '../time/calendar.ts';
import { dayMs, shanghaiDate } from '../time/instants.ts';

/** The hour of the day (Asia/Shanghai) a monthly bulletin goes out. */
export const bulletinHour = 9;

/** The days of the month the monthly schedule may fire on: every month has them. */
export const bulletinDayRange = { min: 1, max: 28 } as const;

/** What one firing of the monthly schedule did for one plan. */
export interface IssuedBulletin {
  planId: string;
  /** The plan's bulletin for the period (null: none could be made, see `skipped`). */
  bulletinId: string | null;
  number: number | null;
  /** Made by this firing; false when a bulletin for the plan and period was already there (a retried or duplicated firing). */
  created: boolean;
  /** Why the plan has no bulletin for the period (e.g. it started after the period, or has a later bulletin). */
  skipped: string | null;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export const isDate = (text: string) => datePattern.test(text) && shanghaiDate(`${text}T12:00:00+08:00`) === text;

/**
 * When a bulletin fired on `firedOn` goes out: 09:00 Shanghai on the first
 * working day on or after that date, looked up in a calendar of working-day
 * ends that covers it (weekends, holidays and make-up days already counted).
 */
export function bulletinDeliveryInstant(firedOn: string, calendar: WorkingDayCalendar): number {
  const dayBefore = Date.parse(`${firedOn}T12:00:00+08:00`) - dayMs;
  const day = shanghaiDate(nthWorkingDayEnd(calendar, dayBefore, 1));
  return Date.parse(`${day}T${String(bulletinHour).padStart(2, '0')}:00:00+08:00`);
}

/** The last day of the month before the month of `date`: a bulletin fired in a month reports up to it. */
export const previousMonthEnd = (date: string): string => shanghaiDate(Date.parse(`${date.slice(0, 7)}-01T00:00:00+08:00`) - 1);
