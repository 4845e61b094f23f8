import { caseNotice, titled } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import { commentLine, dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import type { ObjectionState } from './case.ts';

const limitNames: Record<string, { zh: string; en: string }> = {
  acceptance: { zh: '受理期限', en: 'acceptance time limit' },
  verification: { zh: '核查期限', en: 'verification time limit' },
  provider: { zh: '提供单位核实期限', en: 'providing body\'s time limit' },
};

type Words = { zh: string; en: string };

/** Who hears of each step of an objection: the filing body, the supervising office, the providing body. */
export function objectionNotices(state: ObjectionState, event: CaseEvent): Notice[] {
  const label = { zh: `信用异议（${state.entityCode}）`, en: `credit objection (${state.entityCode})` };
  const filer = state.filedBy.bodyId;
  const notice = (kind: Notice['kind'], audience: Parameters<typeof caseNotice>[3], title: Words, text: Words) =>
    caseNotice(state.caseId, event, kind, audience, titled(label, title, text));
  const toFiler = (kind: Notice['kind'], title: Words, text: Words) => (filer ? [notice(kind, { kind: 'body', bodyId: filer }, title, text)] : []);
  const toSupervisors = (kind: Notice['kind'], title: Words, text: Words) => [notice(kind, { kind: 'supervisors' }, title, text)];
  const why = commentLine(event.comment);
  switch (event.type) {
    case 'filed': {
      const by = dueWords(state.acceptBy);
      return toSupervisors('assigned', { zh: '新异议', en: 'New objection' }, { zh: `请于 ${by.zh} 前决定是否受理。${why}`, en: `Decide whether to accept it by ${by.en}.${why}` });
    }
    case 'accepted': {
      const by = dueWords(state.verifyBy!);
      return toFiler('decision', { zh: '已受理', en: 'Accepted' }, { zh: `异议已受理，核查期限 ${by.zh}。`, en: `The objection was accepted; verification is due by ${by.en}.` });
    }
    case 'refused':
      return toFiler('decision', { zh: '不予受理', en: 'Refused' }, { zh: `异议不予受理，理由：${why}`, en: `The objection was not accepted. Reason:${why}` });
    case 'providerAsked': {
      if (!state.providerBodyId) return [];
      const by = dueWords(state.provider!.replyBy);
      return [notice('assigned', { kind: 'body', bodyId: state.providerBodyId }, { zh: '请核实', en: 'Please check' }, {
        zh: `请于 ${by.zh} 前核实您单位提供的信用记录并答复。${why}`,
        en: `Check the credit record your body provided and reply by ${by.en}.${why}`,
      })];
    }
    case 'upheld':
      return toFiler('decision', { zh: '维持原记录', en: 'Upheld' }, { zh: `经核查，维持原记录，理由：${why}`, en: `After verification the record stands. Reason:${why}` });
    case 'corrected':
      return toFiler('decision', { zh: '已更正', en: 'Corrected' }, {
        zh: `经核查，记录已更正，信用等级已重新评定。${why}`,
        en: `After verification the record was corrected and the credit class recomputed.${why}`,
      });
    case 'overdue': {
      const limit = limitNames[String(event.data.limit)] ?? { zh: '期限', en: 'time limit' };
      const deadline = dueWords(String(event.data.deadline));
      const text = { zh: `${label.zh}已超过${limit.zh}（${deadline.zh}）。`, en: `The ${limit.en} of this ${label.en} has passed (${deadline.en}).` };
      const title = { zh: '逾期', en: 'Overdue' };
      const notices = toSupervisors('overdue', title, text);
      if (event.data.limit === 'provider' && state.providerBodyId) notices.push(notice('overdue', { kind: 'body', bodyId: state.providerBodyId }, title, text));
      return notices;
    }
    default:
      return [];
  }
}
