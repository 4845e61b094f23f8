import type { CatalogueSubmission, FilingRoundSnapshot } from '../domain/filing/round.ts';
import type { RoundEvent, UnitSnapshot } from '../domain/rounds/unit.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeRoundEvents, writeSnapshot } from './events.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function projectFilingRound(prisma: PrismaClient, s: FilingRoundSnapshot, events: RoundEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const fields = { title: s.title, deadline: new Date(s.deadline), status: s.status, version: s.seq };
    const opened = events.find((e) => e.type === 'open');
    const written = await writeSnapshot(
      s.seq,
      (notNewer) => tx.filingRound.updateMany({ where: { id: s.roundId, ...notNewer }, data: fields }),
      () => tx.filingRound.findUnique({ where: { id: s.roundId }, select: { id: true } }),
      () => tx.filingRound.create({ data: { id: s.roundId, ...fields, openedAt: new Date(opened?.at ?? s.at), openedBy: opened?.actor.accountId ?? opened?.actor.name ?? '' } }),
    );
    if (written && s.status === 'filed') {
      await tx.filingRecord.update({ where: { roundId: s.roundId }, data: { filedOn: s.filedOn, filingNumber: s.filingNumber, filedAt: new Date(s.at) } });
    }
    await writeRoundEvents(tx, { workflowId: s.roundId, roundKind: 'filing', roundId: s.roundId, unitId: null }, events);
  });
}

/** A body's filing and its current catalogue rows, replaced as a whole when a newer submission arrives. */
export async function projectBodyFiling(prisma: PrismaClient, s: UnitSnapshot<CatalogueSubmission>, events: RoundEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const fields = {
      status: s.status, light: s.light, due: new Date(s.due), submittedAt: date(s.firstSubmittedAt), lastSubmittedAt: date(s.submittedAt),
      acceptedAt: date(s.acceptedAt), returnCount: s.returnCount, lastReason: s.lastReason,
      measuresRef: s.submission?.measures.id ?? null, measuresName: s.submission?.measures.name ?? null, version: s.seq,
    };
    const written = await writeSnapshot(
      s.seq,
      (notNewer) => tx.bodyFiling.updateMany({ where: { id: s.unitId, ...notNewer }, data: fields }),
      () => tx.bodyFiling.findUnique({ where: { id: s.unitId }, select: { id: true } }),
      () => tx.bodyFiling.create({ data: { id: s.unitId, roundId: s.roundId, bodyId: s.bodyId, bodyName: s.bodyName, ...fields } }),
    );
    if (written && events.some((e) => e.type === 'submit')) {
      await tx.catalogueEntry.deleteMany({ where: { filingId: s.unitId } });
      await tx.catalogueEntry.createMany({
        data: (s.submission?.rows ?? []).map((r, i) => ({ id: `${s.unitId}#${i + 1}`, filingId: s.unitId, ordinal: i + 1, ...r })),
      });
    }
    await writeRoundEvents(tx, { workflowId: s.unitId, roundKind: 'filing', roundId: s.roundId, unitId: s.unitId }, events);
  });
}
