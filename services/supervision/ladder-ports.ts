import { defaultLadder, type LadderRung } from '../../domain/supervision/ladder.ts';
import { slipId, slipResponseWorkingDays, type IssuedSlip, type LadderPorts, type SlipRequest } from '../../domain/supervision/slips.ts';
import { nthWorkingDayEnd, type WorkingDayCalendar } from '../../domain/time/calendar.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import { Prisma } from '../../prisma/generated/client.ts';
import { type PrismaClient } from '../../runtime/db.ts';
import { bulkSql, insertRows, jsonList } from '../../runtime/sql.ts';
import { issuerOf } from '../../readmodel/bulletins/generate.ts';
import { responsiblePeople } from '../../readmodel/responsible.ts';
import { caseWorkingDays } from '../holiday-calendar.ts';
import type { SlipWording } from './slip-document.ts';

/** A plan's ladder as stored (null: the default one). */
export const ladderOf = (plan: { escalationLadder: string | null }): LadderRung[] =>
  plan.escalationLadder ? (JSON.parse(plan.escalationLadder) as LadderRung[]) : defaultLadder.map((r) => ({ ...r, trigger: { ...r.trigger } }));

/** The escalation ladder's reads and writes over the read model, for the worker's activities. */
export function ladderPorts(prisma: PrismaClient): LadderPorts {
  return {
    async ladder(planId, from) {
      const [plan] = await bulkSql(prisma).query<{ escalationLadder: string | null }>(Prisma.sql`SELECT "escalationLadder" FROM "Plan" WHERE "id" = ${planId}`);
      return { rungs: plan ? ladderOf(plan) : [], calendar: (await caseWorkingDays(prisma, from)).calendar, from };
    },
    issueSlip: async (request) => (await issueSlips(prisma, [request]))[0]!,
    issueSlips: (requests) => issueSlips(prisma, requests),
    async acknowledgeSlip(id, by, at) {
      await prisma.supervisionSlip.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: new Date(at), acknowledgedBy: by } });
    },
  };
}

const issued = (slip: { id: string; year: number; serial: number; respondBy: Date }): IssuedSlip => ({ id: slip.id, year: slip.year, serial: slip.serial, respondBy: slip.respondBy.toISOString() });

/**
 * Issues 督办单 once per rung per assignment: a retry finds the rows already
 * made; the number 督办〔year〕n号 is the next in the plan and year. Each row keeps
 * the document's words as they are when it is issued (its wording); the .docx is
 * rendered from them on its first download (slip-file.ts), off the ladder's path
 * that every import's projections wait behind. The slips a task's ladder fires
 * at one instant (an import's past-due rungs) come together and share their
 * reads: the calendar, the plan, the issuing office, and the units with their
 * 负责人 (one read for the batch). The hot reads are raw (runtime/sql.ts bulkSql).
 *
 * One statement per slip allocates the number and inserts the row: SQLite runs it
 * under its write lock, so no other writer numbers between the read and the write;
 * on PostgreSQL two slips of a plan issued at once may read the same last number,
 * and the unique (plan, year, serial) refuses the second, whose activity retries
 * (as the transaction it replaces did). A retry's id conflicts: nothing is
 * written and the row already made is returned.
 */
async function issueSlips(prisma: PrismaClient, requests: SlipRequest[]): Promise<IssuedSlip[]> {
  const reads = sharedReads(prisma, [...new Set(requests.map((r) => r.bodyId))]);
  const slips: IssuedSlip[] = [];
  for (const r of requests) {
    const [{ calendar }, wording] = await Promise.all([reads.calendar(Date.parse(r.at)), wordingOf(reads, r)]);
    slips.push(await issueOne(prisma, r, calendar, wording));
  }
  return slips;
}

/** The reads a batch of slips to these units shares, each made once. */
function sharedReads(prisma: PrismaClient, bodyIds: string[]) {
  const sql = bulkSql(prisma);
  const made = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    if (!made.has(key)) made.set(key, read());
    return made.get(key) as Promise<T>;
  };
  return {
    calendar: (at: number) => once(`calendar ${at}`, () => caseWorkingDays(prisma, at)),
    planTitle: (planId: string) => once(`plan ${planId}`, async () => {
      const [plan] = await sql.query<{ title: string }>(Prisma.sql`SELECT "title" FROM "Plan" WHERE "id" = ${planId}`);
      if (!plan) throw new Error(`Plan ${planId} is not in the read model`);
      return plan.title;
    }),
    units: () => once('units', async () => {
      const [bodies, responsible] = await Promise.all([
        sql.query<{ id: string; fullName: string }>(Prisma.sql`SELECT "id", "fullName" FROM "Body" WHERE "id" IN ${jsonList(sql.dialect, bodyIds)}`),
        responsiblePeople(prisma, bodyIds),
      ]);
      return new Map(bodies.map((b) => [b.id, { fullName: b.fullName, responsible: responsible.get(b.id) ?? null }]));
    }),
    issuer: () => once('issuer', () => issuerOf(prisma, null)),
  };
}

async function issueOne(prisma: PrismaClient, r: SlipRequest, calendar: WorkingDayCalendar, wording: SlipWording): Promise<IssuedSlip> {
  const id = slipId(r.taskId, r.bodyName, r.rungId);
  const issuedAt = Date.parse(r.at);
  const respondBy = new Date(nthWorkingDayEnd(calendar, issuedAt, slipResponseWorkingDays));
  const year = Number(shanghaiDate(issuedAt).slice(0, 4));
  const serial = Prisma.sql`(SELECT COALESCE(MAX("serial"), 0) + 1 FROM "SupervisionSlip" WHERE "planId" = ${r.planId} AND "year" = ${year})`;
  const row = {
    id, planId: r.planId, taskId: r.taskId, bodyName: r.bodyName, bodyId: r.bodyId, rungId: r.rungId, level: r.level, year,
    serial, issuedAt: new Date(issuedAt), due: new Date(r.due), daysOverdue: r.daysOverdue, respondBy, wording: JSON.stringify(wording),
  };
  const [made] = await bulkSql(prisma).query<{ serial: number | bigint }>(insertRows('SupervisionSlip', [row], 'ON CONFLICT ("id") DO NOTHING RETURNING "serial"'));
  if (made) return issued({ id, year, serial: Number(made.serial), respondBy });
  const slip = await prisma.supervisionSlip.findUniqueOrThrow({ where: { id } });
  // Numbered before slips kept their wording, and a crash came before its document: keep it now.
  if (!slip.fileId && !slip.wording) await prisma.supervisionSlip.updateMany({ where: { id, fileId: null, wording: null }, data: { wording: JSON.stringify(wording) } });
  return issued(slip);
}

/**
 * The slip's words that its row does not hold, as they read when it is issued: the issuing office, the unit and its 负责人
 * (read for all the batch's units at once), the plan; the task's ref and title come with the request.
 */
async function wordingOf(reads: ReturnType<typeof sharedReads>, r: SlipRequest): Promise<SlipWording> {
  const [planTitle, units, issuer] = await Promise.all([reads.planTitle(r.planId), reads.units(), reads.issuer()]);
  const unit = units.get(r.bodyId);
  return { issuer, unit: unit?.fullName ?? r.bodyName, responsible: unit?.responsible ?? null, taskRef: r.taskRef, taskTitle: r.taskTitle, planTitle };
}
