import type { CaseEvent } from '../domain/credit/cases.ts';
import { objectionProvisional, type ObjectionState, type RecordCorrection } from '../domain/objection/case.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { hasHistory, reclassifyEntity, withHistory, writeCaseEvents } from './credit.ts';

/** What an objection workflow projects: its state without the calendar and timeline. */
export type ObjectionSnapshot = Omit<ObjectionState, 'calendar' | 'events'> & { seq: number };

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Writes an objection case and its new events; an older snapshot than the stored one changes nothing. */
export async function projectObjectionCase(prisma: PrismaClient, s: ObjectionSnapshot, events: CaseEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const fields = {
      status: s.status, acceptBy: new Date(s.acceptBy), acceptedAt: date(s.acceptedAt), verifyBy: date(s.verifyBy), replyBy: date(s.provider?.replyBy ?? null),
      decidedAt: date(s.decidedAt), correction: s.correction ? JSON.stringify(s.correction) : null, overdue: JSON.stringify(s.overdue),
      provisional: objectionProvisional(s), version: s.seq, projectedAt: new Date(),
    };
    // The version is checked in the update itself: on PostgreSQL two projections of one case (the
    // workflow's loop and an update's handler, on two workers) run at once, and a check read first
    // would let the older one overwrite the newer.
    const { count } = await tx.objectionCase.updateMany({ where: { id: s.caseId, version: { lte: s.seq } }, data: fields });
    if (count === 0 && !(await tx.objectionCase.findUnique({ where: { id: s.caseId }, select: { id: true } }))) {
      await tx.objectionCase.create({
        data: {
          id: s.caseId, entityCode: s.entityCode, recordId: s.recordId, providerBodyId: s.providerBodyId, filedByBodyId: s.filedBy.bodyId, filedByName: s.filedBy.name,
          reasons: s.reasons, evidence: JSON.stringify(s.evidence), filedAt: new Date(s.filedAt), ...fields,
        },
      });
    }
    await writeCaseEvents(tx, s.caseId, 'objection', events);
  });
}

/** Marks a record "under objection" while its case is reviewed (shown in the public listing), or clears the mark. */
export async function markRecordUnderObjection(prisma: PrismaClient, caseId: string, recordId: string, under: boolean): Promise<void> {
  await prisma.creditRecord.updateMany({
    where: under ? { id: recordId } : { id: recordId, objectionCaseId: caseId },
    data: { underObjection: under, objectionCaseId: under ? caseId : null },
  });
}

/**
 * Applies an objection's correction to the record (annul, or amend the fine) and
 * recomputes the class at once. Written once per case: a retry finds it in the record's history.
 */
export async function correctCreditRecord(prisma: PrismaClient, caseId: string, entityCode: string, recordId: string | null, correction: RecordCorrection, at: number): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    if (recordId) {
      const record = await tx.creditRecord.findUniqueOrThrow({ where: { id: recordId } });
      if (!hasHistory(record.history, caseId)) {
        const entry = { caseId, type: 'corrected', at: new Date(at).toISOString(), before: { status: record.status, amountYuan: record.amountYuan }, correction };
        await tx.creditRecord.update({
          where: { id: recordId },
          data: {
            ...('annul' in correction ? { status: 'corrected' } : { amountYuan: correction.amountYuan }),
            underObjection: false, objectionCaseId: null, history: withHistory(record.history, entry),
          },
        });
      }
    }
    await reclassifyEntity(tx, entityCode, `objection:${caseId}`, new Date(at));
  });
}
