import { parseNumber } from './numerals.ts';
import { endOfShanghaiDayIso } from '../time/instants.ts';

/**
 * Deadline phrases of Chinese government notices (2016年1月底前, 每年12月底前,
 * 本意见印发之日起30日内 …) read into instants. Pure: the notice's own date is
 * passed in, never the clock, because a notice is read years after it was written.
 */

export interface DateContext {
  /** The notice's date (YYYY-MM-DD): the year of year-less phrases and the start of relative ones. */
  issuedOn: string | null;
}

export interface Deadline {
  /** The phrase exactly as written. */
  phrase: string;
  /** Where the phrase starts in the text searched. */
  index: number;
  /** The last second of the deadline day in China Standard Time, e.g. 2016-01-31T23:59:59+08:00. */
  due: string | null;
  /** An RFC 5545 RRULE for a recurring deadline (FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31). */
  recurrence: string | null;
}

type Groups = Record<string, string | undefined>;
type Resolved = Pick<Deadline, 'due' | 'recurrence'> | null;

interface Rule {
  pattern: RegExp;
  resolve: (groups: Groups, context: DateContext) => Resolved;
}

// Pieces of the grammar. Traditional forms of the few characters that differ are in the classes.
const year = '(?<![0-9０-９])(?<year>[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年';
const relativeYear = '(?<rel>今|本|明|次)年度?';
const anyYear = `(?:${year}|${relativeYear})`;
const month = '(?<![0-9０-９一二三四五六七八九十])(?<month>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})';
const day = '(?<day>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,4})';
const before = '(?:之前|以前|前)?';
/** Characters that make a bare 年 mean something other than "this year": 三年内, 每年底, 上年底. */
const notThisYear = '(?<![0-9０-９〇零一二两兩三四五六七八九十百千每当當上去前近多几幾数數同])';
const quarter = '第?(?<quarter>[一二三四1-4１-４])季度';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const num = (text: string | undefined) => (text === undefined ? null : parseNumber(text));

/** The last day of a half year (上/下), a quarter (1-4) or a month. */
const halfMonth = (half: string) => (half === '上' ? 6 : 12);
const quarterMonth = (q: string) => 3 * (num(q) ?? 0);

/**
 * The year a phrase means: as written, relative to the notice's year, or, when
 * no year is written, the notice's year unless the day has already passed by
 * the notice date (then the next year's).
 */
function resolveYear(groups: Groups, context: DateContext, monthDay: (y: number) => [number, number]): number | null {
  if (groups.year) return num(groups.year);
  if (!context.issuedOn) return null;
  const issuedYear = Number(context.issuedOn.slice(0, 4));
  if (groups.rel) return issuedYear + (/[明次]/.test(groups.rel) ? 1 : 0);
  const [m, d] = monthDay(issuedYear);
  return isoDate(issuedYear, m, d) < context.issuedOn ? issuedYear + 1 : issuedYear;
}

/** A one-off deadline on a month and day (a day function handles month ends). */
function dated(groups: Groups, context: DateContext, m: number | null, d: ((y: number) => number) | number | null): Resolved {
  if (m === null || d === null || m < 1 || m > 12) return null;
  const dayOf = typeof d === 'number' ? () => d : d;
  const y = resolveYear(groups, context, (y) => [m, dayOf(y)]);
  if (y === null) return { due: null, recurrence: null };
  const dd = dayOf(y);
  if (dd < 1 || dd > lastDay(y, m)) return null;
  return { due: endOfShanghaiDayIso(isoDate(y, m, dd)), recurrence: null };
}

/** A yearly deadline on a month and day; February's end is the month's last day whatever the year. */
function yearly(m: number, d: number | 'end'): Resolved {
  const byDay = d === 'end' ? (m === 2 ? -1 : lastDay(2001, m)) : d;
  return { due: null, recurrence: `FREQ=YEARLY;BYMONTH=${m};BYMONTHDAY=${byDay}` };
}

function yearlyDeadline(g: Groups): Resolved {
  if (g.half) return yearly(halfMonth(g.half), 'end');
  if (g.quarter) return yearly(quarterMonth(g.quarter), 'end');
  if (g.yearEnd) return yearly(12, 31);
  const m = num(g.month);
  if (m === null || m < 1 || m > 12) return null;
  return yearly(m, g.day ? (num(g.day) ?? 0) : 'end');
}

function addToDate(date: string, n: number, unit: string): string | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (unit === '月') {
    const target = new Date(Date.UTC(y, m - 1 + n, 1));
    const ty = target.getUTCFullYear();
    const tm = target.getUTCMonth() + 1;
    return isoDate(ty, tm, Math.min(d, lastDay(ty, tm)));
  }
  const days = /[周週星]/.test(unit) ? 7 * n : n;
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Counted from the notice's date; working days need a holiday calendar, so they stay unresolved. */
function relativeDeadline(g: Groups, context: DateContext): Resolved {
  const n = num(g.n);
  if (n === null || !g.unit) return null;
  if (!context.issuedOn || g.unit.includes('工作')) return { due: null, recurrence: null };
  const date = addToDate(context.issuedOn, n, g.unit);
  return { due: date && endOfShanghaiDayIso(date), recurrence: null };
}

