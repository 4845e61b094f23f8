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

/** A snapshot is written unless a later one is stored already (a retried activity never goes back). */
export const isNewer = (stored: { version: number } | null, seq: number) => !stored || seq >= stored.version;

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
