import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, patched, proxyActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import { taskWorkflow } from './task.ts';

const { storeArchivedPlan, archivedTaskStates } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { startArchivedTasks } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const importWorkflowId = (planId: string) => `import:${planId}`;
/** Task states fetched and started per batch: payloads stay small however long the notice. */
const batchSize = 100;

export interface ImportResult {
  created: boolean;
  tasks: number;
}

/**
 * A plan's commit as one durable process: store the archived plan's rows, then
 * start one workflow per task by its id (a task already started, or closed long
 * ago, is left as it is). A crash of the API at any instant is finished by the
 * worker; run again, it mends whatever is missing and changes nothing else.
 * An activity starts the tasks through the worker's client: as children, each
 * start cost this history two events and a workflow task of its own.
 */
export async function importWorkflow(planId: string): Promise<ImportResult> {
  const { created, tasks } = await storeArchivedPlan(planId);
  if (patched('import-starts-by-activity')) {
    for (let offset = 0; offset < tasks; offset += batchSize) await startArchivedTasks(planId, offset, batchSize);
    return { created, tasks };
  }
  for (let offset = 0; offset < tasks; offset += batchSize) {
    const states = await archivedTaskStates(planId, offset, batchSize);
    await Promise.all(states.map(async (state) => {
      try {
        await startChild(taskWorkflow, {
          workflowId: state.taskId,
          args: [state],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }));
  }
  return { created, tasks };
}
