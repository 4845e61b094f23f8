import { shanghaiDate } from '../time/instants.ts';

/** One language's words of a notice: the inbox title and its text. */
export interface NoticeWords {
  title: string;
  text: string;
}

/** A notice in each of the console's languages. Mail and group robots, the official channel, carry the Chinese. */
export interface NoticeContent {
  zh: NoticeWords;
  en: NoticeWords;
}

/** A notice as workflows from before the split scheduled it: one bilingual subject and body. */
export interface LegacyNoticeWords {
  subject: string;
  body: string;
}

/**
 * The words of a notice in either shape: a running workflow started before the
 * split still delivers its old bilingual strings, which cannot be split, so
 * they stand for both languages.
 */
export function noticeContent(notice: NoticeContent | LegacyNoticeWords): NoticeContent {
  if ('zh' in notice && 'en' in notice) return { zh: notice.zh, en: notice.en };
  const words = { title: notice.subject, text: notice.body };
  return { zh: words, en: words };
}

/** A person's comment on its own line, or nothing. */
export const commentLine = (comment: string | null | undefined) => (comment ? `\n${comment}` : '');

/** A deadline as users read it, in each language: the Shanghai date. */
export const dueWords = (at: number | string) => ({ zh: `${shanghaiDate(at)}（北京时间）`, en: `${shanghaiDate(at)} (Beijing time)` });

/** "1 day", "3 days". */
export const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * A system message written "中文。 English." (as errors are) in each language;
 * one that does not split so stands for both.
 */
export function bilingualMessage(message: string): { zh: string; en: string } {
  const split = /^([\s\S]*?[\u3000-\u303f\uff00-\uffef])\s+([A-Z][\s\S]*)$/.exec(message.trim());
  return split ? { zh: split[1]!, en: split[2]! } : { zh: message, en: message };
}
