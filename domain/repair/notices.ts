import { caseNotice, titled } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import { dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import type { RepairState } from './application.ts';

type Words = { zh: string; en: string };

/** The applicant's body hears the decision; the supervising office hears of new and overdue applications. */
export function repairNotices(state: RepairState, event: CaseEvent): Notice[] {
  const label = { zh: `信用修复申请（${state.entityCode}）`, en: `credit repair application (${state.entityCode})` };
  const applicant = state.filedBy.bodyId;
  const toApplicant = (title: Words, text: Words) =>
    applicant ? [caseNotice(state.applicationId, event, 'decision', { kind: 'body', bodyId: applicant }, titled(label, title, text))] : [];
  const toSupervisors = (kind: Notice['kind'], title: Words, text: Words) =>
    [caseNotice(state.applicationId, event, kind, { kind: 'supervisors' }, titled(label, title, text))];
  switch (event.type) {
    case 'eligible': {
      const by = dueWords(state.reviewBy!);
      return toSupervisors('assigned', { zh: '待审核', en: 'To review' }, { zh: `请于 ${by.zh} 前审核。`, en: `Review it by ${by.en}.` });
    }
    case 'approved':
      return toApplicant({ zh: '准予修复', en: 'Approved' }, {
        zh: '信用修复申请已批准，该记录停止公示，信用等级已重新评定。',
        en: 'The repair was approved: the record is no longer published and the credit class was recomputed.',
      });
    case 'refused':
      return toApplicant({ zh: '不予修复', en: 'Refused' }, {
        zh: `信用修复申请未获批准，理由：\n${event.comment ?? ''}`,
        en: `The repair was refused. Reason:\n${event.comment ?? ''}`,
      });
    case 'overdue': {
      const deadline = dueWords(String(event.data.deadline));
      return toSupervisors('overdue', { zh: '逾期', en: 'Overdue' }, {
        zh: `${label.zh}已超过审核期限（${deadline.zh}）。`,
        en: `The review time limit of this ${label.en} has passed (${deadline.en}).`,
      });
    }
    default:
      return [];
  }
}
