import fs from 'node:fs';
import path from 'node:path';
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
 * The pure domain modules the workflows import (the modules they import come
 * along): stateless, so loaded once in the worker's V8 context and shared by
 * every workflow, where each workflow would otherwise load its own copy of each
 * (the SDK deep-freezes what it shares, so no workflow can change it for another).
 */
export function sharedWorkflowModules(): string[] {
  const root = path.dirname(workflowsPath);
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules = new Set<string>();
  for (const file of files) {
    const dir = path.dirname(path.join(root, file));
    for (const [, from] of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']*\/domain\/[^']+)';/gm)) modules.add(path.resolve(dir, from!));
  }
  return [...modules].sort();
}

/** The workflows as every worker bundles them, and replay tests with them. */
export const workflowCode = () => ({ workflowsPath, bundlerOptions: { preloadModules: sharedWorkflowModules() } });

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
