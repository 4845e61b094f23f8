import { dayMs } from '../time/instants.ts';
import { paceLimit } from './pace.ts';
import type { Assignment, AssignmentStatus, Light } from './types.ts';

/** An assignment turns yellow this long before its deadline. */
export const yellowWindowMs = 7 * dayMs;

type Timed = Pick<Assignment, 'status' | 'due' | 'submittedAt' | 'returnCount'> & Partial<Pick<Assignment, 'progressPercent' | 'pace'>>;

const counted = (a: Timed) => a.status !== 'withdrawn' && a.status !== 'designated';

/** Statuses in which the deadline clock runs: the body still owes its submission. */
export const owedStatuses: readonly AssignmentStatus[] = ['assigned', 'in_progress', 'returned'];
/** Statuses still in play: owed, or submitted and awaiting review. */
export const openStatuses: readonly AssignmentStatus[] = [...owedStatuses, 'submitted'];

export const owing = (a: Pick<Assignment, 'status'>) => owedStatuses.includes(a.status);

/** Owed and past its deadline: what turns an assignment red. */
export const isOverdue = (a: Pick<Assignment, 'status' | 'due'>, now: number) => owing(a) && a.due !== null && Date.parse(a.due) < now;

/**
 * The same rule as a filter on stored assignments at an instant, for the
 * ledger and the dashboard to count in SQL what `isOverdue` decides.
 */
export const overdueFilter = (now: Date) => ({ status: { in: [...owedStatuses] }, due: { lt: now } });

/** Owed and past its pace limit (序时进度): what turns an assignment yellow before its deadline. */
export const behindPace = (a: Timed, now: number) => isBehindPace(a, paceLimit(a), now);

/** The pace rule on a stored limit (the read model keeps `paceLimit` as a column). */
export const isBehindPace = (a: Pick<Assignment, 'status'>, limit: number | null, now: number) => owing(a) && limit !== null && now > limit;

/** The same rule as a filter on stored assignments, for the ledger. */
export const behindPaceFilter = (now: Date) => ({ status: { in: [...owedStatuses] }, behindPaceFrom: { lt: now } });

/** Whole days past the deadline, counted until submission (or now, while still owed). */
export function overdueDays(a: Timed, now: number): number {
  if (!a.due || !counted(a)) return 0;
  const end = owing(a) ? now : a.submittedAt ? Date.parse(a.submittedAt) : now;
  const late = end - Date.parse(a.due);
  return late > 0 ? Math.ceil(late / dayMs) : 0;
}

/**
 * The traffic light, the one rule used by workflows, API and console:
 * done when accepted; red when owed past its deadline; yellow when due within
 * seven days, behind pace, returned before, or submitted late; green otherwise.
 */
export function assignmentLight(a: Timed, now: number): Light {
  if (!counted(a)) return 'none';
  if (a.status === 'accepted') return 'done';
  if (isOverdue(a, now)) return 'red';
  if (a.returnCount > 0 || overdueDays(a, now) > 0 || behindPace(a, now)) return 'yellow';
  if (owing(a) && a.due && Date.parse(a.due) - now <= yellowWindowMs) return 'yellow';
  return 'green';
}

const severity: Record<Light, number> = { none: 0, done: 1, green: 2, yellow: 3, red: 4 };

/** A task shows its worst light among the assignments that decide its closing. */
export function taskLight(assignments: Array<Timed & Pick<Assignment, 'role' | 'blocking'>>, now: number): Light {
  const deciding = assignments.filter((a) => counted(a) && (a.role === 'lead' || a.blocking));
  if (deciding.length === 0) return 'none';
  return deciding.map((a) => assignmentLight(a, now)).reduce((worst, light) => (severity[light] > severity[worst] ? light : worst));
}

/** The next instant at which time alone changes this assignment's light, if any. */
export function nextLightChange(a: Timed, now: number): number | null {
  if (!a.due || !owing(a)) return null;
  const due = Date.parse(a.due);
  const pace = paceLimit(a);
  return [due - yellowWindowMs, due + 1, ...(pace === null ? [] : [pace + 1])].filter((at) => at > now).sort((x, y) => x - y)[0] ?? null;
}
