import type { TranslateFunction } from 'react-admin';

/**
 * A recurring deadline's RRULE (as the importer writes it) in words:
 * yearly on a day, quarterly at month ends, monthly on a day; anything else as written.
 */
export function describeRecurrence(rule: string, translate: TranslateFunction): string {
  const parts = Object.fromEntries(rule.split(';').map((part) => part.split('=') as [string, string]));
  const day = parts.BYMONTHDAY === '-1' ? translate('duban.recurrence.lastDay') : translate('duban.recurrence.day', { day: parts.BYMONTHDAY });
  if (parts.FREQ === 'YEARLY' && parts.BYMONTH === '3,6,9,12') return translate('duban.recurrence.quarterly');
  if (parts.FREQ === 'YEARLY' && parts.BYMONTH && parts.BYMONTHDAY) return translate('duban.recurrence.yearly', { month: parts.BYMONTH, day });
  if (parts.FREQ === 'MONTHLY' && parts.BYMONTHDAY) return translate('duban.recurrence.monthly', { day });
  return rule;
}
