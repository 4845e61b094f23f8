import type { SelfEvaluationReport } from '../domain/evaluation/report.ts';
import type { EvaluationRoundSnapshot } from '../domain/evaluation/round.ts';
import { lateAndMissing, type RoundEvent, type UnitSnapshot } from '../domain/rounds/unit.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { isNewer, writeRoundEvents } from './events.ts';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function projectEvaluationRound(prisma: PrismaClient, s: EvaluationRoundSnapshot, events: RoundEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const stored = await tx.evaluationRound.findUnique({ where: { id: s.roundId }, select: { version: true } });
    if (isNewer(stored, s.seq)) {
      const consolidated = s.status === 'consolidated';
      const summary = consolidated
        ? JSON.stringify({ units: s.units.length, accepted: s.units.filter((u) => u.status === 'accepted').map((u) => u.bodyId), ...lateAndMissing(s.units, s.deadline) })
        : null;
      const fields = { deadline: new Date(s.deadline), status: s.status, consolidatedAt: date(s.consolidatedAt), summaryDate: s.summaryDate, summary, version: s.seq };
      const opened = events.find((e) => e.type === 'open');
      await tx.evaluationRound.upsert({
        where: { id: s.roundId },
        create: { id: s.roundId, year: s.year, ...fields, openedAt: new Date(opened?.at ?? s.at), openedBy: s.openedBy },
        update: fields,
      });
    }
    await writeRoundEvents(tx, { workflowId: s.roundId, roundKind: 'evaluation', roundId: s.roundId, unitId: null }, events);
  });
}

export async function projectUnitReport(prisma: PrismaClient, s: UnitSnapshot<SelfEvaluationReport>, events: RoundEvent[]): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    const stored = await tx.unitReport.findUnique({ where: { id: s.unitId }, select: { version: true } });
    if (isNewer(stored, s.seq)) {
      const { attachments = [], ...sections } = s.submission ?? ({} as Partial<SelfEvaluationReport>);
      const fields = {
        status: s.status, light: s.light, due: new Date(s.due), submittedAt: date(s.firstSubmittedAt), lastSubmittedAt: date(s.submittedAt),
        acceptedAt: date(s.acceptedAt), returnCount: s.returnCount, lastReason: s.lastReason,
        content: s.submission ? JSON.stringify(sections) : null, attachments: JSON.stringify(attachments), version: s.seq,
      };
      const kind = (await tx.body.findUnique({ where: { id: s.bodyId }, select: { kind: true } }))?.kind === 'district' ? 'district' : 'department';
      await tx.unitReport.upsert({
        where: { id: s.unitId },
        create: { id: s.unitId, roundId: s.roundId, bodyId: s.bodyId, bodyName: s.bodyName, unitKind: kind, ...fields },
        update: fields,
      });
    }
    await writeRoundEvents(tx, { workflowId: s.unitId, roundKind: 'evaluation', roundId: s.roundId, unitId: s.unitId }, events);
  });
}
