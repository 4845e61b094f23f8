import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities/index.ts';
import type { Mailer } from '../activities/notices.ts';
import { defaultMaxCachedWorkflows } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { ladderPorts } from '../services/supervision/ladder-ports.ts';
import { payloadConverterPath, SigningCodec } from '../runtime/payload-signing.ts';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  mailer?: Mailer | null;
  /** The data directory the API archives plans in (default: the configured one). */
  dataDir?: string;
  /** With a key, the worker checks every payload's signature and its workflows refuse unsigned updates. */
  payloadKey?: Uint8Array;
  /** Workflows kept in memory between their tasks (default: runtime/config.ts defaultMaxCachedWorkflows). */
  maxCachedWorkflows?: number;
}

/** The one way a Duban worker is built, in production and in tests. */
export function createWorker({ connection, namespace, taskQueue, prisma, mailer, dataDir, payloadKey, maxCachedWorkflows = defaultMaxCachedWorkflows }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath,
    maxCachedWorkflows,
    activities: createActivities(prisma, { mailer, dataDir, ladder: ladderPorts(prisma) }),
    ...(payloadKey && {
      dataConverter: { payloadConverterPath, payloadCodecs: [new SigningCodec(payloadKey, true)] },
      interceptors: { workflowModules: [payloadConverterPath] },
    }),
  });
}
