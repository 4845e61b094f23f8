import type { CaseEvent } from '../domain/credit/cases.ts';
import type { RepairSnapshot } from '../domain/repair/application.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { writeCaseEvents } from './events.ts';

/** Writes a repair application and its new events; an older snapshot changes nothing. */
export async function projectRepairApplication(prisma: PrismaClient, s: RepairSnapshot, events: CaseEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const current = await tx.repairApplication.findUnique({ where: { id: s.applicationId }, select: { version: true } });
    if (!current || s.seq >= current.version) {
      const fields = {
        status: s.status, reviewBy: s.reviewBy === null ? null : new Date(s.reviewBy), decidedAt: s.decidedAt === null ? null : new Date(s.decidedAt),
        overdue: s.overdue, reasons: s.reasons, version: s.seq, projectedAt: new Date(),
      };
      await tx.repairApplication.upsert({
        where: { id: s.applicationId },
        create: {
          id: s.applicationId, entityCode: s.entityCode, recordId: s.record.id, filedByBodyId: s.filedBy.bodyId, filedByName: s.filedBy.name, statement: s.statement,
          evidence: JSON.stringify(s.evidence), commitment: s.commitment, filedAt: new Date(s.filedAt), policyVersion: s.policy.version, ...fields,
        },
        update: fields,
      });
    }
    await writeCaseEvents(tx, s.applicationId, 'repair', events);
  });
}
