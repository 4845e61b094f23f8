import ical from 'ical-generator';
import { SignJWT, jwtVerify } from 'jose';
import type { PrismaClient } from '../../runtime/db.ts';
import { openStatuses } from '../../domain/supervision/lights.ts';

/**
 * A calendar client cannot send a bearer header: the feed's URL carries a token
 * good only for that body's feed. It does not expire (calendar apps keep the
 * URL for years) but carries the body's calendar version: regenerating the URL
 * bumps the version, and every earlier link stops working.
 */
export function calendarToken(key: Uint8Array, bodyId: string, version: number): Promise<string> {
  return new SignJWT({ scope: 'calendar', v: version }).setProtectedHeader({ alg: 'HS256' }).setSubject(bodyId).sign(key);
}

/** The body a calendar link is for, if the link is genuine and its version is the body's current one. */
export async function calendarBody(prisma: PrismaClient, key: Uint8Array, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    if (payload.scope !== 'calendar' || !payload.sub || typeof payload.v !== 'number') return null;
    const body = await prisma.body.findUnique({ where: { id: payload.sub }, select: { calendarVersion: true } });
    return body?.calendarVersion === payload.v ? payload.sub : null;
  } catch {
    return null;
  }
}

/** A task's short title for a calendar line: its first clause, at most 24 characters. */
export function shortTitle(text: string): string {
  const clause = text.trim().split(/[，。；：,;:\n]/)[0]!.trim();
  return clause.length > 24 ? `${clause.slice(0, 23)}…` : clause;
}

/**
 * The body's open deadlines as an iCalendar feed, one event per assignment at
 * its deadline instant, written in UTC (…Z) so every client shows it at the
 * right Beijing time; the summary names the task, the description says what is owed.
 */
export async function bodyCalendar(prisma: PrismaClient, bodyId: string): Promise<string> {
  const body = await prisma.body.findUniqueOrThrow({ where: { id: bodyId } });
  const assignments = await prisma.assignment.findMany({
    where: { bodyId, due: { not: null }, status: { in: [...openStatuses] } },
    include: { task: { select: { ref: true, text: true, plan: { select: { title: true } } } } },
    orderBy: { due: 'asc' },
  });
  const calendar = ical({ name: `${body.shortName} 督办期限`, prodId: '//Duban//督办//ZH' });
  for (const a of assignments) {
    calendar.createEvent({
      id: `${a.id}@duban`,
      start: a.due!,
      end: a.due!,
      summary: `【期限】${a.task.ref} ${shortTitle(a.task.text)}`,
      description: [a.deliverable ? `应报送：${a.deliverable}` : null, a.task.text, `—— ${a.task.plan.title}`].filter(Boolean).join('\n\n'),
    });
  }
  return calendar.toString();
}
