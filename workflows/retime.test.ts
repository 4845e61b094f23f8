import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { fileObjectionCase, fileRepairApplication } from '../services/credit/cases.ts';
import { arrangement2027 } from '../domain/time/fixtures.ts';
import { packageCovers, type HolidayArrangement } from '../domain/time/holiday-calendar.ts';
import { dayMs, shanghaiDate } from '../domain/time/instants.ts';
import { addWorkingDays } from '../domain/time/working-days.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { setHolidayCalendars } from '../services/holiday-calendar.ts';
import { actors, addEntity, addOfficers, addRecord, announceAndDraw } from '../test/helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { createWorker } from '../worker/create.ts';
import { roundActUpdate } from './inspection.ts';
import { objectionActUpdate } from './objection.ts';

const { supervisor, market, heping } = actors;
const admin: Actor = { accountId: 'account-admin', name: '系统管理员', role: 'admin', bodyId: null };

/**
 * The first instant from `from` on (`from` itself, or 09:00 Shanghai of a
 * later day) whose `workingDays`-day limit, counted weekends only, ends on
 * 1 January of a year the package does not cover: 2027-01-01 for a 20-day
 * limit set between 4 and 6 December 2026.
 */
function instantEndingOnNewYear(from: number, workingDays: number, year?: number): { at: number; deadline: Date } {
  for (let day = 0; day < 1500; day += 1) {
    const at = day === 0 ? from : Date.parse(`${shanghaiDate(from + day * dayMs)}T09:00:00+08:00`);
    const deadline = addWorkingDays(new Date(at), workingDays);
    const date = shanghaiDate(deadline);
    if (date.endsWith('-01-01') && !packageCovers(Number(date.slice(0, 4))) && (year === undefined || Number(date.slice(0, 4)) === year)) return { at, deadline };
  }
  throw new Error('no such instant');
}

