import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseEvent, CaseRequest } from '../../domain/credit/cases.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { recordDenial } from '../auth/denials.ts';
import { ActionRefused } from '../schema/errors.ts';

/**
 * Sends an action to a case workflow (under the update id of a keyed call); its synchronous
 * validator's refusal becomes an InvalidTransitionError with the reason, and is kept as a denial.
 */
export async function actOnCase<A>(
  deps: { prisma: PrismaClient; temporal: Client },
  workflowId: string,
  update: UpdateDefinition<CaseEvent, [CaseRequest<A>]>,
  actor: Actor,
  action: A & { type: string },
  updateId?: string,
): Promise<CaseEvent> {
  try {
    // Temporal keeps one outcome per update id: a retried call gets the first call's answer.
    return await deps.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [{ actor, action }], updateId });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      recordDenial(deps.prisma, actor, `${action.type} ${workflowId}`, reason);
      throw new ActionRefused(reason);
    }
    if (error instanceof WorkflowNotFoundError) throw new ActionRefused('该事项已办结。 This case is closed.');
    throw error;
  }
}
