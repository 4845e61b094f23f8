/** The task workflow's second type: what imports start, with every change made behind a patch before it in force (workflows/task/since.ts). */
export const taskWorkflowV2Type = 'taskWorkflowV2';
