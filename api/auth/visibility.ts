import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';

/** Tasks an actor may read: everything for the offices, only their body's tasks for a department. */
export function visibleTasks(actor: Actor | null) {
  if (!actor) return { id: { in: [] as string[] } };
  return actor.role === 'department' ? { assignments: { some: { bodyId: actor.bodyId ?? '' } } } : {};
}

/**
 * For object-level checks (a node fetched by id): the task and plan ids a
 * department may see, loaded once per request; null means everything.
 */
export function visibilityCache(prisma: PrismaClient, actor: Actor | null) {
  let loaded: Promise<{ tasks: Set<string>; plans: Set<string> } | null> | undefined;
  return () => {
    loaded ??=
      actor?.role === 'department'
        ? prisma.task
            .findMany({ where: visibleTasks(actor), select: { id: true, planId: true } })
            .then((rows) => ({ tasks: new Set(rows.map((r) => r.id)), plans: new Set(rows.map((r) => r.planId)) }))
        : Promise.resolve(null);
    return loaded;
  };
}

/** Plans an actor may read: those with at least one visible task. */
export function visiblePlans(actor: Actor | null) {
  return actor?.role === 'department' ? { tasks: { some: visibleTasks(actor) } } : actor ? {} : { id: { in: [] as string[] } };
}

type Visibility = { actor: Actor | null; visible: () => Promise<{ tasks: Set<string>; plans: Set<string> } | null> };

/**
 * Whether a request may read a task (or a plan): the offices answer at once,
 * without a promise (a ledger page checks 100 objects); a department from its
 * visible set, loaded once per request.
 */
export function mayRead(ctx: Visibility, kind: 'tasks' | 'plans', id: string): boolean | Promise<boolean> {
  if (!ctx.actor) return false;
  if (ctx.actor.role !== 'department') return true;
  return ctx.visible().then((visible) => visible?.[kind].has(id) ?? true);
}
