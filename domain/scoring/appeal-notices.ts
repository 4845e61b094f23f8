import type { CaseEvent } from '../credit/cases.ts';
import { commentLine, dueWords } from '../notices/content.ts';
import type { Notice } from '../supervision/notices.ts';
import type { AppealWindowState } from './appeals.ts';

const decisionWords: Record<string, { zh: string; en: string }> = {
  appealUpheld: { zh: '维持原评分', en: 'score upheld' },
  appealCorrected: { zh: '已更正', en: 'corrected' },
};

/**
 * Who hears of a publicity period (公示与申诉): every unit with lines on the
 * sheet when it is announced, so it can appeal in time; the appealing unit when
 * its appeal is decided. Keys carry the event, so a notice goes out once.
 */
export function appealNotices(state: Pick<AppealWindowState, 'windowId' | 'year' | 'closesAt' | 'lines' | 'appeals'>, event: CaseEvent): Notice[] {
  const base = { taskId: state.windowId };
  const sheet = { zh: `${state.year} 年度绩效评分`, en: `the ${state.year} performance scores` };
  if (event.type === 'announced') {
    const closes = dueWords(state.closesAt);
    return [...new Set(state.lines.map((l) => l.bodyId))].map((bodyId) => ({
      ...base, key: `${state.windowId}#${event.seq}/${bodyId}`, kind: 'scores', audience: { kind: 'body', bodyId },
      zh: { title: `【评分公示】${sheet.zh}`, text: `${sheet.zh}已公示。对本单位的扣分项有异议的，请于 ${closes.zh}前申诉。` },
      en: { title: `Scores announced: ${sheet.en}`, text: `The ${state.year} performance scores are announced. Appeal any of your body's deductions by the end of ${closes.en}.` },
    }));
  }
  const decided = decisionWords[event.type];
  const appeal = decided ? state.appeals.find((a) => a.appealId === event.data.appealId) : undefined;
  if (!decided || !appeal) return [];
  const why = commentLine(event.comment);
  return [{
    ...base, key: `${state.windowId}#${event.seq}`, kind: 'decision', audience: { kind: 'body', bodyId: appeal.bodyId },
    zh: { title: `【申诉结果】${sheet.zh}：${decided.zh}`, text: `对“${appeal.detail}”的申诉：${decided.zh}。${why}` },
    en: { title: `Appeal decided: ${sheet.en}, ${decided.en}`, text: `Your appeal against “${appeal.detail}”: ${decided.en}.${why}` },
  }];
}
