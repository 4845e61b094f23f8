import type { Client, WorkflowHandle } from '@temporalio/client';
import { noopWorkflow } from '../noop.ts';

/** A run of a workflow whose history is kept as a replay fixture. */
export interface Scenario {
  name: string;
  run(client: Client, taskQueue: string): Promise<WorkflowHandle>;
}

export const scenarios: Scenario[] = [
  {
    name: 'noop-sleeps-a-day',
    run: (client, taskQueue) =>
      client.workflow.start(noopWorkflow, { args: [24 * 60 * 60 * 1000], workflowId: 'noop-sleeps-a-day', taskQueue }),
  },
];
