import chineseDays from 'chinese-days';
import { shanghaiDate } from './instants.ts';

// A CommonJS package: Node's ESM loader offers only its default export.
const { isWorkday } = chineseDays;

/** The next calendar date (YYYY-MM-DD) after `date`. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The working days (工作日) after the day of `start` in Shanghai, in order, as
 * YYYY-MM-DD: weekends and public holidays skipped, make-up working days (调休)
 * counted, from the State Council's calendar as published in the chinese-days package.
 */
export function* workingDaysAfter(start: Date | string | number): Generator<string> {
  for (let date = nextDate(shanghaiDate(start)); ; date = nextDate(date)) {
    if (isWorkday(date)) yield date;
  }
}
