import { drawRound, populationHash } from '../domain/inspection/draw.ts';
import { coversIndustry, resultProvisional, sampleCount, type Finding, type RoundPlan, type RoundState } from '../domain/inspection/round.ts';
import type { CaseEvent } from '../domain/credit/cases.ts';
import { roundCaseId } from '../domain/inspection/notices.ts';
import { shanghaiDate } from '../domain/time/instants.ts';
import { type PrismaClient, writeTransaction } from '../runtime/db.ts';
import { reclassifyEntity, writeCaseEvents } from './credit.ts';

export type RoundDraw = NonNullable<RoundState['draw']>;

/**
 * Draws a round from its published data: the population as it stands (entities
 * rated good, by the filter), the round ID and date. The population is kept
 * under its hash, so anyone can re-run the pure draw and get the same sample.
 */
export async function drawInspectionSample(
  prisma: PrismaClient,
  plan: RoundPlan,
  at: number,
): Promise<{ draw: RoundDraw; inspectorBodies: Record<string, string> } | { problem: string }> {
  const entities = await prisma.marketEntity.findMany({
    where: {
      creditClass: 'good',
      ...(plan.filter.districts.length ? { district: { in: plan.filter.districts } } : {}),
      ...(plan.filter.industries.length ? { industry: { in: plan.filter.industries } } : {}),
    },
    select: { code: true, industry: true },
  });
  const industry = new Map(entities.map((e) => [e.code, e.industry]));
  const bodyIds = plan.bodies.map((b) => b.bodyId);
  const officers = await prisma.enforcementOfficer.findMany({ where: { bodyId: { in: bodyIds }, active: true }, include: { conflicts: { select: { entityCode: true } } } });
  const staff = officers.map((o) => ({ id: o.id, bodyId: o.bodyId, conflicts: o.conflicts.map((c) => c.entityCode) }));
  const codes = entities.map((e) => e.code).sort();
  const size = sampleCount(plan.sample, codes.length);
  let result: ReturnType<typeof drawRound>;
  try {
    result = drawRound({ id: plan.roundId, date: plan.date }, codes, size, staff, bodyIds, plan.inspectorsPerBody, coversIndustry(plan.bodies, (c) => industry.get(c)!));
  } catch (error) {
    // A rule of the draw, not a fault: retrying cannot help, the round ends with the reason.
    return { problem: (error as Error).message };
  }
  const hash = populationHash(codes);
  await prisma.populationSnapshot.upsert({ where: { hash }, create: { hash, size: codes.length, codes: codes.join('\n') }, update: {} });
  const drawn = new Set(Object.values(result.inspectors).flat());
  return {
    draw: { ...result, populationSize: codes.length, drawnAt: at },
    inspectorBodies: Object.fromEntries(staff.filter((s) => drawn.has(s.id)).map((s) => [s.id, s.bodyId])),
  };
}

/** What a round workflow projects: its state without calendar and timeline. */
export type RoundSnapshot = Omit<RoundState, 'calendar' | 'events'> & { seq: number; createdAt: string };

/**
 * Writes a round, its sample, inspector assignments and results. A round ID
 * started again after a cancellation is a new run: the old run's rows are replaced.
 */
export async function projectInspectionRound(prisma: PrismaClient, s: RoundSnapshot, events: CaseEvent[]): Promise<void> {
  const id = s.plan.roundId;
  const caseId = roundCaseId(id);
  await writeTransaction(prisma, async (tx) => {
    const first = await tx.caseEvent.findUnique({ where: { id: `${caseId}#1` }, select: { at: true } });
    if (first && first.at.toISOString() !== s.createdAt) {
      await tx.inspectionResult.deleteMany({ where: { sampled: { roundId: id } } });
      await tx.inspectorAssignment.deleteMany({ where: { sampled: { roundId: id } } });
      await tx.sampledEntity.deleteMany({ where: { roundId: id } });
      await tx.caseEvent.deleteMany({ where: { caseId } });
      await tx.inspectionRound.update({ where: { id }, data: { version: 0, seed: null, beacon: null } });
    }
    const current = await tx.inspectionRound.findUnique({ where: { id }, select: { version: true, seed: true } });
    if (current && s.seq < current.version) return void (await writeCaseEvents(tx, caseId, 'inspection', events));
    const fields = {
      title: s.plan.title, date: s.plan.date, status: s.status, filter: JSON.stringify(s.plan.filter), sampleRule: JSON.stringify(s.plan.sample),
      checklist: JSON.stringify(s.plan.checklist), bodies: JSON.stringify(s.plan.bodies), inspectorsPerBody: s.plan.inspectorsPerBody,
      beaconSource: s.announcement?.beaconSource ?? null, announcedAt: s.announcement ? new Date(s.announcement.announcedAt) : null, beacon: s.beacon ?? null,
      seed: s.draw?.seed ?? null, populationHash: s.draw?.populationHash ?? s.announcement?.populationHash ?? null,
      populationSize: s.draw?.populationSize ?? s.announcement?.populationSize ?? null,
      drawnAt: s.draw ? new Date(s.draw.drawnAt) : null, version: s.seq, projectedAt: new Date(),
    };
    const createdByName = events.find((e) => e.seq === 1)?.actor.name ?? '';
    await tx.inspectionRound.upsert({ where: { id }, create: { id, createdByName, ...fields }, update: fields });
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

/** A published finding becomes a credit record of the entity, and the class is recomputed; once per result. */
export async function recordFinding(prisma: PrismaClient, roundId: string, entityCode: string, finding: Finding, providerBodyId: string | null, at: number): Promise<void> {
  const id = `inspection:${roundId}/${entityCode}`;
  await writeTransaction(prisma, async (tx) => {
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
