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

/**
 * The workflows as every worker bundles them, and replay tests with them. The
 * workflow and domain modules hold no state of their own, so the worker loads
 * them once in its V8 context and every workflow shares them (the SDK's
 * preloadModules; it deep-freezes what it shares), where each workflow would
 * otherwise load and keep its own copy of every module, on every replay too.
 */
export const workflowCode = () => ({ workflowsPath, bundlerOptions: { preloadModules: [workflowsPath] } });

/** The one way a Duban worker is built, in production and in tests. */
export function createWorker({ connection, namespace, taskQueue, prisma, mailer, dataDir, payloadKey, maxCachedWorkflows = defaultMaxCachedWorkflows }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...workflowCode(),
    maxCachedWorkflows,
    activities: createActivities(prisma, { mailer, dataDir, ladder: ladderPorts(prisma) }),
    ...(payloadKey && {
      dataConverter: { payloadConverterPath, payloadCodecs: [new SigningCodec(payloadKey, true)] },
      interceptors: { workflowModules: [payloadConverterPath] },
    }),
  });
}
