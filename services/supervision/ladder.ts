import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { NotFoundError } from '../../domain/errors.ts';
import { validateLadder, type LadderRung } from '../../domain/supervision/ladder.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { ladderChangedSignal } from '../../workflows/task/ladder.ts';

/**
 * The supervising office sets a plan's escalation ladder: checked, stored with
 * an audit entry, then each open task workflow of the plan is told to fetch it
 * again. A rung already fired for an assignment stays fired (its id is recorded
 * on the assignment); edits apply to the rungs not yet fired.
 */
export async function setEscalationLadder(deps: { prisma: PrismaClient; temporal: Client }, actor: Actor, planId: string, rungs: LadderRung[], now = Date.now()) {
  validateLadder(rungs);
  const plan = await deps.prisma.plan.findUnique({ where: { id: planId }, select: { id: true } });
  if (!plan) throw new NotFoundError('方案不存在。 No such plan.');
  const at = new Date(now);
  const ladder = JSON.stringify(rungs.map(({ id, trigger, action, points }) => ({ id, trigger: { kind: trigger.kind, count: trigger.count }, action, points })));
  await deps.prisma.$transaction(async (tx) => {
    await tx.plan.update({ where: { id: planId }, data: { escalationLadder: ladder } });
    await tx.auditEntry.create({
      data: { key: `escalation-ladder:${planId}@${at.toISOString()}`, at, actorId: actor.accountId, actorName: actor.name, action: 'plan.setEscalationLadder', target: planId, detail: ladder },
    });
  });
  await ladderChanged(deps, planId);
}

/**
 * Tells the open task workflows of a plan (or of every plan) to fetch their
 * ladder again, with the working-day calendar it counts on: after a ladder
 * edit, or a holiday calendar entered. Returns how many were told.
 */
export async function ladderChanged(deps: { prisma: PrismaClient; temporal: Client }, planId?: string): Promise<number> {
  const open = await deps.prisma.task.findMany({ where: { ...(planId ? { planId } : {}), status: 'open' }, select: { id: true } });
  for (const task of open) {
    await deps.temporal.workflow.getHandle(task.id).signal(ladderChangedSignal).catch((error: unknown) => {
      // A task that closed meanwhile has no ladder to climb.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  }
  return open.length;
}

/** Who may read or download a 督办单: the supervising office, and the unit it is addressed to. */
export const mayReadSlip = (actor: { role: string; bodyId: string | null } | null, slip: { bodyId: string | null }) =>
  actor?.role === 'supervisor' || (actor?.role === 'department' && actor.bodyId !== null && actor.bodyId === slip.bodyId);
