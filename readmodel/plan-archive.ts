import fs from 'node:fs';
import path from 'node:path';
import type { Prisma } from '../prisma/generated/client.ts';
import type { TaskState } from '../domain/supervision/types.ts';
import { isUniqueViolation, type PrismaClient } from '../runtime/db.ts';

/**
 * A plan's rows as the read model stores them. Kept as a file in the data
 * directory too: the plan's document lives nowhere in Temporal, so this is
 * what a read model rebuilt from the workflows takes its plans from.
 */
export interface PlanRows {
  plan: Prisma.PlanCreateManyInput;
  sections: Prisma.SectionCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  requirements: Prisma.RequirementCreateManyInput[];
  /** Each task workflow's first state, for the import workflow that starts them (absent in archives older than it). */
  taskStates?: TaskState[];
}

export const planArchiveDir = (dataDir: string) => path.join(dataDir, 'plans');

/** Written to a temporary name and renamed, so a crash never leaves half a file. */
export function archivePlan(dataDir: string, rows: PlanRows): void {
  const dir = planArchiveDir(dataDir);
  const target = path.join(dir, `${rows.plan.id}.json`);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(dir, { recursive: true });
  const temporary = `${target}.${process.pid}.part`;
  fs.writeFileSync(temporary, JSON.stringify(rows));
  fs.renameSync(temporary, target);
}

function readArchiveFile(file: string): PlanRows {
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as PlanRows;
  return { ...rows, requirements: rows.requirements.map((r) => ({ ...r, due: r.due ? new Date(r.due) : null })) };
}

export function readPlanArchive(dataDir: string): PlanRows[] {
  const dir = planArchiveDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readArchiveFile(path.join(dir, file)));
}

/** One archived plan, or null when there is none under that id. */
export function readArchivedPlan(dataDir: string, planId: string): PlanRows | null {
  const file = path.join(planArchiveDir(dataDir), `${path.basename(planId)}.json`);
  return fs.existsSync(file) ? readArchiveFile(file) : null;
}

/**
 * One short transaction of four statements. False when the plan was stored
 * before (by an earlier import, or one racing this).
 */
export async function storePlanRows(prisma: PrismaClient, rows: PlanRows): Promise<boolean> {
  if (await prisma.plan.findUnique({ where: { id: rows.plan.id }, select: { id: true } })) return false;
  try {
    await prisma.$transaction([
      prisma.plan.create({ data: rows.plan }),
      prisma.section.createMany({ data: rows.sections }),
      prisma.task.createMany({ data: rows.tasks }),
      prisma.requirement.createMany({ data: rows.requirements }),
    ]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
