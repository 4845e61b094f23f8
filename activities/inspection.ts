import type { CreditClass } from '../domain/credit/classes.ts';
import { drawRound, populationHash } from '../domain/inspection/draw.ts';
import { coversIndustry, inPopulation, populationClass, sampleCount, type RoundDraw, type RoundPlan } from '../domain/inspection/round.ts';
import type { PrismaClient } from '../runtime/db.ts';

/**
 * Draws a round from its published data: the population as it stands (entities
 * in the population by the domain's rule, inPopulation), the round ID and date. The population is kept
 * under its hash, so anyone can re-run the pure draw and get the same sample.
 */
export async function drawInspectionSample(
  prisma: PrismaClient,
  plan: RoundPlan,
  at: number,
): Promise<{ draw: RoundDraw; inspectorBodies: Record<string, string> } | { problem: string }> {
  const candidates = await prisma.marketEntity.findMany({
    where: { creditClass: populationClass },
    select: { code: true, creditClass: true, district: true, industry: true },
  });
  const entities = candidates.filter((e) => inPopulation({ ...e, creditClass: e.creditClass as CreditClass }, plan.filter));
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
