import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { TaskState } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { taskWorkflowV2Type } from '../domain/supervision/task-workflow-type.ts';
import { readArchivedPlan, storePlanRows } from '../readmodel/plan-archive.ts';

function archived(dataDir: string, planId: string) {
  const rows = readArchivedPlan(dataDir, planId);
  // Not retryable in any useful sense, but Temporal retries: the message says what is wrong meanwhile.
  if (!rows) throw new Error(`no archived plan ${planId} in ${dataDir}`);
  return rows;
}

/** Stores an archived plan's rows (idempotent); answers whether this call created them and how many task states the archive holds. */
export async function storeArchivedPlan(prisma: PrismaClient, dataDir: string, planId: string): Promise<{ created: boolean; tasks: number }> {
  const rows = archived(dataDir, planId);
  return { created: await storePlanRows(prisma, rows), tasks: rows.taskStates?.length ?? 0 };
}

/** A batch of the archived task states, so no single payload grows with the notice. */
export async function archivedTaskStates(dataDir: string, planId: string, offset: number, limit: number): Promise<TaskState[]> {
  return (archived(dataDir, planId).taskStates ?? []).slice(offset, offset + limit);
}

/** Starts in flight at once: enough to keep the server busy without queueing behind one another. */
const startsInFlight = 16;

/**
 * Starts a batch of the archived tasks' workflows through the worker's client:
 * one server write per task, where a child start costs the parent's history two
 * events and a workflow task. Idempotent: a task already started (or closed long
 * ago) is left as it is, so a retry only starts what is missing.
 */
export async function startArchivedTasks(dataDir: string, planId: string, offset: number, limit: number): Promise<number> {
  const context = Context.current();
  const states = await archivedTaskStates(dataDir, planId, offset, limit);
  let next = 0;
  let started = 0;
  const startOne = async (state: TaskState) => {
    try {
      await context.client.workflow.start(taskWorkflowV2Type, {
        taskQueue: context.info.taskQueue,
        workflowId: state.taskId,
        args: [state],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      started++;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    context.heartbeat(next);
  };
  await Promise.all(Array.from({ length: Math.min(startsInFlight, states.length) }, async () => {
    while (next < states.length) await startOne(states[next++]!);
  }));
  return started;
}
