import { bulletinNotices } from '../domain/bulletin/notices.ts';
import type { IssuedBulletin } from '../domain/bulletin/schedule.ts';
import { ValidationError } from '../domain/errors.ts';
import type { WorkingDayCalendar } from '../domain/time/calendar.ts';
import { dayMs } from '../domain/time/instants.ts';
import { workingDayEnds } from '../domain/time/working-day-calendar.ts';
import { generateBulletin } from '../readmodel/bulletins/generate.ts';
import { holidayArrangements } from '../readmodel/holiday-calendar.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { deliverNotices, type Mailer } from './notices.ts';

/** Who a scheduled bulletin says generated it (its issuer is the supervising office's body). */
export const scheduleIssuer = { name: '每月定时通报 Monthly schedule', bodyId: null };

/** The working days from the firing date on (a month of them: past any run of holidays), as the office's calendar has them. */
export async function bulletinWorkingDays(prisma: PrismaClient, firedOn: string): Promise<WorkingDayCalendar> {
  return workingDayEnds(Date.parse(`${firedOn}T12:00:00+08:00`) - dayMs, 31, await holidayArrangements(prisma));
}

/** The plans a monthly bulletin reports on: with a task still open, or closed during the month it reports. */
export async function monthlyBulletinPlans(prisma: PrismaClient, periodEnd: string): Promise<string[]> {
  const monthStart = new Date(`${periodEnd.slice(0, 7)}-01T00:00:00+08:00`);
  const plans = await prisma.plan.findMany({
    where: { tasks: { some: { OR: [{ status: 'open' }, { closedAt: { gte: monthStart } }] } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return plans.map((p) => p.id);
}

/**
 * A plan's bulletin for the period ending `periodEnd`, made unless it is
 * already there (a retried or duplicated firing makes no second one), then
 * delivered to the supervising office and every unit of the plan: inbox,
 * webhook and mail, each at most once per bulletin and addressee.
 */
export async function issueMonthlyBulletin(
  deps: { prisma: PrismaClient; mailer: Mailer | null; dataDir: string }, planId: string, periodEnd: string, now: number,
): Promise<IssuedBulletin> {
  const { prisma } = deps;
  const existing = await prisma.bulletin.findUnique({ where: { planId_periodEnd: { planId, periodEnd } }, select: { id: true } });
  if (!existing) {
    try {
      await generateBulletin(prisma, deps.dataDir, { planId, periodEnd, by: scheduleIssuer, now });
    } catch (error) {
      // The plan started after the period, or already has a later bulletin: nothing to issue, and retrying cannot change that.
      if (error instanceof ValidationError) return { planId, bulletinId: null, number: null, created: false, skipped: error.message };
      throw error;
    }
  }
  const bulletin = await prisma.bulletin.findUniqueOrThrow({ where: { planId_periodEnd: { planId, periodEnd } }, select: { id: true, number: true, periodEnd: true, plan: { select: { title: true } } } });
  const units = await prisma.assignment.findMany({ where: { task: { planId }, placeholder: false, bodyId: { not: null } }, select: { bodyId: true }, distinct: ['bodyId'] });
  await deliverNotices(prisma, deps.mailer, bulletinNotices({ ...bulletin, planTitle: bulletin.plan.title }, units.map((u) => u.bodyId!)));
  return { planId, bulletinId: bulletin.id, number: bulletin.number, created: !existing, skipped: null };
}
