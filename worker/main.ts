// The worker process: runs every Duban workflow and activity until SIGINT/SIGTERM.
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { payloadKey } from '../runtime/payload-signing.ts';
import { temporalAddress } from '../runtime/temporal.ts';
import { createMailer } from '../activities/notices.ts';
import { createWorker } from './create.ts';

// Files the worker writes in the data directory are its owner's alone.
process.umask(0o077);
const config = loadConfig();
const prisma = await createPrisma(config.databaseUrl);
const connection = await NativeConnection.connect({ address: temporalAddress(config) });
const worker = await createWorker({
  connection,
  namespace: config.temporalNamespace,
  taskQueue: config.taskQueue,
  prisma,
  mailer: createMailer(config.smtp),
  dataDir: config.dataDir,
  payloadKey: payloadKey(config.dataDir, config.secret),
  maxCachedWorkflows: config.worker.maxCachedWorkflows,
});
console.log(`worker: polling task queue "${config.taskQueue}" on ${temporalAddress(config)} (caching up to ${config.worker.maxCachedWorkflows} workflows)`);
await worker.run();
await Promise.all([connection.close(), prisma.$disconnect()]);
