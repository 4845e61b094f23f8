import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../test/helpers/stack.ts';
import { noopWorkflow } from '../workflows/noop.ts';

describe('the stack on the Temporal dev server', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('reports the database and Temporal ready on /healthz', async () => {
    const response = await fetch(`${stack.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      failing: [],
      database: { ready: true },
      temporal: { ready: true, namespace: 'default' },
      worker: { polling: true },
    });
  });

  it('answers GraphQL from the read model, to signed-in users only', async () => {
    const { api } = stack;
    const query = '{ bodies(kind: group) { totalCount edges { node { shortName members { shortName } } } } }';
    expect((await api.request(query)).errors?.[0]?.message).toMatch(/Not authorized/);
    const { data } = await api.request(query, {}, await api.login('supervisor'));
    expect(data.bodies.totalCount).toBe(1);
    expect(data.bodies.edges[0]!.node.shortName).toBe('各区县人民政府');
    expect(data.bodies.edges[0]!.node.members).toHaveLength(16);
  });

  it('runs workflows on the worker', async () => {
    const result = await stack.env.client.workflow.execute(noopWorkflow, {
      args: [1000],
      workflowId: 'noop-dev-server',
      taskQueue: 'duban',
    });
    expect(result).toBe('done');
  });
});
