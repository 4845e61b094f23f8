import type { Actor } from '../supervision/types.ts';

/**
 * A year's score sheet: computed as a draft, reviewed, then published.
 * Published sheets are frozen: a change is a new version, the old one kept.
 */
export type SheetStatus = 'draft' | 'reviewed' | 'published' | 'superseded';

export type SheetAction = 'review' | 'publish';

const from: Record<SheetAction, SheetStatus> = { review: 'draft', publish: 'reviewed' };

const names: Record<SheetStatus, string> = { draft: '草稿 draft', reviewed: '已审核 reviewed', published: '已发布 published', superseded: '已被取代 superseded' };

/** Why the action cannot be taken on a sheet in this status, or null when it can. */
export function sheetActionProblem(status: SheetStatus, action: SheetAction): string | null {
  if (status === from[action]) return null;
  if (status === 'published') return '已发布的评分不能修改，请重新计算生成新版本。 A published sheet is frozen: compute a new version instead.';
  return `当前为${names[status]}，不能${action === 'review' ? '审核' : '发布'}。 Cannot ${action} a sheet that is ${status}.`;
}

/** Only the performance office reviews and publishes sheets (the mutations' scope). */
export const mayActOnSheets = (actor: Pick<Actor, 'role'>) => actor.role === 'performance';

/** What this actor may do to a sheet in this status now, by the mutations' own rule. */
export const availableSheetActions = (status: SheetStatus, actor: Pick<Actor, 'role'>): SheetAction[] =>
  mayActOnSheets(actor) ? (['review', 'publish'] as const).filter((action) => sheetActionProblem(status, action) === null) : [];

export const nextStatus = (action: SheetAction): SheetStatus => (action === 'review' ? 'reviewed' : 'published');

/** Standard competition ranking (1, 1, 3): one more than the number of scores above this one. */
export const competitionRank = (score: number, all: readonly number[]): number => 1 + all.filter((other) => other > score).length;
