import type { CaseEvent } from '../credit/cases.ts';
import type { Notice } from '../supervision/notices.ts';
import { shanghaiDate } from '../time/instants.ts';
import type { AppealWindowState } from './appeals.ts';

const decisionWords: Record<string, string> = { appealUpheld: '维持原评分 upheld', appealCorrected: '已更正 corrected' };

/**
 * Who hears of a publicity period (公示与申诉): every unit with lines on the
 * sheet when it is announced, so it can appeal in time; the appealing unit when
 * its appeal is decided. Keys carry the event, so a notice goes out once.
 */
export function appealNotices(state: Pick<AppealWindowState, 'windowId' | 'year' | 'closesAt' | 'lines' | 'appeals'>, event: CaseEvent): Notice[] {
  const base = { taskId: state.windowId };
  if (event.type === 'announced') {
    const closes = shanghaiDate(state.closesAt);
    return [...new Set(state.lines.map((l) => l.bodyId))].map((bodyId) => ({
      ...base, key: `${state.windowId}#${event.seq}/${bodyId}`, kind: 'scores', audience: { kind: 'body', bodyId },
      subject: `【评分公示 Scores announced】${state.year} 年度绩效评分`,
      body: `${state.year} 年度绩效评分已公示。对本单位的扣分项有异议的，请于 ${closes}（北京时间）前申诉。\nThe ${state.year} scores are announced; appeal your lines by the end of ${closes}.`,
    }));
  }
  const decided = decisionWords[event.type];
  const appeal = decided ? state.appeals.find((a) => a.appealId === event.data.appealId) : undefined;
  if (!decided || !appeal) return [];
  return [{
    ...base, key: `${state.windowId}#${event.seq}`, kind: 'decision', audience: { kind: 'body', bodyId: appeal.bodyId },
    subject: `【申诉结果 Appeal decided】${state.year} 年度绩效评分：${decided}`,
    body: `对“${appeal.detail}”的申诉：${decided}。${event.comment ? `\n${event.comment}` : ''}`,
  }];
}
