import type { HolidayArrangement } from '../domain/time/holiday-calendar.ts';
import { Prisma } from '../prisma/generated/client.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { bulkSql } from '../runtime/sql.ts';

/**
 * The years the office has entered (the package's own years are never stored).
 * Every ladder and time limit reads them, so raw (runtime/sql.ts bulkSql).
 */
export async function holidayArrangements(prisma: PrismaClient): Promise<HolidayArrangement[]> {
  const rows = await bulkSql(prisma).query<{ year: number; holidays: string; workingWeekends: string }>(
    Prisma.sql`SELECT "year", "holidays", "workingWeekends" FROM "HolidayCalendar" ORDER BY "year" ASC`,
  );
  return rows.map((r) => ({ year: r.year, holidays: JSON.parse(r.holidays) as string[], workingWeekends: JSON.parse(r.workingWeekends) as string[] }));
}
