import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { graphqlClient } from '../test/helpers/graphql.ts';
import { devServerEnvironment } from '../test/helpers/temporal.ts';
import { noopWorkflow } from '../workflows/noop.ts';
import { createWorker } from '../worker/create.ts';
import { signingKey } from './auth/tokens.ts';
import { createApp } from './app.ts';

describe('the stack on the Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    [env, db] = await Promise.all([devServerEnvironment(), createTestDatabase()]);
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma });
    running = worker.run();
    server = createApp({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', signingKey: signingKey(db.dataDir), dataDir: db.dataDir }).listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), db?.dispose()]);
  });

  it('reports the database and Temporal ready on /healthz', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { ready: true },
      temporal: { ready: true, namespace: 'default' },
    });
  });

  it('answers GraphQL from the read model, to signed-in users only', async () => {
    const api = graphqlClient(base);
    const query = '{ bodies(kind: group) { totalCount edges { node { shortName members { shortName } } } } }';
    expect((await api.request(query)).errors?.[0]?.message).toMatch(/Not authorized/);
    const { data } = await api.request(query, {}, await api.login('supervisor'));
    expect(data.bodies.totalCount).toBe(1);
    expect(data.bodies.edges[0]!.node.shortName).toBe('各区县人民政府');
    expect(data.bodies.edges[0]!.node.members).toHaveLength(16);
  });

  it('runs workflows on the worker', async () => {
    const result = await env.client.workflow.execute(noopWorkflow, {
      args: [1000],
      workflowId: 'noop-dev-server',
      taskQueue: 'duban',
    });
    expect(result).toBe('done');
  });
});
