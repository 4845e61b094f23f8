import type { Audience, Notice } from '../supervision/notices.ts';
import { shanghaiDate } from '../time/instants.ts';
import type { CaseEvent } from './cases.ts';

/** A case notice keyed by the case and event, so a retried delivery lands once. */
export function caseNotice(caseId: string, event: CaseEvent, kind: Notice['kind'], audience: Audience, subject: string, body: string, suffix = ''): Notice {
  const who = audience.kind === 'body' ? audience.bodyId : 'supervisors';
  return { key: `${caseId}#${event.seq}/${who}${suffix}`, kind, audience, taskId: caseId, subject, body };
}

/** A deadline as users read it: the Shanghai date. */
export const byDate = (at: number | string) => `${shanghaiDate(at)}（北京时间 China Standard Time）`;