const rule = (source: string, resolve: Rule['resolve']): Rule => ({ pattern: new RegExp(source, 'g'), resolve });

const rules: Rule[] = [
  // 每年12月底前, 每年3月31日前, 每年上半年, 每年第三季度末, 每年底前
  rule(
    `每年度?(?:${month}月(?:${day}[日号號]|(?<end>底|末))|(?<yearEnd>年?底|年末)|(?<half>上|下)半年(?:末|底)?|${quarter}(?:末|底))${before}`,
    (g) => yearlyDeadline(g),
  ),
  // 每月底前, 每月10日前
  rule(`每个?月(?:${day}[日号號]|底|末)${before}`, (g) => ({
    due: null,
    recurrence: `FREQ=MONTHLY;BYMONTHDAY=${g.day ? num(g.day) : -1}`,
  })),
  // 每季度末, 每季度结束前
  rule(`每个?季度?(?:末|底|[结結]束前)${before}`, () => ({
    due: null,
    recurrence: 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1',
  })),
  // 2016年1月31日前, 3月31日前
  rule(`${anyYear}?${month}月${day}[日号號](?:之前|以前|前)`, (g, c) => dated(g, c, num(g.month), num(g.day))),
  // 2016年1月底前, 2016年1月底, 1月末
  rule(`${anyYear}?${month}月份?(?:底|末)${before}`, (g, c) => {
    const m = num(g.month);
    return dated(g, c, m, (y) => lastDay(y, m ?? 1));
  }),
  // 2019年6月前: read inclusively (by the end of June), as 3月31日前 includes the 31st
  rule(`${anyYear}?${month}月份?(?:之前|以前|前)(?![0-9０-９一二三四五六七八九十两期])`, (g, c) => {
    const m = num(g.month);
    return dated(g, c, m, (y) => lastDay(y, m ?? 1));
  }),
  // 2016年底前, 2016年年底, 今年底前, 年底前, 年末
  rule(`(?:${anyYear}年?|${notThisYear}年)(?:底|末)${before}`, (g, c) => dated(g, c, 12, 31)),
  // 年内, 2016年内, 今年内, 本年度内
  rule(`(?:${anyYear}|${notThisYear}年度?)[内內](?![部容])`, (g, c) => dated(g, c, 12, 31)),
  // 上半年, 2019年下半年
  rule(`(?<!每)${anyYear}?(?<half>上|下)半年(?:末|底|[内內])?${before}`, (g, c) => {
    const m = halfMonth(g.half ?? '下');
    return dated(g, c, m, (y) => lastDay(y, m));
  }),
  // 第三季度末, 三季度末, 2019年第一季度内
  rule(`(?<!每)${anyYear}?${quarter}(?:末|底|[内內])${before}`, (g, c) => {
    const m = quarterMonth(g.quarter ?? '');
    return dated(g, c, m, (y) => lastDay(y, m));
  }),
  // 本意见印发之日起30日内, 印发后3个月内, 发布之日起15个工作日内
  rule(
    '(?:本|该|該|此)?(?:意[见見]|通知|方案|[办辦]法|文件|[决決]定|[规規]定|[计計][划劃]|措施)?' +
      '(?:印[发發]|下[发發]|[发發]布|出台|[实實]施|施行|公布)(?:之日)?(?:起|[后後])' +
      '(?<n>[0-9０-９]+|[一二两兩三四五六七八九十百]+)[个個]?(?<unit>工作日|日|天|月|周|週|星期)(?:[内內]|以[内內]|之[内內])',
    relativeDeadline,
  ),
];

function matchesOf(text: string, r: Rule, context: DateContext): Deadline[] {
  return [...text.matchAll(r.pattern)].flatMap((m) => {
    const resolved = r.resolve(m.groups ?? {}, context);
    return resolved ? [{ phrase: m[0], index: m.index, ...resolved }] : [];
  });
}

/** Every deadline phrase in a text, in order; where phrases overlap the earliest, then longest, wins. */
export function findDeadlines(text: string, context: DateContext): Deadline[] {
  const all = rules.flatMap((r) => matchesOf(text, r, context));
  all.sort((a, b) => a.index - b.index || b.phrase.length - a.phrase.length);
  const kept: Deadline[] = [];
  for (const d of all) {
    const last = kept[kept.length - 1];
    if (!last || d.index >= last.index + last.phrase.length) kept.push(d);
  }
  return kept;
}

/** A calendar date written out in full (2015年12月15日, 二〇一五年十二月十五日) as YYYY-MM-DD. */
export function parseCalendarDate(text: string): string | null {
  const m = /^\s*(\S{4})\s*年\s*(\S{1,3}?)\s*月\s*(\S{1,4}?)\s*[日号號]\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [num(m[1]), num(m[2]), num(m[3])];
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
  return isoDate(y, mo, d);
}

/** 2026-11-30 → 2026年11月30日, as a document writes a date. */
export const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
