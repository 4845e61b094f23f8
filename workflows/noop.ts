import { sleep } from '@temporalio/workflow';

/**
 * The reference workflow: starts, optionally waits on a durable timer, and ends.
 * Benchmarks compare real workflows' start rates against it; smoke tests use it
 * to prove a worker and server are really there.
 */
export async function noopWorkflow(waitMs = 0): Promise<string> {
  if (waitMs > 0) await sleep(waitMs);
  return 'done';
}
