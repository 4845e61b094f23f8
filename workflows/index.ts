// The worker's workflow bundle: every workflow type Duban registers.
export { noopWorkflow } from './noop.ts';
export { taskWorkflow } from './task.ts';
