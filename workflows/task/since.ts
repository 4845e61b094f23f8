import { patched, workflowInfo } from '@temporalio/workflow';
import { taskWorkflowV2Type } from '../../domain/supervision/task-workflow-type.ts';

/** The changes made behind patches before the second type: a `taskWorkflowV2` has each from its start. */
export type PatchBeforeV2 =
  | 'batch-effects'
  | 'notices-stored-locally'
  | 'project-light-changes'
  | 'unit-sign-off'
  | 'one-local-activity-at-a-time'
  | 'report-obligations'
  | 'escalation-ladder'
  | 'slips-issued-locally'
  | 'slips-issued-in-batch';

/**
 * Whether a change made behind a patch before the second type is in force. A
 * `taskWorkflowV2` has them all from its start and records no marker: each
 * marker is two history events (the marker and TemporalChangeVersion's upsert,
 * which also updates the server's visibility record), six or seven of them on
 * a new task's first run. An execution of the
 * first type (`taskWorkflow`) asks patched() as it always did, so its history
 * replays unchanged. A later change goes behind patched() for both types.
 */
export function since(patchId: PatchBeforeV2): boolean {
  return isTaskWorkflowV2() || patched(patchId);
}

/** This task workflow is of the second type: it also takes the changes made with it (no history of the first type has them). */
export function isTaskWorkflowV2(): boolean {
  return workflowInfo().workflowType === taskWorkflowV2Type;
}
