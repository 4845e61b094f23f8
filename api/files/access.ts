import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { visibleTasks } from '../auth/visibility.ts';

/**
 * Whether a viewer may download an attachment: they uploaded it, or it belongs
 * to a record they may see — a task's event, a filing or report of a body
 * they may read, an objection, repair application or score appeal of theirs. A department
 * sees only its own body's; the offices see every record. JSON lists name an
 * attachment by its id in quotes, so one id never matches another.
 */
export async function mayDownload(prisma: PrismaClient, actor: Actor, attachment: { id: string; uploadedBy: string }): Promise<boolean> {
  if (attachment.uploadedBy === actor.accountId) return true;
  const quoted = `"${attachment.id}"`;
  const body = actor.role === 'department' ? (actor.bodyId ?? '') : null;
  const ofBody = body === null ? {} : { bodyId: body };
  const found = await Promise.all([
    prisma.taskEvent.count({ where: { attachments: { contains: quoted }, task: visibleTasks(actor) }, take: 1 }),
    prisma.roundEvent.count({ where: { attachments: { contains: quoted }, ...ofBody }, take: 1 }),
    prisma.unitReport.count({ where: { attachments: { contains: quoted }, ...ofBody }, take: 1 }),
    prisma.bodyFiling.count({ where: { measuresRef: attachment.id, ...ofBody }, take: 1 }),
    prisma.objectionCase.count({
      where: { evidence: { contains: quoted }, ...(body === null ? {} : { OR: [{ filedByBodyId: body }, { providerBodyId: body }] }) },
      take: 1,
    }),
    prisma.repairApplication.count({
      where: { OR: [{ evidence: { contains: quoted } }, { commitment: attachment.id }], ...(body === null ? {} : { filedByBodyId: body }) },
      take: 1,
    }),
    prisma.scoreAppeal.count({ where: { evidence: { contains: quoted }, ...ofBody }, take: 1 }),
  ]);
  return found.some((n) => n > 0);
}
