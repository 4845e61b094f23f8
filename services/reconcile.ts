import type { Client } from '@temporalio/client';
import { projectTask } from '../readmodel/tasks.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import { taskEventsQuery, taskQuery } from '../workflows/task.ts';
import type { PrismaClient } from '../runtime/db.ts';

export interface Difference {
  taskId: string;
  field: string;
  workflow: unknown;
  readModel: unknown;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The task's state from Temporal: queried while it runs, its result once it has closed. */
async function workflowSnapshot(client: Client, taskId: string): Promise<TaskSnapshot> {
  const handle = client.workflow.getHandle(taskId);
  const { status } = await handle.describe();
  return status.name === 'RUNNING' ? handle.query(taskQuery) : ((await handle.result()) as TaskSnapshot);
}

/** Compares one task's workflow state with its rows in the read model. */
export async function compareTask(prisma: PrismaClient, client: Client, taskId: string): Promise<Difference[]> {
  const s = await workflowSnapshot(client, taskId);
  const row = await prisma.task.findUnique({ where: { id: taskId }, include: { assignments: true, _count: { select: { events: true } } } });
  const diffs: Difference[] = [];
  const check = (field: string, workflow: unknown, readModel: unknown) => {
    if (JSON.stringify(workflow) !== JSON.stringify(readModel)) diffs.push({ taskId, field, workflow, readModel });
  };
  check('status', s.status, row?.status);
  check('events', s.seq, row?._count.events);
  for (const a of s.assignments) {
    const stored = row?.assignments.find((r) => r.bodyName === a.bodyName);
    check(`${a.bodyName}.status`, a.status, stored?.status);
    check(`${a.bodyName}.due`, a.due, iso(stored?.due ?? null));
    check(`${a.bodyName}.returnCount`, a.returnCount, stored?.returnCount);
  }
  return diffs;
}

/**
 * Rewrites a task's read model from its workflow: every event it ever
 * recorded, then its current state (each write is idempotent), so events
 * lost from the database come back in order.
 */
export async function repairTask(prisma: PrismaClient, client: Client, taskId: string): Promise<void> {
  const events = await client.workflow.getHandle(taskId).query(taskEventsQuery);
  await projectTask(prisma, await workflowSnapshot(client, taskId), events);
}

/** Checks every task in the read model against its workflow; with `repair`, mends what differs. */
export async function reconcile(prisma: PrismaClient, client: Client, { repair = false } = {}) {
  const tasks = await prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const differences: Difference[] = [];
  for (const { id } of tasks) {
    const found = await compareTask(prisma, client, id);
    if (found.length && repair) await repairTask(prisma, client, id);
    differences.push(...found);
  }
  return { checked: tasks.length, differences };
}
