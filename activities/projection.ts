import type { PrismaClient } from '../runtime/db.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import type { TaskEvent } from '../domain/supervision/types.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * Writes a task's state and new events into the read model. Idempotent: events
 * and audit entries are keyed by (task, seq), and a snapshot older than the
 * one already stored is ignored, so retries and out-of-order runs write once.
 */
export async function projectTask(prisma: PrismaClient, s: TaskSnapshot, events: TaskEvent[]): Promise<void> {
  const at = new Date(s.at);
  await prisma.$transaction(async (tx) => {
    const current = await tx.task.findUniqueOrThrow({ where: { id: s.taskId }, select: { version: true, projectedAt: true } });
    const newer = s.seq > current.version || (s.seq === current.version && (!current.projectedAt || at >= current.projectedAt));
    if (newer) {
      await tx.task.update({
        where: { id: s.taskId },
        data: { status: s.status, light: s.light, due: date(s.due), closedAt: date(s.closedAt), version: s.seq, projectedAt: at },
      });
      for (const a of s.assignments) {
        const fields = {
          bodyId: a.bodyId,
          role: a.role,
          primary: a.primary,
          placeholder: a.placeholder,
          blocking: a.blocking,
          status: a.status,
          light: a.light,
          deliverable: a.deliverable,
          due: date(a.due),
          originalDue: date(a.originalDue),
          submittedAt: date(a.submittedAt),
          acceptedAt: date(a.acceptedAt),
          returnCount: a.returnCount,
          extensionUntil: date(a.extension?.until ?? null),
        };
        const id = `${s.taskId}/${a.bodyName}`;
        await tx.assignment.upsert({ where: { id }, create: { id, taskId: s.taskId, bodyName: a.bodyName, ...fields }, update: fields });
      }
    }
    for (const e of events) {
      const id = `${s.taskId}#${e.seq}`;
      const row = {
        taskId: s.taskId,
        seq: e.seq,
        type: e.type,
        at: new Date(e.at),
        actorId: e.actor.accountId,
        actorName: e.actor.name,
        bodyName: e.bodyName,
        comment: e.comment,
        attachments: JSON.stringify(e.attachments),
        data: JSON.stringify(e.data),
      };
      await tx.taskEvent.upsert({ where: { id }, create: { id, ...row }, update: {} });
      const audit = {
        key: id,
        at: row.at,
        actorId: e.actor.accountId,
        actorName: e.actor.name,
        action: `task.${e.type}`,
        target: e.bodyName ? `${s.taskId}/${e.bodyName}` : s.taskId,
        detail: JSON.stringify({ comment: e.comment, ...e.data }),
      };
      await tx.auditEntry.upsert({ where: { key: id }, create: audit, update: {} });
    }
  });
}
