import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Actor } from '../domain/supervision/types.ts';
import type { WorkingDayTimes } from '../domain/time/calendar.ts';
import { readArrangement, type HolidayArrangement } from '../domain/time/holiday-calendar.ts';
import { dayMs } from '../domain/time/instants.ts';
import { workingDayTimes } from '../domain/time/working-day-calendar.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { holidayArrangements } from '../readmodel/holiday-calendar.ts';
import { retimeUpdate } from '../workflows/retime.ts';
import { scoreAppealsWorkflowId } from '../workflows/score-appeals.ts';
import { ladderChanged } from './supervision/ladder.ts';

// The office's years, as the workflows' calendars (and the monthly bulletin's activity) read them.
export { holidayArrangements };

/**
 * The working-day calendar a case workflow works with: from a week before
 * `from` (a workflow's clock may lag the caller's), far past any time limit,
 * with the instant from which it counts weekends only.
 */
export async function caseWorkingDays(prisma: PrismaClient, from: number): Promise<WorkingDayTimes> {
  return timesFrom(from, await holidayArrangements(prisma));
}

/** Working days a case's calendar covers: far beyond any time limit, overdue steps included. */
const calendarWorkingDays = 500;

const timesFrom = (from: number, arrangements: HolidayArrangement[]) => workingDayTimes(from - 7 * dayMs, calendarWorkingDays, arrangements);

export class HolidayCalendarRefused extends Error {
  override name = 'HolidayCalendarRefused';
}

export interface Retiming {
  /** Running processes sent the new calendar. */
  checked: number;
  /** Those whose deadlines (or provisional mark) changed. */
  retimed: number;
}

/** A year's arrangement as entered or imported, before it is checked. */
export interface ArrangementInput {
  year: number;
  holidays: readonly string[];
  workingWeekends: readonly string[];
}

/**
 * Stores years' arrangements (all checked first: a bad year stores none),
 * re-times every running process with working-day limits, and tells the open
 * tasks' escalation ladders to count working days on the new calendar.
 * Entering the same arrangement again changes nothing and finishes a
 * re-timing a crash interrupted.
 */
export async function setHolidayCalendars(
  deps: { prisma: PrismaClient; temporal: Client },
  actor: Actor,
  inputs: readonly ArrangementInput[],
  now = Date.now(),
): Promise<{ arrangements: HolidayArrangement[] } & Retiming> {
  const read = inputs.map(readArrangement);
  const problems = read.flatMap((r, i) => r.problems.map((p) => (inputs.length > 1 ? `${inputs[i]!.year}：${p}` : p)));
  if (problems.length) throw new HolidayCalendarRefused(problems.join('\n'));
  if (new Set(inputs.map((i) => i.year)).size !== inputs.length) throw new HolidayCalendarRefused('同一年度出现两次。 A year appears twice.');
  const arrangements = read.map((r) => (r as { arrangement: HolidayArrangement }).arrangement);
  const at = new Date(now);
  await deps.prisma.$transaction(async (tx) => {
    for (const a of arrangements) {
      const fields = { holidays: JSON.stringify(a.holidays), workingWeekends: JSON.stringify(a.workingWeekends), enteredBy: actor.name, enteredAt: at };
      await tx.holidayCalendar.upsert({ where: { year: a.year }, create: { year: a.year, ...fields }, update: fields });
      await tx.auditEntry.create({
        data: {
          key: `holiday-calendar:${a.year}@${at.toISOString()}`, at, actorId: actor.accountId, actorName: actor.name,
          action: 'holidayCalendar.set', target: String(a.year), detail: JSON.stringify(a),
        },
      });
    }
  });
  const retiming = await retimeRunningProcesses(deps);
  await ladderChanged(deps);
  return { arrangements, ...retiming };
}

/** Every running process with working-day limits, and the instant its calendar counts from. */
async function runningProcesses(prisma: PrismaClient): Promise<Array<{ workflowId: string; from: number }>> {
  const [objections, repairs, rounds, appealWindows] = await Promise.all([
    prisma.objectionCase.findMany({ where: { status: { in: ['filed', 'verifying', 'awaitingProvider'] } }, select: { id: true, filedAt: true } }),
    prisma.repairApplication.findMany({ where: { status: 'underReview' }, select: { id: true, filedAt: true } }),
    prisma.inspectionRound.findMany({ where: { status: { in: ['announced', 'drawing', 'inspecting'] } }, select: { id: true, announcedAt: true, drawnAt: true } }),
    prisma.scoreAppealWindow.findMany({ where: { status: 'open' }, select: { id: true, announcedAt: true } }),
  ]);
  return [
    ...objections.map((o) => ({ workflowId: o.id, from: o.filedAt.getTime() })),
    ...repairs.map((r) => ({ workflowId: r.id, from: r.filedAt.getTime() })),
    ...rounds.map((r) => ({ workflowId: `inspection:${r.id}`, from: (r.announcedAt ?? r.drawnAt ?? new Date()).getTime() })),
    ...appealWindows.map((w) => ({ workflowId: scoreAppealsWorkflowId(w.id), from: w.announcedAt.getTime() })),
  ];
}

/**
 * Sends each running process its calendar counted again with the
 * arrangements as they now stand (an update to its workflow), from the
 * instant its first calendar counted from; a process that has just closed is skipped.
 */
export async function retimeRunningProcesses({ prisma, temporal }: { prisma: PrismaClient; temporal: Client }): Promise<Retiming> {
  const arrangements = await holidayArrangements(prisma);
  const processes = await runningProcesses(prisma);
  let retimed = 0;
  for (const { workflowId, from } of processes) {
    try {
      if (await temporal.workflow.getHandle(workflowId).executeUpdate(retimeUpdate, { args: [timesFrom(from, arrangements)] })) retimed += 1;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError)) throw error;
    }
  }
  return { checked: processes.length, retimed };
}
