import type { BulletinFigures } from '../../domain/bulletin/figures.ts';
import type { PrismaClient } from '../../runtime/db.ts';

// One generation for the office's request and the monthly schedule's activity: the read model's.
export { generateBulletin } from '../../readmodel/bulletins/generate.ts';

export const bulletinFiguresOf = (bulletin: { figures: string }) => JSON.parse(bulletin.figures) as BulletinFigures;

/** A department may read the bulletins of a plan it has a part in; the supervising office every bulletin; nobody else. */
export async function mayReadBulletins(prisma: PrismaClient, actor: { role: string; bodyId: string | null } | null, planId: string): Promise<boolean> {
  if (actor?.role === 'supervisor') return true;
  if (actor?.role !== 'department' || !actor.bodyId) return false;
  return (await prisma.assignment.count({ where: { bodyId: actor.bodyId, task: { planId } }, take: 1 })) > 0;
}

export const bulletinFileName = (b: { periodEnd: string; number: number }) => `督查通报-第${b.number}期-${b.periodEnd}.docx`;
