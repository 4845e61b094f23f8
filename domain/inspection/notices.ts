import { caseNotice, titled } from '../credit/case-notices.ts';
import type { CaseEvent } from '../credit/cases.ts';
import { bilingualMessage, dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import type { RoundState } from './round.ts';

export const roundCaseId = (roundId: string) => `inspection:${roundId}`;

type Words = { zh: string; en: string };

/** Joining bodies hear of the draw and a cancellation; the supervising office of unpublished results past their limit. */
export function roundNotices(state: RoundState, event: CaseEvent): Notice[] {
  const id = roundCaseId(state.plan.roundId);
  const label = { zh: `双随机抽查「${state.plan.title}」`, en: `random inspection round “${state.plan.title}”` };
  const toBodies = (kind: Notice['kind'], title: Words, text: (bodyId: string) => Words) =>
    state.plan.bodies.map((b) => caseNotice(id, event, kind, { kind: 'body', bodyId: b.bodyId }, titled(label, title, text(b.bodyId))));
  const toSupervisors = (kind: Notice['kind'], title: Words, text: Words) => [caseNotice(id, event, kind, { kind: 'supervisors' }, titled(label, title, text))];
  switch (event.type) {
    case 'drawn': {
      const draw = state.draw!;
      const workingDays = state.limits.publicationWorkingDays;
      return toBodies('assigned', { zh: '抽查任务', en: 'Inspections drawn' }, (bodyId) => {
        const lines = draw.entities
          .map((code) => [code, draw.inspectors[code]!.filter((i) => state.inspectorBodies[i] === bodyId)] as const)
          .filter(([, ids]) => ids.length > 0);
        return {
          zh: `抽中 ${draw.entities.length} 户，本单位执法人员：\n${lines.map(([code, ids]) => `${code}：${ids.join('、')}`).join('\n')}\n种子 ${draw.seed}\n请按统一检查清单实施检查，检查结果于 ${workingDays} 个工作日内公示。`,
          en: `${draw.entities.length} entities drawn; your body's inspectors:\n${lines.map(([code, ids]) => `${code}: ${ids.join(', ')}`).join('\n')}\nSeed ${draw.seed}\nInspect against the shared checklist; results are published within ${workingDays} working days.`,
        };
      });
    }
    case 'cancelled':
      return toBodies('decision', { zh: '已取消', en: 'Cancelled' }, () => ({ zh: `抽查已取消，理由：${event.comment ?? ''}`, en: `The round was cancelled. Reason: ${event.comment ?? ''}` }));
    case 'drawFailed': {
      const reason = bilingualMessage(event.comment ?? '');
      return toSupervisors('decision', { zh: '抽取未完成', en: 'Draw not made' }, { zh: `未能抽取，原因：${reason.zh}`, en: `The draw could not be made: ${reason.en}` });
    }
    case 'overdue': {
      const codes = event.data.entityCodes as string[];
      const deadline = dueWords(String(event.data.deadline));
      return toSupervisors('overdue', { zh: '逾期', en: 'Overdue' }, {
        zh: `以下主体的检查结果超过公示期限（${deadline.zh}）未公示：${codes.join('、')}`,
        en: `These entities' results were not published within the time limit (${deadline.en}): ${codes.join(', ')}`,
      });
    }
    default:
      return [];
  }
}
