import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { workflowsPath } from '../worker/create.ts';
import { noopWorkflow } from './noop.ts';

const month = 30 * 24 * 60 * 60 * 1000;

describe('noopWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await timeSkippingEnvironment();
  });
  afterAll(() => env?.teardown());

  it('sleeps a simulated month in well under a second of wall time', async () => {
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'noop', workflowsPath });
    const before = await env.currentTimeMs();
    const wall = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(noopWorkflow, { args: [month], workflowId: 'noop-month', taskQueue: 'noop' }),
    );
    expect(result).toBe('done');
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(month);
    expect(Date.now() - wall).toBeLessThan(5_000);
  });
});
