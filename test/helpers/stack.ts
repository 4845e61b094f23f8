import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../../api/app.ts';
import { signingKey } from '../../api/auth/tokens.ts';
import { loadConfig, type Config } from '../../runtime/config.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { createWorker } from '../../worker/create.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { graphqlClient } from './graphql.ts';
import { devServerEnvironment } from './temporal.ts';

export interface TestStack {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  base: string;
  api: ReturnType<typeof graphqlClient>;
  stop(): Promise<void>;
}

/**
 * The whole stack in one process for API tests: the real Temporal dev server,
 * a migrated SQLite read model, a worker and the HTTP app on a free port.
 * `appPrisma` lets a test watch the API's own SQL; `config` overrides settings (the defaults: `npm start`'s demo mode).
 */
export async function startTestStack(appPrisma?: (db: TestDatabase) => Promise<PrismaClient>, config: Partial<Config> = {}): Promise<TestStack> {
  const [env, db] = await Promise.all([devServerEnvironment(), createTestDatabase()]);
  const worker: Worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma, dataDir: db.dataDir });
  const running = worker.run();
  const prisma = appPrisma ? await appPrisma(db) : db.prisma;
  const server: Server = createApp({ prisma, temporal: env.client, taskQueue: 'duban', signingKey: signingKey(db.dataDir), dataDir: db.dataDir, config: { ...loadConfig({}), ...config } }).listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env,
    db,
    base,
    api: graphqlClient(base),
    async stop() {
      server.close();
      worker.shutdown();
      await running;
      if (prisma !== db.prisma) await prisma.$disconnect();
      await Promise.all([env.teardown(), db.dispose()]);
    },
  };
}
