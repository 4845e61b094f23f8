import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../domain/supervision/types.ts';
import { idsResolvingTo } from '../../services/bodies/registry.ts';
import { recordDenial } from '../auth/denials.ts';
import type { Context } from './builder.ts';
import { ActionRefused, ForbiddenError } from './errors.ts';

/** What an action on an objection, repair or inspection round answers once its workflow has ended. */
export const caseClosed = '该事项已办结。 This case is closed.';

export interface SendOptions {
  /** What the denial log calls this attempt, e.g. `act submit task:…/市法制办`. */
  operation: string;
  /** The answer when the workflow has ended (the task, case or round is closed). */
  closed: string;
  /** The Temporal update id of a keyed call: Temporal keeps one outcome per id, so a retried call gets the first call's answer. */
  updateId?: string;
}

/** A department acts too for the bodies merged into its own (workflows keep the ids they started with). */
async function withMergedBodies(prisma: Context['prisma'], actor: Actor): Promise<Actor> {
  if (actor.role !== 'department' || !actor.bodyId) return actor;
  const merged = (await idsResolvingTo(prisma, actor.bodyId)).slice(1);
  return merged.length ? { ...actor, mergedBodyIds: merged } : actor;
}

/**
 * The one way a mutation acts on a workflow: the signed-in actor's action sent
 * as its Temporal update. The update's synchronous validator refuses a wrong
 * actor or state before anything is recorded: a refusal of who acts becomes a
 * ForbiddenError, one of what the state allows an InvalidTransitionError, each
 * in the validator's words and kept as a denied attempt.
 */
export async function sendAction<R, A>(
  ctx: Pick<Context, 'prisma' | 'temporal' | 'actor'>,
  workflowId: string,
  update: UpdateDefinition<R, [{ actor: Actor; action: A }]>,
  action: A,
  { operation, closed, updateId }: SendOptions,
): Promise<R> {
  const actor = await withMergedBodies(ctx.prisma, ctx.actor!);
  try {
    return await ctx.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [{ actor, action }], updateId });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      recordDenial(ctx.prisma, actor, operation, reason);
      // The validator's forbid (who may act) and refuse (what the state allows) stay apart.
      throw error.cause instanceof ApplicationFailure && error.cause.type === ForbiddenError.name ? new ForbiddenError(reason) : new ActionRefused(reason);
    }
    if (error instanceof WorkflowNotFoundError) throw new ActionRefused(closed);
    throw error;
  }
}
