import type { SelfEvaluationReport } from '../domain/evaluation/report.ts';
import type { EvaluationRoundSnapshot } from '../domain/evaluation/round.ts';
import { lateAndMissing, type RoundEvent, type UnitSnapshot } from '../domain/rounds/unit.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeRoundEvents, writeSnapshot } from './events.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function projectEvaluationRound(prisma: PrismaClient, s: EvaluationRoundSnapshot, events: RoundEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const consolidated = s.status === 'consolidated';
    const summary = consolidated
      ? JSON.stringify({ units: s.units.length, accepted: s.units.filter((u) => u.status === 'accepted').map((u) => u.bodyId), ...lateAndMissing(s.units, s.deadline) })
      : null;
    const fields = { deadline: new Date(s.deadline), status: s.status, consolidatedAt: date(s.consolidatedAt), summaryDate: s.summaryDate, summary, version: s.seq };
    const opened = events.find((e) => e.type === 'open');
    await writeSnapshot(
      s.seq,
      (notNewer) => tx.evaluationRound.updateMany({ where: { id: s.roundId, ...notNewer }, data: fields }),
      () => tx.evaluationRound.findUnique({ where: { id: s.roundId }, select: { id: true } }),
      () => tx.evaluationRound.create({ data: { id: s.roundId, year: s.year, ...fields, openedAt: new Date(opened?.at ?? s.at), openedBy: s.openedBy } }),
    );
    await writeRoundEvents(tx, { workflowId: s.roundId, roundKind: 'evaluation', roundId: s.roundId, unitId: null }, events);
  });
}

export async function projectUnitReport(prisma: PrismaClient, s: UnitSnapshot<SelfEvaluationReport>, events: RoundEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const { attachments = [], ...sections } = s.submission ?? ({} as Partial<SelfEvaluationReport>);
    const fields = {
      status: s.status, light: s.light, due: new Date(s.due), submittedAt: date(s.firstSubmittedAt), lastSubmittedAt: date(s.submittedAt),
      acceptedAt: date(s.acceptedAt), returnCount: s.returnCount, lastReason: s.lastReason,
      content: s.submission ? JSON.stringify(sections) : null, attachments: JSON.stringify(attachments), version: s.seq,
    };
    await writeSnapshot(
      s.seq,
      (notNewer) => tx.unitReport.updateMany({ where: { id: s.unitId, ...notNewer }, data: fields }),
      () => tx.unitReport.findUnique({ where: { id: s.unitId }, select: { id: true } }),
      async () => {
        const kind = (await tx.body.findUnique({ where: { id: s.bodyId }, select: { kind: true } }))?.kind === 'district' ? 'district' : 'department';
        return tx.unitReport.create({ data: { id: s.unitId, roundId: s.roundId, bodyId: s.bodyId, bodyName: s.bodyName, unitKind: kind, ...fields } });
      },
    );
    await writeRoundEvents(tx, { workflowId: s.unitId, roundKind: 'evaluation', roundId: s.roundId, unitId: s.unitId }, events);
  });
}
