import { Prisma } from '../prisma/generated/client.ts';
import type { PrismaClient, Tx } from '../runtime/db.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import { paceLimit } from '../domain/supervision/pace.ts';
import type { TaskEvent } from '../domain/supervision/types.ts';
import { bulkSql, insertRows, jsonList, upsertClause } from '../runtime/sql.ts';
import { projectReports } from './reports.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The pace limit (序时进度) as the column the ledger filters on. */
const paceOf = (a: TaskSnapshot['assignments'][number]) => {
  const limit = paceLimit(a);
  return limit === null ? null : new Date(limit);
};

/** A merged body's assignments are its survivor's in the read model (the workflow keeps the id it started with). */
async function mergedSurvivors(tx: Tx, ids: Array<string | null>): Promise<Map<string, string>> {
  const sql = bulkSql(tx);
  const wanted = ids.filter((id): id is string => id !== null);
  const rows = await sql.query<{ id: string; mergedIntoId: string }>(
    Prisma.sql`SELECT "id", "mergedIntoId" FROM "Body" WHERE "id" IN ${jsonList(sql.dialect, wanted)} AND "mergedIntoId" IS NOT NULL`,
  );
  return new Map(rows.map((r) => [r.id, r.mergedIntoId]));
}

/**
 * Writes a task's state and new events into the read model. Idempotent: events
 * and audit entries are keyed by (task, seq), and a snapshot older than the
 * one already stored is ignored, so retries and out-of-order runs write once.
 *
 * Every task's every change comes this way, so its statements are raw (runtime/sql.ts bulkSql).
 */
export async function projectTask(prisma: PrismaClient, s: TaskSnapshot, events: TaskEvent[]): Promise<void> {
  const at = new Date(s.at);
  await prisma.$transaction(async (tx) => {
    const sql = bulkSql(tx);
    // Newer than the stored snapshot: a later event, or the same one projected at a later instant (a light that time changed).
    const count = await sql.execute(Prisma.sql`UPDATE "Task" SET "status" = ${s.status}, "light" = ${s.light}, "due" = ${date(s.due)}, "closedAt" = ${date(s.closedAt)},
      "version" = ${s.seq}, "projectedAt" = ${at}, "updatedAt" = ${new Date()}
      WHERE "id" = ${s.taskId} AND ("version" < ${s.seq} OR ("version" = ${s.seq} AND ("projectedAt" IS NULL OR "projectedAt" <= ${at})))`);
    if (count === 0 && (await sql.query(Prisma.sql`SELECT "id" FROM "Task" WHERE "id" = ${s.taskId}`)).length === 0) {
      throw new Error(`Task ${s.taskId} is not in the read model`);
    }
    if (count === 1 && s.assignments.length > 0) {
      const survivor = await mergedSurvivors(tx, s.assignments.map((a) => a.bodyId));
      const rows = s.assignments.map((a) => ({
        id: `${s.taskId}/${a.bodyName}`,
        taskId: s.taskId,
        bodyName: a.bodyName,
        bodyId: a.bodyId && (survivor.get(a.bodyId) ?? a.bodyId),
        role: a.role,
        primary: a.primary,
        placeholder: a.placeholder,
        origin: a.origin ?? null,
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
        acknowledgeBy: date(a.acknowledgeBy ?? null),
        acknowledgedAt: date(a.acknowledgedAt ?? null),
        progressPercent: a.progressPercent ?? null,
        behindPaceFrom: paceOf(a),
        signOffDraft: a.signOffDraft ? JSON.stringify(a.signOffDraft) : null,
        updatedAt: at,
      }));
      const changing = Object.keys(rows[0]!).filter((c) => c !== 'id' && c !== 'taskId' && c !== 'bodyName');
      await sql.execute(insertRows('Assignment', rows, upsertClause('id', changing)));
      await projectReports(tx, s, survivor);
    }
    if (events.length === 0) return;
    const eventRows = events.map((e) => ({
      id: `${s.taskId}#${e.seq}`,
      taskId: s.taskId,
      seq: e.seq,
      type: e.type,
      at: new Date(e.at),
      actorId: e.actor.accountId,
      actorName: e.actor.name,
      onBehalfOfId: e.actor.onBehalfOf?.accountId ?? null,
      onBehalfOfName: e.actor.onBehalfOf?.name ?? null,
      bodyName: e.bodyName,
      comment: e.comment,
      attachments: JSON.stringify(e.attachments),
      data: JSON.stringify(e.data),
    }));
    await sql.execute(insertRows('TaskEvent', eventRows, 'ON CONFLICT ("id") DO NOTHING'));
    const audit = events.map((e, i) => ({
      key: eventRows[i]!.id,
      at: eventRows[i]!.at,
      actorId: e.actor.accountId,
      actorName: e.actor.name,
      onBehalfOfId: eventRows[i]!.onBehalfOfId,
      onBehalfOfName: eventRows[i]!.onBehalfOfName,
      action: `task.${e.type}`,
      target: e.bodyName ? `${s.taskId}/${e.bodyName}` : s.taskId,
      detail: JSON.stringify({ comment: e.comment, ...e.data }),
    }));
    await sql.execute(insertRows('AuditEntry', audit, 'ON CONFLICT ("key") DO NOTHING'));
  });
}
