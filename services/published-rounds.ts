import { byCodeUnits, drawAlgorithm, seedInput } from '../domain/inspection/draw.ts';
import { publishedPool, type PopulationEntry, type PublishedOfficer, type PublishedRound, type PublishedSample } from '../domain/inspection/published.ts';
import { sampleCount, type JoiningBody, type PopulationFilter, type RoundStatus, type SampleRule } from '../domain/inspection/round.ts';
import type { PrismaClient } from '../runtime/db.ts';

/** The rounds published without sign-in: every round announced or drawn, newest first. */
export async function publishedRoundList(prisma: PrismaClient) {
  const rounds = await prisma.inspectionRound.findMany({
    where: { populationHash: { not: null } },
    select: { id: true, title: true, date: true, status: true },
    orderBy: [{ date: 'desc' }, { id: 'asc' }],
    take: 1000,
  });
  return { rounds: rounds.map((r) => ({ roundId: r.id, date: r.date, status: r.status as RoundStatus, title: r.title })) };
}

type Recorded = Pick<PublishedRound, 'population' | 'officers' | 'sample' | 'recordedAtDraw'>;

/**
 * A round drawn before draws were recorded: its population's codes from the
 * snapshot, industries, districts and the pool as they stand now, the sample
 * from its assignments (inspectors by body in round order, then by id).
 */
async function reconstructed(prisma: PrismaClient, round: { id: string; populationHash: string; filter: string }, bodies: JoiningBody[]): Promise<Recorded> {
  const snapshot = await prisma.populationSnapshot.findUnique({ where: { hash: round.populationHash } });
  const codes = snapshot?.codes ? snapshot.codes.split('\n') : [];
  const filter = JSON.parse(round.filter) as PopulationFilter;
  const entities = await prisma.marketEntity.findMany({
    where: { ...(filter.districts.length ? { district: { in: filter.districts } } : {}), ...(filter.industries.length ? { industry: { in: filter.industries } } : {}) },
    select: { code: true, industry: true, district: true },
  });
  const attributes = new Map(entities.map((e) => [e.code, e]));
  const population = codes.map((code) => ({ code, industry: attributes.get(code)?.industry ?? '', district: attributes.get(code)?.district ?? '' }));
  const pool = await prisma.enforcementOfficer.findMany({
    where: { bodyId: { in: bodies.map((b) => b.bodyId) } },
    select: { id: true, bodyId: true, active: true, conflicts: { select: { entityCode: true } } },
  });
  const sampled = await prisma.sampledEntity.findMany({ where: { roundId: round.id }, orderBy: { ordinal: 'asc' }, include: { inspectors: true } });
  const bodyOrder = (bodyId: string) => bodies.findIndex((b) => b.bodyId === bodyId);
  return {
    population,
    officers: publishedPool(pool.map((o) => ({ ...o, conflicts: o.conflicts.map((c) => c.entityCode) })), new Set(codes)),
    sample: sampled.map((s) => ({
      code: s.entityCode,
      inspectors: [...s.inspectors].sort((a, b) => bodyOrder(a.bodyId) - bodyOrder(b.bodyId) || byCodeUnits(a.officerId, b.officerId)).map((i) => i.officerId),
    })),
    recordedAtDraw: false,
  };
}

/** Everything a round's draw used, as anyone may see it (null: no such round, or not announced). */
export async function publishedRound(prisma: PrismaClient, roundId: string): Promise<PublishedRound | null> {
  const round = await prisma.inspectionRound.findUnique({ where: { id: roundId } });
  if (!round?.populationHash) return null;
  const bodies = JSON.parse(round.bodies) as JoiningBody[];
  const sampleRule = JSON.parse(round.sampleRule) as SampleRule;
  const record = await prisma.inspectionDrawRecord.findUnique({ where: { roundId } });
  const recorded: Recorded = record && round.announcedAt && record.announcedAt.getTime() === round.announcedAt.getTime()
    ? {
      population: JSON.parse(record.population) as PopulationEntry[],
      officers: record.officers ? (JSON.parse(record.officers) as PublishedOfficer[]) : [],
      sample: record.sample ? (JSON.parse(record.sample) as PublishedSample[]) : [],
      recordedAtDraw: true,
    }
    : await reconstructed(prisma, { id: round.id, populationHash: round.populationHash, filter: round.filter }, bodies);
  return {
    algorithm: drawAlgorithm,
    roundId: round.id,
    title: round.title,
    status: round.status as RoundStatus,
    date: round.date,
    beaconSource: round.beaconSource,
    announcedAt: round.announcedAt?.toISOString() ?? null,
    beacon: round.beacon,
    population: recorded.population,
    populationHash: round.populationHash,
    populationSize: recorded.population.length,
    bodies,
    inspectorsPerBody: round.inspectorsPerBody,
    sampleRule,
    sampleSize: sampleCount(sampleRule, recorded.population.length),
    officers: recorded.officers,
    seedInput: round.seed ? seedInput({ id: round.id, date: round.date, populationHash: round.populationHash, beacon: round.beacon }) : null,
    seed: round.seed,
    drawnAt: round.drawnAt?.toISOString() ?? null,
    sample: recorded.sample,
    recordedAtDraw: recorded.recordedAtDraw,
  };
}
