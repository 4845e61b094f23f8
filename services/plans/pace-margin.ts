import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { NotFoundError, refuse } from '../../domain/errors.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { paceMarginChangedSignal } from '../../workflows/task/pace.ts';

/**
 * The supervising office changes a plan's 序时进度 margin after commit: checked
 * (a whole number of points, 0–100), stored with an audit entry, then sent to
 * each open task workflow of the plan, which holds the margin with each
 * assignment and re-times and re-projects its lights by it.
 */
export async function setPaceMargin(deps: { prisma: PrismaClient; temporal: Client }, actor: Actor, planId: string, points: number, now = Date.now()) {
  if (!Number.isInteger(points) || points < 0 || points > 100) refuse('序时进度的容差应为 0 到 100 的整数。', 'The pace margin must be a whole number of points from 0 to 100.');
  const plan = await deps.prisma.plan.findUnique({ where: { id: planId }, select: { id: true, paceMarginPoints: true } });
  if (!plan) throw new NotFoundError('方案不存在。 No such plan.');
  const at = new Date(now);
  await deps.prisma.$transaction(async (tx) => {
    await tx.plan.update({ where: { id: planId }, data: { paceMarginPoints: points } });
    await tx.auditEntry.create({
      data: { key: `pace-margin:${planId}@${at.toISOString()}`, at, actorId: actor.accountId, actorName: actor.name, action: 'plan.setPaceMargin', target: planId, detail: JSON.stringify({ from: plan.paceMarginPoints, to: points }) },
    });
  });
  const open = await deps.prisma.task.findMany({ where: { planId, status: 'open' }, select: { id: true } });
  for (const task of open) {
    await deps.temporal.workflow.getHandle(task.id).signal(paceMarginChangedSignal, points).catch((error: unknown) => {
      // A task that closed meanwhile has no light left to time.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  }
}
