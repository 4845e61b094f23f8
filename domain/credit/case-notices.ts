import type { NoticeContent } from '../notices/content.ts';
import type { Audience, Notice } from '../supervision/notices.ts';
import type { CaseEvent } from './cases.ts';

/** A case notice keyed by the case and event, so a retried delivery lands once. */
export function caseNotice(caseId: string, event: CaseEvent, kind: Notice['kind'], audience: Audience, content: NoticeContent, suffix = ''): Notice {
  const who = audience.kind === 'body' ? audience.bodyId : 'supervisors';
  return { key: `${caseId}#${event.seq}/${who}${suffix}`, kind, audience, taskId: caseId, ...content };
}

/** A notice's words: a title of the form 【X】label / "X: label", and its text, in each language. */
export const titled = (label: { zh: string; en: string }, title: { zh: string; en: string }, text: { zh: string; en: string }): NoticeContent => ({
  zh: { title: `【${title.zh}】${label.zh}`, text: text.zh },
  en: { title: `${title.en}: ${label.en}`, text: text.en },
});
