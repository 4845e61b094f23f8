import type { Actor } from '../supervision/types.ts';

/**
 * A year's score sheet: computed as a draft, reviewed, announced to the units
 * (公示: they may appeal its lines for a number of working days, see
 * appeals.ts), then published. Published sheets are frozen: a change is a new
 * version, the old one kept.
 */
export type SheetStatus = 'draft' | 'reviewed' | 'announced' | 'published' | 'superseded';

export type SheetAction = 'review' | 'announce' | 'publish';

const from: Record<SheetAction, SheetStatus> = { review: 'draft', announce: 'reviewed', publish: 'announced' };

const names: Record<SheetStatus, string> = {
  draft: '草稿 draft', reviewed: '已审核 reviewed', announced: '公示中 announced', published: '已发布 published', superseded: '已被取代 superseded',
};
const verbs: Record<SheetAction, string> = { review: '审核', announce: '公示', publish: '发布' };

/** Why the action cannot be taken on a sheet in this status, or null when it can. */
export function sheetActionProblem(status: SheetStatus, action: SheetAction): string | null {
  if (status === from[action]) return null;
  if (status === 'published') return '已发布的评分不能修改，请重新计算生成新版本。 A published sheet is frozen: compute a new version instead.';
  if (action === 'publish' && status === 'reviewed') return '请先公示，申诉期结束后再发布。 Announce the sheet first: it is published after the appeal period.';
  return `当前为${names[status]}，不能${verbs[action]}。 Cannot ${action} a sheet that is ${status}.`;
}

/** Only the performance office reviews, announces and publishes sheets (the mutations' scope). */
export const mayActOnSheets = (actor: Pick<Actor, 'role'>) => actor.role === 'performance';

/**
 * What this actor may do to a sheet in this status now, by the mutations' own
 * rule; an announced sheet is published once its appeal window allows
 * (`publishable`, from the window's own rule).
 */
export const availableSheetActions = (status: SheetStatus, actor: Pick<Actor, 'role'>, publishable = false): SheetAction[] =>
  mayActOnSheets(actor) ? (['review', 'announce', 'publish'] as const).filter((action) => sheetActionProblem(status, action) === null && (action !== 'publish' || publishable)) : [];

export const nextStatus = (action: 'review' | 'announce'): SheetStatus => (action === 'review' ? 'reviewed' : 'announced');

/** Standard competition ranking (1, 1, 3): one more than the number of scores above this one. */
export const competitionRank = (score: number, all: readonly number[]): number => 1 + all.filter((other) => other > score).length;
