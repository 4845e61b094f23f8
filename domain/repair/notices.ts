import { byDate, caseNotice } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import type { Notice } from '../supervision/notices.ts';
import type { RepairState } from './application.ts';

/** The applicant's body hears the decision; the supervising office hears of new and overdue applications. */
export function repairNotices(state: RepairState, event: CaseEvent): Notice[] {
  const label = `信用修复申请 ${state.applicationId}（${state.entityCode}）`;
  const applicant = state.filedBy.bodyId;
  const toApplicant = (subject: string, body: string) =>
    applicant ? [caseNotice(state.applicationId, event, 'decision', { kind: 'body', bodyId: applicant }, `【${subject}】${label}`, body)] : [];
  const toSupervisors = (kind: Notice['kind'], subject: string, body: string) =>
    [caseNotice(state.applicationId, event, kind, { kind: 'supervisors' }, `【${subject}】${label}`, body)];
  switch (event.type) {
    case 'eligible':
      return toSupervisors('assigned', '待审核 To review', `请于 ${byDate(state.reviewBy!)} 前审核。 Review it by then.`);
    case 'approved':
      return toApplicant('准予修复 Approved', '信用修复申请已批准，该记录停止公示，信用等级已重新评定。 Approved: the record is no longer published and the class was recomputed.');
    case 'refused':
      return toApplicant('不予修复 Refused', `信用修复申请未获批准，理由：\n${event.comment ?? ''}`);
    case 'overdue':
      return toSupervisors('overdue', '逾期 Overdue', `${label}已超过审核期限（${byDate(String(event.data.deadline))}）。 The review time limit has passed.`);
    default:
      return [];
  }
}
