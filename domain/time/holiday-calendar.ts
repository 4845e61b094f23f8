import chineseDays from 'chinese-days';

// A CommonJS package: Node's ESM loader offers only its default export.
const { isWorkday: packageIsWorkday, getHolidaysInRange, getWorkdaysInRange } = chineseDays;

/**
 * One year's holiday arrangement as the State Council publishes it each
 * November for the next year (放假安排): the days off, and the weekend days
 * worked instead (调休上班). Dates are YYYY-MM-DD in Shanghai.
 */
export interface HolidayArrangement {
  year: number;
  holidays: string[];
  workingWeekends: string[];
}

/** Where a day's status comes from: the chinese-days package, the office's own calendar, or neither (weekends only, provisional). */
export type DaySource = 'package' | 'office' | 'weekendsOnly';

const packageYears = new Map<number, boolean>();

/** Does the chinese-days package carry this year's arrangement? Every year it knows has weekday holidays (元旦 at least). */
export function packageCovers(year: number): boolean {
  let covered = packageYears.get(year);
  if (covered === undefined) {
    covered = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, covered);
  }
  return covered;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** A year's arrangement as the package has it, to show beside the office's (null: the package does not cover it). */
export function packageArrangement(year: number): HolidayArrangement | null {
  if (!packageCovers(year)) return null;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  return { year, holidays: getHolidaysInRange(from, to, false), workingWeekends: getWorkdaysInRange(from, to, true).filter(isWeekend) };
}

/**
 * The rule deciding whether a date is a working day: the package for the
 * years it covers, the office's arrangement for the years it has entered,
 * Monday to Friday for any other year (a provisional count).
 */
export function workingDayRule(arrangements: readonly HolidayArrangement[]) {
  const office = new Map(arrangements.map((a) => [a.year, { holidays: new Set(a.holidays), workingWeekends: new Set(a.workingWeekends) }]));
  const source = (date: string): DaySource => (packageCovers(yearOf(date)) ? 'package' : office.has(yearOf(date)) ? 'office' : 'weekendsOnly');
  const isWorkingDay = (date: string): boolean => {
    switch (source(date)) {
      case 'package':
        return packageIsWorkday(date);
      case 'office': {
        const year = office.get(yearOf(date))!;
        return year.workingWeekends.has(date) || (!isWeekend(date) && !year.holidays.has(date));
      }
      case 'weekendsOnly':
        return !isWeekend(date);
    }
  };
  return { source, isWorkingDay };
}

/** Whether a year's working days are known: from the package or the office's arrangement. */
export const yearCovered = (year: number, arrangements: readonly HolidayArrangement[]) =>
  packageCovers(year) || arrangements.some((a) => a.year === year);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = isoDate.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** At most this many dates in one list, so a typing slip (or a hostile file) cannot expand into years of days. */
export const maxDatesPerList = 80;

/**
 * Reads the dates of a list as people write them: one date or a range per
 * item, YYYY-MM-DD, a range as `2027-02-06~2027-02-12` (or 至, –, —).
 * Returns the dates sorted and without repeats, and the items it could not read.
 */
export function expandDates(items: readonly string[]): { dates: string[]; problems: string[] } {
  const dates = new Set<string>();
  const problems: string[] = [];
  for (const raw of items.flatMap((item) => item.split(/[\n,，;；、]+/)).map((s) => s.trim()).filter(Boolean)) {
    const [from = '', to = from, extra] = raw.split(/\s*(?:~|～|至|–|—|\.\.)\s*/);
    if (extra !== undefined || !isCalendarDate(from) || !isCalendarDate(to) || to < from) {
      problems.push(`无法识别"${raw}"，日期应为 YYYY-MM-DD，区间如 2027-02-06~2027-02-12。 "${raw}" is not a date (YYYY-MM-DD) or a range (2027-02-06~2027-02-12).`);
      continue;
    }
    for (let date = from; date <= to && dates.size <= maxDatesPerList; date = nextDate(date)) dates.add(date);
  }
  return { dates: [...dates].sort(), problems };
}

/**
 * Reads an arrangement the office enters: every problem in words a user
 * understands, or the arrangement with its dates expanded and sorted.
 */
export function readArrangement(input: { year: number; holidays: readonly string[]; workingWeekends: readonly string[] }): { arrangement: HolidayArrangement; problems: [] } | { problems: string[] } {
  const { year } = input;
  const problems: string[] = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { problems: ['年份应在 2000 到 2100 之间。 The year must be between 2000 and 2100.'] };
  if (packageCovers(year)) return { problems: [`内置日历已包含 ${year} 年的放假安排，无需录入。 The built-in calendar already has ${year}'s arrangement.`] };
  const holidays = expandDates(input.holidays);
  const workingWeekends = expandDates(input.workingWeekends);
  problems.push(...holidays.problems, ...workingWeekends.problems);
  if (holidays.dates.length === 0 && holidays.problems.length === 0) problems.push('请至少录入一个放假日期。 Enter at least one holiday.');
  for (const [list, name] of [[holidays.dates, '放假日期 holidays'], [workingWeekends.dates, '调休上班日期 working weekends']] as const) {
    if (list.length > maxDatesPerList) problems.push(`${name.split(' ')[0]}超过 ${maxDatesPerList} 天。 More than ${maxDatesPerList} ${name.split(' ')[1]}.`);
    const outside = list.filter((d) => yearOf(d) !== year);
    if (outside.length) problems.push(`${outside.join('、')} 不在 ${year} 年内。 ${outside.join(', ')} not in ${year}.`);
  }
  const weekdays = workingWeekends.dates.filter((d) => !isWeekend(d));
  if (weekdays.length) problems.push(`调休上班日应为周六或周日：${weekdays.join('、')}。 A working weekend must be a Saturday or Sunday: ${weekdays.join(', ')}.`);
  const both = workingWeekends.dates.filter((d) => holidays.dates.includes(d));
  if (both.length) problems.push(`${both.join('、')} 不能既放假又上班。 ${both.join(', ')} cannot be both a holiday and a working day.`);
  return problems.length ? { problems } : { arrangement: { year, holidays: holidays.dates, workingWeekends: workingWeekends.dates }, problems: [] };
}
