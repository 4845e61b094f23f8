import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTools } from '../../runtime/tools.ts';

/** Temporal's time-skipping test server: timers fire as soon as the workflow waits on them. */
export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const { testServer } = temporalTools();
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServer } } });
}

/** The real Temporal dev server (`temporal server start-dev`), in memory, on a free port. */
export function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  const { cli } = temporalTools();
  return TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: cli } } });
}
