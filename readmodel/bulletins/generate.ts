import { bulletinFigures, type BulletinFigures } from '../../domain/bulletin/figures.ts';
import type { TaskRecord } from '../../domain/bulletin/replay.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { dayMs, shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { storeBytes } from '../files.ts';
import { responsiblePeople } from '../responsible.ts';
import { bulletinDocx } from './document.ts';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (date: string) => datePattern.test(date) && !Number.isNaN(Date.parse(`${date}T12:00:00+08:00`)) && shanghaiDate(`${date}T12:00:00+08:00`) === date;
const addDays = (date: string, days: number) => shanghaiDate(Date.parse(`${date}T12:00:00+08:00`) + days * dayMs);

/** A plan starts on its notice's date on its own timeline (a rebased plan's is shifted), or on its import day. */
export function planStart(plan: { issuedOn: string | null; shiftDays: number; createdAt: Date }): string {
  return plan.issuedOn && validDate(plan.issuedOn) ? addDays(plan.issuedOn, plan.shiftDays) : shanghaiDate(plan.createdAt);
}

/** The supervising office that issues bulletins: the given body, or (for the schedule) the body of the first supervisor account created. */
export async function issuerOf(prisma: PrismaClient, bodyId: string | null): Promise<string> {
  const body = bodyId
    ? await prisma.body.findUnique({ where: { id: bodyId }, select: { fullName: true } })
    : (await prisma.account.findFirst({ where: { role: 'supervisor', bodyId: { not: null } }, orderBy: [{ createdAt: 'asc' }, { login: 'asc' }], select: { body: { select: { fullName: true } } } }))?.body;
  return body?.fullName ?? '督查室';
}

/** Every task of the plan with its assignments and events, as the bulletin figures read them. */
async function planRecords(prisma: PrismaClient, planId: string): Promise<{ tasks: TaskRecord[]; names: Map<string, string> }> {
  const tasks = await prisma.task.findMany({
    where: { planId },
    select: {
      id: true, ref: true, text: true,
      assignments: { select: { id: true, bodyName: true, bodyId: true, role: true, placeholder: true, originalDue: true, body: { select: { shortName: true } } } },
      events: { select: { id: true, seq: true, type: true, at: true, bodyName: true, data: true }, orderBy: { seq: 'asc' } },
    },
  });
  const names = new Map<string, string>();
  const records = tasks.map((t) => ({
    id: t.id, ref: t.ref, text: t.text,
    assignments: t.assignments.map((a) => {
      const unit = a.bodyId ?? a.bodyName;
      names.set(unit, a.body?.shortName ?? a.bodyName);
      return { id: a.id, bodyName: a.bodyName, unit, role: a.role === 'support' ? ('support' as const) : ('lead' as const), placeholder: a.placeholder, originalDue: a.originalDue?.toISOString() ?? null };
    }),
    events: t.events.map((e) => ({ ...e, at: e.at.toISOString(), data: JSON.parse(e.data) as Record<string, unknown> })),
  }));
  return { tasks: records, names };
}

/**
 * Each unit's 负责人 as the bulletin names them: as first named on this period's
 * bulletin (so a regeneration says the same whoever holds the post now), else
 * the unit's 负责人 now.
 */
async function responsibleNames(prisma: PrismaClient, existing: { figures: string } | null, units: string[]): Promise<(unit: string) => string | null> {
  const named = new Map((existing ? (JSON.parse(existing.figures) as BulletinFigures).ranking : []).filter((r) => r.responsible !== undefined).map((r) => [r.unit, r.responsible ?? null]));
  const now = await responsiblePeople(prisma, units);
  return (unit) => (named.has(unit) ? named.get(unit)! : (now.get(unit) ?? null));
}

export interface GenerateBulletin {
  planId: string;
  /** YYYY-MM-DD; default today in Shanghai. */
  periodEnd: string | null;
  /** The generating account's name ("督办系统" for the schedule) and body. */
  by: { name: string; bodyId: string | null };
  now: number;
}

/**
 * Generates (or regenerates) a plan's bulletin for the period ending on
 * `periodEnd`: the period starts the day after the plan's previous bulletin
 * ended, or at the plan's start. A regeneration keeps the period, number,
 * issuer and the 负责人 named, so its document body is the same. The .docx is kept under the
 * data directory by its SHA-256.
 */
export async function generateBulletin(prisma: PrismaClient, dataDir: string, request: GenerateBulletin) {
  const today = shanghaiDate(request.now);
  const periodEnd = request.periodEnd?.trim() || today;
  if (!validDate(periodEnd)) throw new ValidationError(`截止日期应为 YYYY-MM-DD 格式的日期。 periodEnd must be a date as YYYY-MM-DD, got "${periodEnd.slice(0, 20)}".`);
  if (periodEnd > today) throw new ValidationError(`截止日期不能晚于今天（${today}）。 periodEnd cannot be after today (${today}).`);
  const plan = await prisma.plan.findUnique({ where: { id: request.planId }, select: { id: true, title: true, issuedOn: true, shiftDays: true, createdAt: true } });
  if (!plan) throw new NotFoundError('方案不存在。 No such plan.');
  const existing = await prisma.bulletin.findUnique({ where: { planId_periodEnd: { planId: plan.id, periodEnd } } });
  const previous = await prisma.bulletin.findFirst({ where: { planId: plan.id, periodEnd: { lt: periodEnd } }, orderBy: { periodEnd: 'desc' } });
  if (!existing) {
    const latest = await prisma.bulletin.findFirst({ where: { planId: plan.id }, orderBy: { periodEnd: 'desc' }, select: { periodEnd: true } });
    if (latest && latest.periodEnd > periodEnd) {
      throw new ValidationError(`该方案已有截至${latest.periodEnd}的通报，新的通报应截至其后。 This plan has a bulletin up to ${latest.periodEnd}: a new one must end later.`);
    }
  }
  const periodStart = existing?.periodStart ?? (previous ? addDays(previous.periodEnd, 1) : planStart(plan));
  if (periodStart > periodEnd) throw new ValidationError(`本期应从${periodStart}开始，截止日期不能早于它。 The period starts on ${periodStart}: periodEnd cannot be earlier.`);
  const number = existing?.number ?? (await prisma.bulletin.count({ where: { planId: plan.id } })) + 1;
  const issuer = existing?.issuer ?? (await issuerOf(prisma, request.by.bodyId));
  const { tasks, names } = await planRecords(prisma, plan.id);
  const responsible = await responsibleNames(prisma, existing, [...names.keys()]);
  const figures = bulletinFigures(tasks, { start: periodStart, end: periodEnd }, previous?.periodEnd ?? null, (unit) => names.get(unit) ?? unit, responsible);
  const docx = await bulletinDocx({ planTitle: plan.title, number, issuer, figures });
  const fileId = storeBytes(dataDir, docx);
  const row = { fileId, size: docx.length, figures: JSON.stringify(figures), createdAt: new Date(request.now), createdBy: request.by.name };
  const id = `${plan.id}@${periodEnd}`;
  return prisma.bulletin.upsert({
    where: { id },
    create: { id, planId: plan.id, number, periodStart, periodEnd, issuer, ...row },
    update: row,
  });
}