describe('provisional working-day deadlines re-timed when a year\'s arrangement is entered', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
  const deps = () => ({ prisma: db.prisma, dataDir: db.dataDir, temporal: env.client, taskQueue: 'duban' });
  const now = () => env.currentTimeMs();
  const sleepUntil = async (at: number) => env.sleep(Math.max(at - (await now()), 1));

  beforeAll(async () => {
    [env, db] = await Promise.all([timeSkippingEnvironment(), createTestDatabase()]);
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), db?.dispose()]);
  });

  it('moves an objection\'s 20-working-day verification, an inspection\'s 20-working-day publication and a repair\'s 10-day review off New Year\'s Day, and the warning goes', async () => {
    const verification = instantEndingOnNewYear(await now(), 20);
    const year = Number(shanghaiDate(verification.deadline).slice(0, 4));
    const review = instantEndingOnNewYear(verification.at, 10, year);
    // Every uncovered year up to the deadline's is entered, 2027 as the State Council might publish it.
    const arrangements: HolidayArrangement[] = [];
    for (let y = Number(shanghaiDate(await now()).slice(0, 4)); y <= year; y += 1) {
      if (!packageCovers(y)) arrangements.push(y === 2027 ? arrangement2027 : { year: y, holidays: [`${y}-01-01`], workingWeekends: [] });
    }

    const code = await addEntity(db.prisma, 1, { district: '红桥区' });
    await addRecord(db.prisma, 'r1', code);
    const repairCode = await addEntity(db.prisma, 2, { district: '河西区' });
    await addRecord(db.prisma, 'r2', repairCode, { kind: 'abnormal', amountYuan: null, date: shanghaiDate(await now()) });
    await db.prisma.attachment.create({ data: { id: 'sha-evidence', name: 'evidence.pdf', size: 1, type: 'application/pdf', uploadedBy: 'account-heping' } });
    await addOfficers(db.prisma, 'market-commission', 'mk', 2);

    await sleepUntil(verification.at);
    const plan = {
      roundId: 'R-retime', title: '年末抽查', date: shanghaiDate(await now()), filter: { districts: ['红桥区'], industries: [] }, sample: { size: 1 },
      checklist: [{ id: 'licence', text: '营业执照公示' }], bodies: [{ bodyId: 'market-commission', industries: [] }], inspectorsPerBody: 2,
    };
    await announceAndDraw(deps(), plan, 'beacon', await now());
    const caseId = await fileObjectionCase(deps(), heping, { entityCode: code, recordId: 'r1', reasons: '罚款金额有误', evidence: [] }, await now());
    await env.client.workflow.getHandle(caseId).executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'accept' } }] });
    await env.client.workflow.getHandle('inspection:R-retime').executeUpdate(roundActUpdate, {
      args: [{ actor: market, action: { type: 'record', entityCode: code, inspectorIds: ['mk-0', 'mk-1'], answers: [{ itemId: 'licence', outcome: 'pass' }] } }],
    });
    await sleepUntil(review.at);
    const repairId = await fileRepairApplication(deps(), heping, { recordId: 'r2', statement: '已补报年报', evidence: ['sha-evidence'], commitment: 'sha-evidence' }, await now());

    const rows = () => Promise.all([
      db.prisma.objectionCase.findUniqueOrThrow({ where: { id: caseId } }),
      db.prisma.inspectionResult.findUniqueOrThrow({ where: { id: `R-retime/${code}` } }),
      db.prisma.repairApplication.findUniqueOrThrow({ where: { id: repairId } }),
    ]);
    const [before, result, repair] = await eventually(async () => {
      const found = await rows();
      expect([found[0].verifyBy, found[1].publishBy, found[2].reviewBy]).toEqual([verification.deadline, verification.deadline, review.deadline]);
      expect([found[0].provisional, found[1].provisional, found[2].provisional]).toEqual([true, true, true]);
      return found;
    });
    expect(shanghaiDate(before.verifyBy!)).toBe(`${year}-01-01`);

    const entered = await setHolidayCalendars(deps(), admin, arrangements);
    expect(entered).toMatchObject({ checked: 3, retimed: 3 });
    const verifyBy = addWorkingDays(new Date(before.acceptedAt!), 20, arrangements);
    const publishBy = addWorkingDays(result.recordedAt, 20, arrangements);
    const reviewBy = addWorkingDays(repair.filedAt, 10, arrangements);
    if (year === 2027) expect([verifyBy, publishBy, reviewBy].map(shanghaiDate)).toEqual(['2027-01-04', '2027-01-04', '2027-01-04']);
    await eventually(async () => {
      const [objection, inspection, application] = await rows();
      expect([objection.verifyBy, inspection.publishBy, application.reviewBy]).toEqual([verifyBy, publishBy, reviewBy]);
      expect([objection.provisional, inspection.provisional, application.provisional]).toEqual([false, false, false]);
      const retimed = await db.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'retimed' } });
      expect(JSON.parse(retimed.data)).toEqual({ before: { verification: verification.deadline.toISOString() }, deadlines: { verification: verifyBy.toISOString() }, provisional: false });
    });
    // Entering it again changes nothing.
    expect(await setHolidayCalendars(deps(), admin, arrangements)).toMatchObject({ checked: 3, retimed: 0 });

    // The old deadline passes quietly; the new one is kept.
    await sleepUntil(verification.deadline.getTime() + 60_000);
    expect(JSON.parse((await db.prisma.objectionCase.findUniqueOrThrow({ where: { id: caseId } })).overdue)).toEqual([]);
    expect((await db.prisma.inspectionResult.findUniqueOrThrow({ where: { id: `R-retime/${code}` } })).overdue).toBe(false);
    await sleepUntil(verifyBy.getTime() + 60_000);
    await eventually(async () => {
      const [objection, inspection, application] = await rows();
      expect([JSON.parse(objection.overdue), inspection.overdue, application.overdue]).toEqual([['verification'], true, true]);
    });
  });
});
