import { byDate, caseNotice } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import type { Notice } from '../supervision/notices.ts';
import type { ObjectionState } from './case.ts';

const limitNames: Record<string, string> = {
  acceptance: '受理期限 acceptance time limit',
  verification: '核查期限 verification time limit',
  provider: '提供单位核实期限 providing body\'s time limit',
};

/** Who hears of each step of an objection: the filing body, the supervising office, the providing body. */
export function objectionNotices(state: ObjectionState, event: CaseEvent): Notice[] {
  const label = `异议 ${state.caseId}（${state.entityCode}）`;
  const filer = state.filedBy.bodyId;
  const toFiler = (kind: Notice['kind'], subject: string, body: string) =>
    filer ? [caseNotice(state.caseId, event, kind, { kind: 'body', bodyId: filer }, `【${subject}】${label}`, body)] : [];
  const toSupervisors = (kind: Notice['kind'], subject: string, body: string) =>
    [caseNotice(state.caseId, event, kind, { kind: 'supervisors' }, `【${subject}】${label}`, body)];
  const why = event.comment ? `\n${event.comment}` : '';
  switch (event.type) {
    case 'filed':
      return toSupervisors('assigned', '新异议 New objection', `请于 ${byDate(state.acceptBy)} 前决定是否受理。 Decide whether to accept it by then.${why}`);
    case 'accepted':
      return toFiler('decision', '已受理 Accepted', `异议已受理，核查期限 ${byDate(state.verifyBy!)}。 Accepted; verification due by then.`);
    case 'refused':
      return toFiler('decision', '不予受理 Refused', `异议不予受理，理由：${why}`);
    case 'providerAsked':
      return state.providerBodyId
        ? [caseNotice(state.caseId, event, 'assigned', { kind: 'body', bodyId: state.providerBodyId }, `【请核实 Please check】${label}`,
          `请于 ${byDate(state.provider!.replyBy)} 前核实您单位提供的信用记录并答复。 Check the record your body provided and reply by then.${why}`)]
        : [];
    case 'upheld':
      return toFiler('decision', '维持原记录 Upheld', `经核查，维持原记录，理由：${why}`);
    case 'corrected':
      return toFiler('decision', '已更正 Corrected', `经核查，记录已更正，信用等级已重新评定。 The record was corrected and the class recomputed.${why}`);
    case 'overdue': {
      const limit = limitNames[String(event.data.limit)] ?? String(event.data.limit);
      const body = `${label}已超过${limit}（${byDate(String(event.data.deadline))}）。 A time limit has passed.`;
      const notices = toSupervisors('overdue', '逾期 Overdue', body);
      if (event.data.limit === 'provider' && state.providerBodyId) {
        notices.push(caseNotice(state.caseId, event, 'overdue', { kind: 'body', bodyId: state.providerBodyId }, `【逾期 Overdue】${label}`, body));
      }
      return notices;
    }
    default:
      return [];
  }
}
