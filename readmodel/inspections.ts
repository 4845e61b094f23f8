import type { CaseEvent } from '../domain/credit/cases.ts';
import { roundCaseId } from '../domain/inspection/notices.ts';
import { resultProvisional, type RoundSnapshot } from '../domain/inspection/round.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeCaseEvents, writeSnapshot } from './events.ts';

/**
 * Writes a round, its sample, inspector assignments and results. A round ID
 * started again after a cancellation is a new run: the old run's rows are replaced.
 */
export async function projectInspectionRound(prisma: PrismaClient, s: RoundSnapshot, events: CaseEvent[]): Promise<void> {
  const id = s.plan.roundId;
  const caseId = roundCaseId(id);
  await snapshotTransaction(prisma, async (tx) => {
    const first = await tx.caseEvent.findUnique({ where: { id: `${caseId}#1` }, select: { at: true } });
    if (first && first.at.toISOString() !== s.createdAt) {
      await tx.inspectionResult.deleteMany({ where: { sampled: { roundId: id } } });
      await tx.inspectorAssignment.deleteMany({ where: { sampled: { roundId: id } } });
      await tx.sampledEntity.deleteMany({ where: { roundId: id } });
      await tx.caseEvent.deleteMany({ where: { caseId } });
      await tx.inspectionRound.update({ where: { id }, data: { version: 0, seed: null, beacon: null } });
    }
    const current = await tx.inspectionRound.findUnique({ where: { id }, select: { seed: true } });
    const fields = {
      title: s.plan.title, date: s.plan.date, status: s.status, filter: JSON.stringify(s.plan.filter), sampleRule: JSON.stringify(s.plan.sample),
      checklist: JSON.stringify(s.plan.checklist), bodies: JSON.stringify(s.plan.bodies), inspectorsPerBody: s.plan.inspectorsPerBody,
      beaconSource: s.announcement?.beaconSource ?? null, announcedAt: s.announcement ? new Date(s.announcement.announcedAt) : null, beacon: s.beacon ?? null,
      seed: s.draw?.seed ?? null, populationHash: s.draw?.populationHash ?? s.announcement?.populationHash ?? null,
      populationSize: s.draw?.populationSize ?? s.announcement?.populationSize ?? null,
      drawnAt: s.draw ? new Date(s.draw.drawnAt) : null, version: s.seq, projectedAt: new Date(),
    };
    const createdByName = events.find((e) => e.seq === 1)?.actor.name ?? '';
    const written = await writeSnapshot(
      s.seq,
      (notNewer) => tx.inspectionRound.updateMany({ where: { id, ...notNewer }, data: fields }),
      async () => current,
      () => tx.inspectionRound.create({ data: { id, createdByName, ...fields } }),
    );
    if (!written) return void (await writeCaseEvents(tx, caseId, 'inspection', events));
    if (s.draw && (!current || current.seed !== s.draw.seed)) {
      await tx.sampledEntity.createMany({ data: s.draw.entities.map((code, i) => ({ id: `${id}/${code}`, roundId: id, entityCode: code, ordinal: i + 1 })) });
      await tx.inspectorAssignment.createMany({
        data: s.draw.entities.flatMap((code) => s.draw!.inspectors[code]!.map((officerId) => ({
          id: `${id}/${code}/${officerId}`, sampledId: `${id}/${code}`, officerId, bodyId: s.inspectorBodies[officerId]!,
        }))),
      });
    }
    for (const r of Object.values(s.results)) {
      const rid = `${id}/${r.entityCode}`;
      const row = {
        answers: JSON.stringify(r.answers), inspectorIds: JSON.stringify(r.inspectorIds), finding: r.finding ? JSON.stringify(r.finding) : null,
        recordedAt: new Date(r.recordedAt), recordedBy: r.recordedBy, publishBy: new Date(r.publishBy), publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt), overdue: r.overdue,
        provisional: resultProvisional(s, r.entityCode),
      };
      await tx.inspectionResult.upsert({ where: { id: rid }, create: { id: rid, ...row }, update: row });
    }
    await writeCaseEvents(tx, caseId, 'inspection', events);
  });
}
