import type { CaseEvent } from '../domain/credit/cases.ts';
import { objectionProvisional, type ObjectionSnapshot } from '../domain/objection/case.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeCaseEvents, writeSnapshot } from './events.ts';

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Writes an objection case and its new events; an older snapshot than the stored one changes nothing. */
export async function projectObjectionCase(prisma: PrismaClient, s: ObjectionSnapshot, events: CaseEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const fields = {
      status: s.status, acceptBy: new Date(s.acceptBy), acceptedAt: date(s.acceptedAt), verifyBy: date(s.verifyBy), replyBy: date(s.provider?.replyBy ?? null),
      decidedAt: date(s.decidedAt), correction: s.correction ? JSON.stringify(s.correction) : null, overdue: JSON.stringify(s.overdue),
      provisional: objectionProvisional(s), version: s.seq, projectedAt: new Date(),
    };
    await writeSnapshot(
      s.seq,
      (notNewer) => tx.objectionCase.updateMany({ where: { id: s.caseId, ...notNewer }, data: fields }),
      () => tx.objectionCase.findUnique({ where: { id: s.caseId }, select: { id: true } }),
      () => tx.objectionCase.create({
        data: {
          id: s.caseId, entityCode: s.entityCode, recordId: s.recordId, providerBodyId: s.providerBodyId, filedByBodyId: s.filedBy.bodyId, filedByName: s.filedBy.name,
          reasons: s.reasons, evidence: JSON.stringify(s.evidence), filedAt: new Date(s.filedAt), ...fields,
        },
      }),
    );
    await writeCaseEvents(tx, s.caseId, 'objection', events);
  });
}
