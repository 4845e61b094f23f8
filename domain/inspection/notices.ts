import { byDate, caseNotice } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import type { Notice } from '../supervision/notices.ts';
import type { RoundState } from './round.ts';

export const roundCaseId = (roundId: string) => `inspection:${roundId}`;

/** Joining bodies hear of the draw and a cancellation; the supervising office of unpublished results past their limit. */
export function roundNotices(state: RoundState, event: CaseEvent): Notice[] {
  const id = roundCaseId(state.plan.roundId);
  const label = `双随机抽查「${state.plan.title}」（${state.plan.roundId}）`;
  const toBodies = (kind: Notice['kind'], subject: string, body: (bodyId: string) => string) =>
    state.plan.bodies.map((b) => caseNotice(id, event, kind, { kind: 'body', bodyId: b.bodyId }, `【${subject}】${label}`, body(b.bodyId)));
  switch (event.type) {
    case 'drawn':
      return toBodies('assigned', '抽查任务 Inspections drawn', (bodyId) => {
        const lines = state.draw!.entities
          .map((code) => [code, state.draw!.inspectors[code]!.filter((i) => state.inspectorBodies[i] === bodyId)] as const)
          .filter(([, ids]) => ids.length > 0)
          .map(([code, ids]) => `${code}：${ids.join('、')}`);
        return `抽中 ${state.draw!.entities.length} 户，本单位执法人员：\n${lines.join('\n')}\n种子 Seed ${state.draw!.seed}\nInspect against the shared checklist; results are published within ${state.limits.publicationWorkingDays} working days.`;
      });
    case 'cancelled':
      return toBodies('decision', '已取消 Cancelled', () => `抽查已取消，理由：${event.comment ?? ''}`);
    case 'drawFailed':
      return [caseNotice(id, event, 'decision', { kind: 'supervisors' }, `【抽取未完成 Draw not made】${label}`, event.comment ?? '')];
    case 'overdue':
      return [caseNotice(id, event, 'overdue', { kind: 'supervisors' }, `【逾期 Overdue】${label}`,
        `以下主体的检查结果超过公示期限（${byDate(String(event.data.deadline))}）未公示： ${(event.data.entityCodes as string[]).join('、')}\nResults not published within the time limit.`)];
    default:
      return [];
  }
}
