import { findDeadlines } from '../dates/chinese-dates.ts';
import { dayMs, shanghaiOffsetMs } from '../time/instants.ts';

/** The calendar unit a recurring report covers. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A recurrence as the parser writes it (RFC 5545 RRULE, the subset Duban produces). */
export interface ReportRule {
  kind: PeriodKind;
  /** Months (1–12) on which a report falls due; every month for a monthly rule. */
  months: number[];
  /** Day of the month the report falls due; -1 the last day. */
  day: number;
}

/** One reporting period: what it covers ([start, end), Shanghai midnights) and when its report is due. */
export interface ReportPeriod {
  periodStart: string;
  periodEnd: string;
  due: string;
}

const allMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Reads an RRULE into a report rule: FREQ=MONTHLY;BYMONTHDAY=d (每月d日前),
 * FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1 (每季度末), FREQ=YEARLY;BYMONTH=m;BYMONTHDAY=d (每年).
 * Null for anything else (no obligations are made from a rule Duban cannot read).
 */
export function readRule(rrule: string | null | undefined): ReportRule | null {
  if (!rrule) return null;
  // What a person types in the draft editor (每月5日前, 每季度末, 每月): read as the parser reads a notice.
  if (!rrule.includes('FREQ=')) return readRule(wordedRule(rrule.trim()));
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]));
  const day = Number(parts.BYMONTHDAY ?? 'NaN');
  if (!Number.isInteger(day) || day === 0 || day < -1 || day > 31) return null;
  if (parts.FREQ === 'MONTHLY') return { kind: 'month', months: allMonths, day };
  if (parts.FREQ !== 'YEARLY' || !parts.BYMONTH) return null;
  const months = parts.BYMONTH.split(',').map(Number);
  if (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return null;
  if (months.length === 1) return { kind: 'year', months, day };
  const quarterly = months.length === 4 && months.every((m, i) => i === 0 || m - months[i - 1]! === 3);
  return quarterly ? { kind: 'quarter', months, day } : null;
}

/** The RRULE of a recurrence written in words, or null. */
function wordedRule(text: string): string | null {
  if (/^每个?月$/.test(text)) return 'FREQ=MONTHLY;BYMONTHDAY=-1';
  if (/^每个?季度?$/.test(text)) return 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1';
  return findDeadlines(/前$/.test(text) ? text : `${text}前`, { issuedOn: null }).find((d) => d.recurrence)?.recurrence ?? null;
}

/** A yearly rule: the seed's yearly special report is the evaluation round's, not an obligation of its own. */
export const isYearly = (rule: ReportRule) => rule.kind === 'year';

/** Shanghai midnight starting a calendar day, as an instant. */
const midnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - shanghaiOffsetMs;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The Shanghai calendar date of an instant. */
function ymd(instant: number): [number, number, number] {
  const d = new Date(instant + shanghaiOffsetMs);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
const iso = (ms: number) => new Date(ms).toISOString();
const monthsOf: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The period a report due on a day covers: the latest whole calendar period
 * (of the rule's kind) that ends on or before that day. 每月5日前 covers the
 * month before; 每月底 and 每季度末 cover the month or quarter that ends then.
 */
export function periodFor(kind: PeriodKind, dueMs: number): { periodStart: string; periodEnd: string } {
  // The day after the due day: a period ends at a boundary on or before its midnight.
  const [ny, nm] = ymd(midnight(...ymd(dueMs)) + dayMs);
  const index = ny * 12 + (nm - 1);
  const span = monthsOf[kind];
  const endIndex = index - (index % span); // the period boundary on or before the next day
  const startIndex = endIndex - span;
  return {
    periodStart: iso(midnight(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1)),
    periodEnd: iso(midnight(Math.floor(endIndex / 12), (endIndex % 12) + 1, 1)),
  };
}

/** The due instants of a rule (the last second of each due day, Shanghai time) in (from, to]. */
export function dueInstants(rule: ReportRule, from: number, to: number): number[] {
  const out: number[] = [];
  let [y, m] = ymd(from);
  for (let guard = 0; guard < 12 * 200; guard += 1) {
    if (rule.months.includes(m)) {
      const day = rule.day === -1 ? daysIn(y, m) : Math.min(rule.day, daysIn(y, m));
      const due = midnight(y, m, day) + dayMs - 1000;
      if (due > to) break;
      if (due > from) out.push(due);
    } else if (midnight(y, m, 1) > to) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/**
 * The periods a body owes reports for: every due instant after `from` (the
 * obligations' start) up to `horizon`, each with the period it covers. A period
 * whose due day falls after `from` counts even when it began before it.
 */
export function periodsDue(rule: ReportRule, from: number, horizon: number): ReportPeriod[] {
  return dueInstants(rule, from, horizon).map((due) => ({ ...periodFor(rule.kind, due), due: iso(due) }));
}

/**
 * When an obligation is made: when its period begins, or at once for the period
 * under way (so a body sees it for the whole period it reports on).
 */
export const opensAt = (period: ReportPeriod, from: number) => Math.max(Date.parse(period.periodStart), from);
