// /healthz: the truth within 2 s, whatever hangs (a stopped Temporal server, a locked database).
import type { Request, Response } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../runtime/db.ts';

/** Each check's deadline: a part that has not answered by then is reported not ready. */
export const checkDeadlineMs = 1_500;

export interface Health {
  status: 'ok' | 'unavailable';
  /** The parts that did not answer in time, named for the operator. */
  failing: ('database' | 'temporal')[];
  database: { ready: boolean };
  temporal: { ready: boolean; namespace: string };
  /** Whether a worker polls the task queue; reported, but not by itself a failure (the API still answers). */
  worker: { polling: boolean };
}

/** True if `check` resolves true before the deadline; a rejection or a hang counts as false. */
async function within(check: () => Promise<boolean>, ms = checkDeadlineMs): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The client's own deadline too, so a hung call is cancelled rather than left waiting. */
function rpc<T>(client: Client, call: () => Promise<T>): Promise<T> {
  return client.connection.withDeadline(Date.now() + checkDeadlineMs, call);
}

export async function checkHealth(prisma: PrismaClient, client: Client, taskQueue: string): Promise<Health> {
  const namespace = client.options.namespace;
  const [database, temporal, polling] = await Promise.all([
    within(async () => (await prisma.body.count(), true)),
    within(async () => (await rpc(client, () => client.workflowService.describeNamespace({ namespace })), true)),
    within(async () => {
      const queue = await rpc(client, () =>
        client.workflowService.describeTaskQueue({
          namespace,
          // TASK_QUEUE_KIND_NORMAL, TASK_QUEUE_TYPE_WORKFLOW
          taskQueue: { name: taskQueue, kind: 1 },
          taskQueueType: 1,
        }),
      );
      return (queue.pollers?.length ?? 0) > 0;
    }),
  ]);
  const failing = [...(database ? [] : ['database' as const]), ...(temporal ? [] : ['temporal' as const])];
  return { status: failing.length ? 'unavailable' : 'ok', failing, database: { ready: database }, temporal: { ready: temporal, namespace }, worker: { polling } };
}

export function healthRoute(prisma: PrismaClient, client: Client, taskQueue: string) {
  return async (_req: Request, res: Response): Promise<void> => {
    const health = await checkHealth(prisma, client, taskQueue);
    res.status(health.failing.length ? 503 : 200).json(health);
  };
}

/** What /healthz answers while the API is still connecting (it listens first, so start-up is a 503, not a closed port). */
export const startingHealth = { status: 'starting', failing: ['database', 'temporal'], database: { ready: false }, temporal: { ready: false }, worker: { polling: false } };
