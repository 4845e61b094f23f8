import { config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { nthWorkingDayEnd } from '../domain/time/calendar.ts';
import { caseWorkingDays } from './holiday-calendar.ts';

/** By when a body given an assignment at `now` should acknowledge receipt (签收): the end of the configured working days, on the office's holiday calendar. */
export async function acknowledgeBy(prisma: PrismaClient, now: number): Promise<string> {
  const { calendar } = await caseWorkingDays(prisma, now);
  return new Date(nthWorkingDayEnd(calendar, now, config().receiptWorkingDays)).toISOString();
}
