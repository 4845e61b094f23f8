import type { TaskState } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { readArchivedPlan, storePlanRows } from '../readmodel/plan-archive.ts';

function archived(dataDir: string, planId: string) {
  const rows = readArchivedPlan(dataDir, planId);
  // Not retryable in any useful sense, but Temporal retries: the message says what is wrong meanwhile.
  if (!rows) throw new Error(`no archived plan ${planId} in ${dataDir}`);
  return rows;
}

/** Stores an archived plan's rows (idempotent); answers whether this call created them and how many task states the archive holds. */
export async function storeArchivedPlan(prisma: PrismaClient, dataDir: string, planId: string): Promise<{ created: boolean; tasks: number }> {
  const rows = archived(dataDir, planId);
  return { created: await storePlanRows(prisma, rows), tasks: rows.taskStates?.length ?? 0 };
}

/** A batch of the archived task states, so no single payload grows with the notice. */
export async function archivedTaskStates(dataDir: string, planId: string, offset: number, limit: number): Promise<TaskState[]> {
  return (archived(dataDir, planId).taskStates ?? []).slice(offset, offset + limit);
}
