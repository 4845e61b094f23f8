import { shanghaiDate } from '../domain/time/instants.ts';
import type { Finding } from '../domain/inspection/round.ts';
import type { RecordCorrection } from '../domain/objection/case.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { reclassifyEntity } from '../readmodel/classes.ts';

/**
 * The effects of objection, repair and inspection workflows on credit records: each
 * written once per case (a retry finds its entry in the record's history), the class
 * recomputed by the read model's one rule (readmodel/classes.ts).
 */

/** Appends to a record's kept history (each correction or repair, by its case). */
function withHistory(history: string, entry: Record<string, unknown>): string {
  return JSON.stringify([...(JSON.parse(history) as unknown[]), entry]);
}

const hasHistory = (history: string, caseId: string) => (JSON.parse(history) as Array<{ caseId?: string }>).some((h) => h.caseId === caseId);

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
  await prisma.$transaction(async (tx) => {
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

/** Ends an approved record's publication (it keeps its history) and recomputes the class; once per application. */
export async function endRecordPublication(prisma: PrismaClient, applicationId: string, recordId: string, at: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const record = await tx.creditRecord.findUniqueOrThrow({ where: { id: recordId } });
    if (!hasHistory(record.history, applicationId)) {
      const entry = { caseId: applicationId, type: 'repaired', at: new Date(at).toISOString(), before: { status: record.status, publication: record.publication } };
      await tx.creditRecord.update({
        where: { id: recordId },
        data: { status: 'repaired', publication: 'ended', publicationEndedAt: new Date(at), history: withHistory(record.history, entry) },
      });
    }
    await reclassifyEntity(tx, record.entityCode, `repair:${applicationId}`, new Date(at));
  });
}

/** A published finding becomes a credit record of the entity, and the class is recomputed; once per result. */
export async function recordFinding(prisma: PrismaClient, roundId: string, entityCode: string, finding: Finding, providerBodyId: string | null, at: number): Promise<void> {
  const id = `inspection:${roundId}/${entityCode}`;
  await prisma.$transaction(async (tx) => {
    const provider = providerBodyId ? await tx.body.findUnique({ where: { id: providerBodyId }, select: { shortName: true } }) : null;
    await tx.creditRecord.upsert({
      where: { id },
      create: {
        id, entityCode, kind: finding.kind, amountYuan: finding.amountYuan ?? null, date: shanghaiDate(at),
        description: finding.description, providerBodyId, providerName: provider?.shortName ?? '', source: 'inspection',
      },
      update: {},
    });
    await tx.inspectionResult.updateMany({ where: { id: `${roundId}/${entityCode}` }, data: { recordId: id } });
    await reclassifyEntity(tx, entityCode, `inspection:${roundId}`, new Date(at));
  });
}
