/** Every date is shown in China Standard Time, whatever the viewer's own zone. */
const timeZone = 'Asia/Shanghai';

const day = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const minute = new Intl.DateTimeFormat('zh-CN', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

type Instant = string | null | undefined;

/** "2016/01/31": deadlines fall at the end of a day, so the day is what matters. */
export const formatDay = (iso: Instant) => (iso ? day.format(new Date(iso)) : '');

/** "2016/01/31 23:59": when something happened. */
export const formatMinute = (iso: Instant) => (iso ? minute.format(new Date(iso)) : '');

/** The Shanghai calendar day of an instant as YYYY-MM-DD, the value of a date input. */
export const shanghaiDay = (iso: string | number) => isoDay.format(new Date(iso));

/** The deadline instant "by the end of" a Shanghai calendar day (YYYY-MM-DD), as the domain writes it. */
export { endOfShanghaiDayIso as endOfShanghaiDay } from '../../../domain/time/instants.ts';
