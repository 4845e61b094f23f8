/** China Standard Time: UTC+8 all year, no daylight saving. Every deadline is shown and reasoned about in it. */
export const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
export const dayMs = 24 * 60 * 60 * 1000;
export const weekMs = 7 * dayMs;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date | number | string): string {
  return new Date(new Date(instant).getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

/** The last second (23:59:59) of a Shanghai calendar date, as written: what "by the end of that day" means. */
/** An instant as ISO 8601 with the +08:00 offset, as Chinese users read it. */
export function toShanghaiIso(instant: Date | number | string): string {
  const local = new Date(new Date(instant).getTime() + shanghaiOffsetMs).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

export const endOfShanghaiDayIso = (date: string): string => `${date}T23:59:59+08:00`;

/** The same instant as a Date. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(endOfShanghaiDayIso(date));
}
