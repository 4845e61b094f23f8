import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import type { Mailer } from '../../activities/notices.ts';
import { createWorker } from '../../worker/create.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { devServerEnvironment, timeSkippingEnvironment } from './temporal.ts';

export interface WorkerEnvironment {
  /** Read them inside a hook or a test, once the environment is up. */
  readonly env: TestWorkflowEnvironment;
  readonly db: TestDatabase;
}

/**
 * For the describe block that calls it: a Temporal test server (time-skipping, or
 * the real dev server), a fresh read model and a Duban worker on the task queue
 * "duban" between them; started before the block's tests, stopped after. `mailer`
 * makes the worker's mail transport (a test SMTP server's).
 */
export function workerEnvironment(server: 'time-skipping' | 'dev-server', { mailer }: { mailer?: () => Promise<Mailer | null> } = {}): WorkerEnvironment {
  let env: TestWorkflowEnvironment | undefined;
  let db: TestDatabase | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    [env, db] = await Promise.all([server === 'dev-server' ? devServerEnvironment() : timeSkippingEnvironment(), createTestDatabase()]);
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma, dataDir: db.dataDir, mailer: await mailer?.() });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), db?.dispose()]);
  });
  return {
    get env() {
      return env!;
    },
    get db() {
      return db!;
    },
  };
}
