import type { CaseEvent } from '../domain/credit/cases.ts';
import type { RoundEvent } from '../domain/rounds/unit.ts';
import type { Tx } from '../runtime/db.ts';

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
 * CREATE when there is no row at all. True when the snapshot was written.
 */
export async function writeSnapshot(
  seq: number,
  update: (notNewer: { version: { lte: number } }) => Promise<{ count: number }>,
  exists: () => Promise<unknown>,
  create: () => Promise<unknown>,
): Promise<boolean> {
  if ((await update({ version: { lte: seq } })).count > 0) return true;
  if (await exists()) return false;
  await create();
  return true;
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
