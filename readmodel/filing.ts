import type { CatalogueSubmission, FilingRoundSnapshot } from '../domain/filing/round.ts';
import type { RoundEvent, UnitSnapshot } from '../domain/rounds/unit.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { isNewer, writeRoundEvents } from './events.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function projectFilingRound(prisma: PrismaClient, s: FilingRoundSnapshot, events: RoundEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const stored = await tx.filingRound.findUnique({ where: { id: s.roundId }, select: { version: true } });
    if (isNewer(stored, s.seq)) {
      const fields = { title: s.title, deadline: new Date(s.deadline), status: s.status, version: s.seq };
      const opened = events.find((e) => e.type === 'open');
      await tx.filingRound.upsert({
        where: { id: s.roundId },
        create: { id: s.roundId, ...fields, openedAt: new Date(opened?.at ?? s.at), openedBy: opened?.actor.accountId ?? opened?.actor.name ?? '' },
        update: fields,
      });
      if (s.status === 'filed') {
        await tx.filingRecord.update({ where: { roundId: s.roundId }, data: { filedOn: s.filedOn, filingNumber: s.filingNumber, filedAt: new Date(s.at) } });
      }
    }
    await writeRoundEvents(tx, { workflowId: s.roundId, roundKind: 'filing', roundId: s.roundId, unitId: null }, events);
  });
}

/** A body's filing and its current catalogue rows, replaced as a whole when a newer submission arrives. */
export async function projectBodyFiling(prisma: PrismaClient, s: UnitSnapshot<CatalogueSubmission>, events: RoundEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const stored = await tx.bodyFiling.findUnique({ where: { id: s.unitId }, select: { version: true } });
    if (isNewer(stored, s.seq)) {
      const fields = {
        status: s.status, light: s.light, due: new Date(s.due), submittedAt: date(s.firstSubmittedAt), lastSubmittedAt: date(s.submittedAt),
        acceptedAt: date(s.acceptedAt), returnCount: s.returnCount, lastReason: s.lastReason,
        measuresRef: s.submission?.measures.id ?? null, measuresName: s.submission?.measures.name ?? null, version: s.seq,
      };
      await tx.bodyFiling.upsert({
        where: { id: s.unitId },
        create: { id: s.unitId, roundId: s.roundId, bodyId: s.bodyId, bodyName: s.bodyName, ...fields },
        update: fields,
      });
      if (events.some((e) => e.type === 'submit')) {
        await tx.catalogueEntry.deleteMany({ where: { filingId: s.unitId } });
        await tx.catalogueEntry.createMany({
          data: (s.submission?.rows ?? []).map((r, i) => ({ id: `${s.unitId}#${i + 1}`, filingId: s.unitId, ordinal: i + 1, ...r })),
        });
      }
    }
    await writeRoundEvents(tx, { workflowId: s.unitId, roundKind: 'filing', roundId: s.roundId, unitId: s.unitId }, events);
  });
}
