import { endOfShanghaiDay, shanghaiDate } from './instants.ts';

/**
 * Time limits counted in working days inside a workflow. The holiday calendar
 * (chinese-days and the office's arrangements) stays out of the deterministic
 * workflow code: whoever starts a workflow passes the ends of the coming
 * working days as instants (`workingDayTimes` in working-day-calendar.ts) and
 * the workflow looks them up here.
 */
export type WorkingDayCalendar = number[];

/**
 * A calendar and the instant from which its days are provisional: counted
 * Monday to Friday because that year's holiday arrangement is not yet entered
 * (null: every day is known). A deadline at or after it is provisional.
 */
export interface WorkingDayTimes {
  calendar: WorkingDayCalendar;
  provisionalFrom: number | null;
}

/** Is a deadline counted over days of a year whose arrangement is not known yet? */
export const isProvisional = (deadline: number | null, provisionalFrom: number | null | undefined): boolean =>
  deadline !== null && provisionalFrom != null && deadline >= provisionalFrom;

/** The end of the n-th working day after the day of `start`, from a calendar of working-day ends. */
export function nthWorkingDayEnd(calendar: WorkingDayCalendar, start: number, workingDays: number): number {
  const endOfStartDay = endOfShanghaiDay(shanghaiDate(start)).getTime();
  const first = calendar.findIndex((end) => end > endOfStartDay);
  const at = first + workingDays - 1;
  if (first < 0 || at >= calendar.length) {
    throw new RangeError(`工作日历不足以计算期限 The working-day calendar does not reach ${workingDays} working days after ${shanghaiDate(start)}.`);
  }
  return calendar[at]!;
}
