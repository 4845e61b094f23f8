import type { CaseEvent } from '../domain/credit/cases.ts';
import { repairProvisional, type RepairState } from '../domain/repair/application.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { hasHistory, reclassifyEntity, withHistory, writeCaseEvents } from './credit.ts';

/** What a repair workflow projects: its state without the timeline. */
export type RepairSnapshot = Omit<RepairState, 'events'> & { seq: number; reasons: string | null };

/** Writes a repair application and its new events; an older snapshot changes nothing. */
export async function projectRepairApplication(prisma: PrismaClient, s: RepairSnapshot, events: CaseEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const fields = {
      status: s.status, reviewBy: s.reviewBy === null ? null : new Date(s.reviewBy), decidedAt: s.decidedAt === null ? null : new Date(s.decidedAt),
      overdue: s.overdue, provisional: repairProvisional(s), reasons: s.reasons, version: s.seq, projectedAt: new Date(),
    };
    // The version is checked in the update itself, so a late projection never overwrites a newer one (see projectObjectionCase).
    const { count } = await tx.repairApplication.updateMany({ where: { id: s.applicationId, version: { lte: s.seq } }, data: fields });
    if (count === 0 && !(await tx.repairApplication.findUnique({ where: { id: s.applicationId }, select: { id: true } }))) {
      await tx.repairApplication.create({
        data: {
          id: s.applicationId, entityCode: s.entityCode, recordId: s.record.id, filedByBodyId: s.filedBy.bodyId, filedByName: s.filedBy.name, statement: s.statement,
          evidence: JSON.stringify(s.evidence), commitment: s.commitment, filedAt: new Date(s.filedAt), policyVersion: s.policy.version, ...fields,
        },
      });
    }
    await writeCaseEvents(tx, s.applicationId, 'repair', events);
  });
}

/** Ends an approved record's publication (it keeps its history) and recomputes the class; once per application. */
export async function endRecordPublication(prisma: PrismaClient, applicationId: string, recordId: string, at: number): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
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
