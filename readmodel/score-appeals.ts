import type { CaseEvent } from '../domain/credit/cases.ts';
import type { AppealWindowSnapshot } from '../domain/scoring/appeals.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { snapshotTransaction, writeCaseEvents, writeSnapshot } from './events.ts';

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Writes a sheet's appeal window, its appeals and new events; an older snapshot than the stored one changes nothing. */
export async function projectScoreAppeals(prisma: PrismaClient, s: AppealWindowSnapshot, events: CaseEvent[]): Promise<void> {
  await snapshotTransaction(prisma, async (tx) => {
    const fields = { sheetId: s.sheetId, status: s.status, closesAt: new Date(s.closesAt), provisional: s.provisional, version: s.seq };
    const written = await writeSnapshot(
      s.seq,
      (notNewer) => tx.scoreAppealWindow.updateMany({ where: { id: s.windowId, ...notNewer }, data: fields }),
      () => tx.scoreAppealWindow.findUnique({ where: { id: s.windowId }, select: { id: true } }),
      () => tx.scoreAppealWindow.create({
        data: { id: s.windowId, year: s.year, announcedAt: new Date(s.announcedAt), announcedBy: s.announcedBy, appealWorkingDays: s.appealWorkingDays, ...fields },
      }),
    );
    if (written) {
      for (const a of s.appeals) {
        const decided = { status: a.status, decidedAt: date(a.decidedAt), decidedBy: a.decidedBy, decision: a.decision, correctedSheetId: a.correctedSheetId };
        await tx.scoreAppeal.upsert({
          where: { id: a.appealId },
          create: {
            id: a.appealId, windowId: s.windowId, sheetId: a.sheetId, bodyId: a.bodyId, criterion: a.criterion, source: a.source, detail: a.detail, points: a.points,
            reason: a.reason, evidence: JSON.stringify(a.evidence), filedAt: new Date(a.filedAt), filedById: a.filedBy.accountId, filedByName: a.filedBy.name, ...decided,
          },
          update: decided,
        });
      }
    }
    await writeCaseEvents(tx, s.windowId, 'scoreAppeals', events);
  });
}
