// The worker's workflow bundle: every workflow type Duban registers.
export { noopWorkflow } from './noop.ts';
export { taskWorkflow, taskWorkflowV2 } from './task.ts';
export { importWorkflow } from './import.ts';
export { filingRoundWorkflow, filingUnitWorkflow } from './filing.ts';
export { evaluationRoundWorkflow, reportUnitWorkflow, scheduledEvaluationWorkflow } from './evaluation.ts';
export { objectionWorkflow } from './objection.ts';
export { repairWorkflow } from './repair.ts';
export { inspectionRoundWorkflow } from './inspection.ts';
export { scoreAppealsWorkflow } from './score-appeals.ts';
export { monthlyBulletinsWorkflow } from './bulletins.ts';
