import type { CreditClass } from '../domain/credit/classes.ts';
import { byCodeUnits, drawRound, populationHash } from '../domain/inspection/draw.ts';
import { publishedPool, type PopulationEntry, type PublishedOfficer, type PublishedSample } from '../domain/inspection/published.ts';
import { coversIndustry, inPopulation, sampleCount, type RoundPlan } from '../domain/inspection/round.ts';
import type { PrismaClient } from '../runtime/db.ts';
import type { RoundDraw } from '../domain/inspection/round.ts';

/**
 * Freezes an announced round's population (entities rated good, by the
 * filter, with their industry and district) under its hash, before anyone
 * knows the beacon. Once per announcement: a retry returns what the first froze.
 */
export async function freezeRoundPopulation(prisma: PrismaClient, plan: RoundPlan, announcedAt: number): Promise<{ populationHash: string; populationSize: number }> {
  const frozen = await prisma.inspectionDrawRecord.findUnique({ where: { roundId: plan.roundId } });
  if (frozen?.announcedAt.getTime() === announcedAt) {
    return { populationHash: frozen.populationHash, populationSize: (JSON.parse(frozen.population) as PopulationEntry[]).length };
  }
  const entities = await prisma.marketEntity.findMany({
    where: {
      creditClass: 'good',
      ...(plan.filter.districts.length ? { district: { in: plan.filter.districts } } : {}),
      ...(plan.filter.industries.length ? { industry: { in: plan.filter.industries } } : {}),
    },
    select: { code: true, creditClass: true, district: true, industry: true },
  });
  const population: PopulationEntry[] = entities
    .filter((e) => inPopulation({ ...e, creditClass: e.creditClass as CreditClass }, plan.filter))
    .map(({ code, industry, district }) => ({ code, industry, district }))
    .sort((a, b) => byCodeUnits(a.code, b.code));
  const hash = populationHash(population.map((e) => e.code));
  const row = { announcedAt: new Date(announcedAt), populationHash: hash, population: JSON.stringify(population), officers: null, sample: null, drawnAt: null };
  await prisma.$transaction((tx) => tx.inspectionDrawRecord.upsert({ where: { roundId: plan.roundId }, create: { roundId: plan.roundId, ...row }, update: row }));
  return { populationHash: hash, populationSize: population.length };
}

/**
 * Draws an announced round once its beacon is entered: from the frozen
 * population and the joining bodies' pool as it stands, which is recorded
 * with the sample for publication. A retry draws again from what was recorded.
 */
export async function drawAnnouncedRound(
  prisma: PrismaClient,
  plan: RoundPlan,
  announcedAt: number,
  beacon: string,
  at: number,
): Promise<{ draw: RoundDraw; inspectorBodies: Record<string, string> } | { problem: string }> {
  const record = await prisma.inspectionDrawRecord.findUniqueOrThrow({ where: { roundId: plan.roundId } });
  if (record.announcedAt.getTime() !== announcedAt) throw new Error(`The draw record of ${plan.roundId} belongs to another announcement.`);
  const population = JSON.parse(record.population) as PopulationEntry[];
  const codes = population.map((e) => e.code);
  const officers = record.officers ? (JSON.parse(record.officers) as PublishedOfficer[]) : await currentPool(prisma, plan, new Set(codes));
  const industry = new Map(population.map((e) => [e.code, e.industry]));
  const staff = officers.filter((o) => o.active);
  const bodyIds = plan.bodies.map((b) => b.bodyId);
  let drawn: ReturnType<typeof drawRound> | null = null;
  let problem: string | null = null;
  try {
    drawn = drawRound({ id: plan.roundId, date: plan.date, beacon }, codes, sampleCount(plan.sample, codes.length), staff, bodyIds, plan.inspectorsPerBody, coversIndustry(plan.bodies, (c) => industry.get(c)!));
  } catch (error) {
    // A rule of the draw, not a fault: retrying cannot help, the round ends with the reason (and the pool it was drawn from is published).
    problem = (error as Error).message;
  }
  const sample: PublishedSample[] = drawn ? drawn.entities.map((code) => ({ code, inspectors: drawn.inspectors[code]! })) : [];
  if (!record.officers) {
    await prisma.inspectionDrawRecord.update({ where: { roundId: plan.roundId }, data: { officers: JSON.stringify(officers), sample: JSON.stringify(sample), drawnAt: new Date(at) } });
  }
  if (!drawn) return { problem: problem! };
  const drawnIds = new Set(sample.flatMap((s) => s.inspectors));
  return {
    draw: { ...drawn, populationSize: codes.length, drawnAt: record.drawnAt?.getTime() ?? at },
    inspectorBodies: Object.fromEntries(staff.filter((s) => drawnIds.has(s.id)).map((s) => [s.id, s.bodyId])),
  };
}

/** Every officer of the joining bodies now, active or not, with the conflicts they declared with entities of the population. */
async function currentPool(prisma: PrismaClient, plan: RoundPlan, population: ReadonlySet<string>): Promise<PublishedOfficer[]> {
  const officers = await prisma.enforcementOfficer.findMany({
    where: { bodyId: { in: plan.bodies.map((b) => b.bodyId) } },
    select: { id: true, bodyId: true, active: true, conflicts: { select: { entityCode: true } } },
  });
  return publishedPool(officers.map((o) => ({ ...o, conflicts: o.conflicts.map((c) => c.entityCode) })), population);
}
