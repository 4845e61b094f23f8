import type { CaseEvent } from '../domain/credit/cases.ts';
import { repairProvisional, type RepairSnapshot } from '../domain/repair/application.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeCaseEvents, writeSnapshot } from './events.ts';

/** Writes a repair application and its new events; an older snapshot changes nothing. */
export async function projectRepairApplication(prisma: PrismaClient, s: RepairSnapshot, events: CaseEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const fields = {
      status: s.status, reviewBy: s.reviewBy === null ? null : new Date(s.reviewBy), decidedAt: s.decidedAt === null ? null : new Date(s.decidedAt),
      overdue: s.overdue, provisional: repairProvisional(s), reasons: s.reasons, version: s.seq, projectedAt: new Date(),
    };
    await writeSnapshot(
      s.seq,
      (notNewer) => tx.repairApplication.updateMany({ where: { id: s.applicationId, ...notNewer }, data: fields }),
      () => tx.repairApplication.findUnique({ where: { id: s.applicationId }, select: { id: true } }),
      () => tx.repairApplication.create({
        data: {
          id: s.applicationId, entityCode: s.entityCode, recordId: s.record.id, filedByBodyId: s.filedBy.bodyId, filedByName: s.filedBy.name, statement: s.statement,
          evidence: JSON.stringify(s.evidence), commitment: s.commitment, filedAt: new Date(s.filedAt), policyVersion: s.policy.version, ...fields,
        },
      }),
    );
    await writeCaseEvents(tx, s.applicationId, 'repair', events);
  });
}
