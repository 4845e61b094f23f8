import type { CaseEvent } from '../domain/credit/cases.ts';
import type { RoundEvent } from '../domain/rounds/unit.ts';
import { isUniqueViolation, type PrismaClient, type Tx } from '../runtime/db.ts';

/**
 * Writes a round's or unit's events once each, keyed by (workflow, seq),
 * with an audit entry beside each.
 */
export async function writeRoundEvents(
  tx: Tx, where: { workflowId: string; roundKind: 'filing' | 'evaluation'; roundId: string; unitId: string | null }, events: RoundEvent[],
): Promise<void> {
  for (const e of events) {
    const id = `${where.workflowId}#${e.seq}`;
    const row = {
      roundKind: where.roundKind, roundId: where.roundId, unitId: where.unitId, seq: e.seq, type: e.type, at: new Date(e.at),
      actorId: e.actor.accountId, actorName: e.actor.name, bodyId: e.bodyId, comment: e.comment,
      attachments: JSON.stringify(e.attachments), data: JSON.stringify(e.data),
    };
    await tx.roundEvent.upsert({ where: { id }, create: { id, ...row }, update: {} });
    const audit = {
      key: id, at: row.at, actorId: e.actor.accountId, actorName: e.actor.name, action: `${where.roundKind}.${e.type}`,
      target: where.workflowId, detail: JSON.stringify({ comment: e.comment, ...e.data }),
    };
    await tx.auditEntry.upsert({ where: { key: id }, create: audit, update: {} });
  }
}

/**
 * Writes a workflow's snapshot over its row unless a later snapshot is stored, or
 * creates the row: a conditional UPDATE first, which PostgreSQL re-checks after
 * waiting on a concurrent writer's lock (two projections of one workflow can run at
 * once, and a read-then-write would let the older overwrite the newer), then a
 * CREATE when there is no row at all. A row found after the UPDATE missed it may
 * have been committed in between: the UPDATE runs again before the snapshot is
 * called older (it lost the newest snapshot when it did not). True when written.
 */
export async function writeSnapshot(
  seq: number,
  update: (notNewer: { version: { lte: number } }) => Promise<{ count: number }>,
  exists: () => Promise<unknown>,
  create: () => Promise<unknown>,
): Promise<boolean> {
  const notNewer = { version: { lte: seq } };
  if ((await update(notNewer)).count > 0) return true;
  if (await exists()) return (await update(notNewer)).count > 0;
  await create();
  return true;
}

/**
 * A projection's transaction around {@link writeSnapshot}, run once more when its
 * CREATE lost the race to a concurrent projection of the same workflow (the API's
 * eager one and the worker's, on two replicas): PostgreSQL aborts the transaction
 * at the unique violation, and the second run finds the row and takes the
 * conditional UPDATE. Without it the API answered a filed case with an internal error.
 */
export async function snapshotTransaction(prisma: PrismaClient, write: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await prisma.$transaction(write);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await prisma.$transaction(write);
  }
}

/** Writes a case's new timeline events once per (case, seq). */
export async function writeCaseEvents(tx: Tx, caseId: string, caseKind: string, events: CaseEvent[]): Promise<void> {
  for (const e of events) {
    const id = `${caseId}#${e.seq}`;
    const row = {
      caseId, caseKind, seq: e.seq, type: e.type, at: new Date(e.at), actorId: e.actor.accountId, actorName: e.actor.name, comment: e.comment, data: JSON.stringify(e.data),
    };
    await tx.caseEvent.upsert({ where: { id }, create: { id, ...row }, update: {} });
    await tx.auditEntry.upsert({
      where: { key: id },
      create: { key: id, at: row.at, actorId: row.actorId, actorName: row.actorName, action: `${caseKind}.${e.type}`, target: caseId, detail: JSON.stringify({ comment: e.comment, ...e.data }) },
      update: {},
    });
  }
}
