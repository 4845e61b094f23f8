import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { ValidationError } from '../domain/errors.ts';
import { appealWindowProvisional, maxAppealWorkingDays, openAppealWindow, type ScoreLine } from '../domain/scoring/appeals.ts';
import type { CriterionResult } from '../domain/scoring/score.ts';
import { sheetActionProblem, type SheetStatus } from '../domain/scoring/sheet.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { projectScoreAppeals } from '../readmodel/score-appeals.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { scoreAppealsWorkflow, scoreAppealsWorkflowId } from '../workflows/score-appeals.ts';
import { caseWorkingDays } from './holiday-calendar.ts';

export class SheetRefused extends Error {
  override name = 'SheetRefused';
}

/** Every deduction on a sheet that still counts: the lines a unit may appeal. */
export function sheetLines(scores: Array<{ bodyId: string; breakdown: string }>): ScoreLine[] {
  return scores.flatMap((s) => (JSON.parse(s.breakdown) as CriterionResult[]).flatMap((c) =>
    c.deductions.filter((d) => !d.withdrawn && d.points > 0).map((d) => ({ bodyId: s.bodyId, criterion: c.criterion, source: d.source, detail: d.detail, points: d.points }))));
}

/**
 * Announces a reviewed sheet to the units (公示): its appeal window's
 * workflow starts first (holding the window from now, counted in working
 * days), then the window and the sheet's mark are written. A retry after a
 * crash finds the workflow started and finishes the mark. One window at a
 * time per year.
 */
export async function announceScoreSheet(
  { prisma, temporal, taskQueue }: { prisma: PrismaClient; temporal: Client; taskQueue: string },
  actor: Actor,
  sheetId: string,
  appealWorkingDays: number,
  now = Date.now(),
): Promise<void> {
  if (!Number.isInteger(appealWorkingDays) || appealWorkingDays < 0 || appealWorkingDays > maxAppealWorkingDays) {
    throw new ValidationError(`申诉期为 0 至 ${maxAppealWorkingDays} 个工作日。 The appeal period is 0 to ${maxAppealWorkingDays} working days.`);
  }
  const sheet = await prisma.scoreSheet.findUniqueOrThrow({ where: { id: sheetId }, include: { scores: { select: { bodyId: true, breakdown: true } } } });
  const started = await prisma.scoreAppealWindow.findUnique({ where: { id: sheetId }, select: { id: true } });
  if (!started) {
    const problem = sheetActionProblem(sheet.status as SheetStatus, 'announce');
    if (problem) throw new SheetRefused(problem);
    const other = await prisma.scoreAppealWindow.findFirst({ where: { year: sheet.year, status: { not: 'published' } }, select: { id: true } });
    if (other) throw new SheetRefused(`${sheet.year} 年度已有评分在公示中，请先发布。 A ${sheet.year} sheet is already announced: publish it first.`);
  }
  const args = { windowId: sheetId, year: sheet.year, lines: sheetLines(sheet.scores), announcedBy: actor.name, appealWorkingDays, ...(await caseWorkingDays(prisma, now)) };
  await temporal.workflow.start(scoreAppealsWorkflow, { taskQueue, workflowId: scoreAppealsWorkflowId(sheetId), args: [args], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE })
    .catch((error: unknown) => {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    });
  if (!started) {
    // In the read model as soon as its workflow exists, as version 0: the workflow's own projection wins.
    const { calendar: _c, lines: _l, events: _e, ...opened } = openAppealWindow(args, now);
    await projectScoreAppeals(prisma, { ...opened, seq: 0, provisional: appealWindowProvisional(opened) }, []);
  }
  await prisma.scoreSheet.updateMany({ where: { id: sheetId, status: 'reviewed' }, data: { status: 'announced', announcedAt: new Date(now) } });
}
