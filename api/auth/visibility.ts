import type { Actor } from '../../domain/supervision/types.ts';

/** Tasks an actor may read: everything for the offices, only their body's tasks for a department. */
export function visibleTasks(actor: Actor | null) {
  if (!actor) return { id: { in: [] as string[] } };
  return actor.role === 'department' ? { assignments: { some: { bodyId: actor.bodyId ?? '' } } } : {};
}

/** Plans an actor may read: those with at least one visible task. */
export function visiblePlans(actor: Actor | null) {
  return actor?.role === 'department' ? { tasks: { some: visibleTasks(actor) } } : actor ? {} : { id: { in: [] as string[] } };
}
