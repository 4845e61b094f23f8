import type { Assignment } from './types.ts';

/** Points of progress an assignment may fall behind the elapsed share of its time before it turns yellow, unless the plan sets its own. */
export const defaultPaceMarginPoints = 20;

type Paced = Pick<Assignment, 'due'> & Partial<Pick<Assignment, 'progressPercent' | 'pace'>>;

/**
 * 序时进度: the instant after which the assignment is behind pace, that is when
 * the share of the time from its start to its deadline that has passed exceeds
 * its reported progress (0 before any report) plus the margin. Null without a
 * span (older histories, no deadline, a deadline before the start) or when
 * progress and margin reach 100.
 */
export function paceLimit(a: Paced): number | null {
  if (!a.pace || !a.due) return null;
  const from = Date.parse(a.pace.from);
  const due = Date.parse(a.due);
  const share = ((a.progressPercent ?? 0) + a.pace.marginPoints) / 100;
  if (due <= from || share >= 1) return null;
  return Math.floor(from + (due - from) * share);
}
