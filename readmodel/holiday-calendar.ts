import type { HolidayArrangement } from '../domain/time/holiday-calendar.ts';
import type { PrismaClient } from '../runtime/db.ts';

/** The years the office has entered (the package's own years are never stored). */
export async function holidayArrangements(prisma: PrismaClient): Promise<HolidayArrangement[]> {
  const rows = await prisma.holidayCalendar.findMany({ orderBy: { year: 'asc' } });
  return rows.map((r) => ({ year: r.year, holidays: JSON.parse(r.holidays) as string[], workingWeekends: JSON.parse(r.workingWeekends) as string[] }));
}
