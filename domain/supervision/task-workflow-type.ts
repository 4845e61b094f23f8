/** The task workflow's second type: what imports start, with every change made behind a patch before it in force (workflows/task/since.ts). */
export const taskWorkflowV2Type = 'taskWorkflowV2';

/** Every type a task workflow runs as: the first, for executions started before the second. */
export const taskWorkflowTypes = ['taskWorkflow', taskWorkflowV2Type];

/** A visibility query's condition on the workflow's type, any of `types`. */
export const workflowTypeIn = (types: readonly string[]) => `WorkflowType IN (${types.map((t) => `'${t}'`).join(', ')})`;
