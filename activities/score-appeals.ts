import type { ScoreAppeal } from '../domain/scoring/appeals.ts';
import type { Rubric } from '../domain/scoring/rubric.ts';
import { scoreBody, type BodyRecord, type WithdrawnLine } from '../domain/scoring/score.ts';
import type { PrismaClient } from '../runtime/db.ts';

/**
 * An appeal corrected: the next version of the sheet, every score copied and
 * the appealed line withdrawn from its body's score (kept, not counted), shown
 * to the units at once; the version it was made from is superseded.
 * Idempotent: a retry finds the version this appeal already made.
 */
export async function correctScoreLine(
  prisma: PrismaClient,
  { appeal, fromSheetId, by, at }: { appeal: Pick<ScoreAppeal, 'appealId' | 'bodyId' | 'criterion' | 'source'>; fromSheetId: string; by: string; at: string },
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const made = await tx.scoreSheet.findUnique({ where: { correctsAppealId: appeal.appealId }, select: { id: true } });
    if (made) return made.id;
    const from = await tx.scoreSheet.findUniqueOrThrow({ where: { id: fromSheetId }, include: { scores: true } });
    const last = await tx.scoreSheet.findFirst({ where: { year: from.year }, orderBy: { version: 'desc' }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const id = `${from.year}v${version}`;
    const rubric = JSON.parse(from.rubric) as Rubric;
    const scores = from.scores.map(({ sheetId: _s, id: _i, ...s }) => {
      if (s.bodyId !== appeal.bodyId) return s;
      const withdrawn: WithdrawnLine[] = [...(JSON.parse(s.withdrawn) as WithdrawnLine[]), { criterion: appeal.criterion, source: appeal.source }];
      const score = scoreBody(JSON.parse(s.record) as BodyRecord, rubric, from.asOf.getTime(), withdrawn);
      return { ...s, score: score.score, breakdown: JSON.stringify(score.breakdown), withdrawn: JSON.stringify(withdrawn) };
    });
    await tx.scoreSheet.updateMany({ where: { id: from.id, status: 'announced' }, data: { status: 'superseded' } });
    const { id: _id, scores: _scores, version: _v, ...kept } = from;
    await tx.scoreSheet.create({
      data: {
        ...kept, id, version, status: 'announced', announcedAt: new Date(at), correctsAppealId: appeal.appealId, computedAt: new Date(at), computedBy: by,
        scores: { create: scores.map((s) => ({ id: `${id}/${s.bodyId}`, ...s })) },
      },
    });
    return id;
  });
}

/** The window closed with every appeal decided: the shown version becomes final and frozen. Idempotent. */
export async function publishFinalSheet(prisma: PrismaClient, sheetId: string, by: string, at: string): Promise<void> {
  await prisma.scoreSheet.updateMany({ where: { id: sheetId, status: 'announced' }, data: { status: 'published', publishedAt: new Date(at), publishedBy: by } });
}
