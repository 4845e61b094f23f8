import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { AppealAction } from '../domain/scoring/appeals.ts';
import { defaultRubric } from '../domain/scoring/rubric.ts';
import { scoreBody, type BodyRecord } from '../domain/scoring/score.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { arrangement2027 } from '../domain/time/fixtures.ts';
import { addWorkingDays } from '../domain/time/working-days.ts';
import { setHolidayCalendars } from '../services/holiday-calendar.ts';
import { announceScoreSheet } from '../services/score-appeals.ts';
import { actors } from '../test/helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { createWorker } from '../worker/create.ts';
import { scoreAppealsActUpdate, scoreAppealsQuery, scoreAppealsWorkflowId } from './score-appeals.ts';

const { heping, market } = actors;
const performance: Actor = { accountId: 'account-performance', name: '绩效办', role: 'performance', bodyId: 'performance-office' };
const admin: Actor = { accountId: 'account-admin', name: '系统管理员', role: 'admin', bodyId: null };
const asOf = Date.parse('2016-12-31T23:59:59+08:00');
const report = (bodyId: string, submittedAt: string | null): BodyRecord => ({
  bodyId, year: 2016, assignments: [], catalogues: [], report: { id: `evaluation:2016/${bodyId}`, due: '2016-12-15T23:59:59+08:00', submittedAt },
});

/** A reviewed 2016 sheet: 和平区 missing its report (−10), 市市场监管委 late (−5). */
async function reviewedSheet(db: TestDatabase) {
  const records = [report('district-heping', null), report('market-commission', '2016-12-20T10:00:00+08:00')];
  await db.prisma.scoreSheet.create({
    data: {
      id: '2016v1', year: 2016, version: 1, status: 'reviewed', rubricVersion: defaultRubric.version, rubric: JSON.stringify(defaultRubric), asOf: new Date(asOf),
      computedAt: new Date(asOf), computedBy: '绩效办', reviewedAt: new Date(asOf), reviewedBy: '绩效办',
      scores: {
        create: records.map((r) => {
          const score = scoreBody(r, defaultRubric, asOf);
          return { id: `2016v1/${r.bodyId}`, bodyId: r.bodyId, bodyName: r.bodyId, score: score.score, record: JSON.stringify({ ...r, sources: { report: r.report!.id, catalogue: null } }), breakdown: JSON.stringify(score.breakdown) };
        }),
      },
    },
  });
}

describe('score appeals window (公示与申诉)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
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

  it('closes at the end of the fifth working day (New Year skipped), refuses a later appeal, and publishes the corrected version once every appeal is decided', async () => {
    const deps = { prisma: db.prisma, temporal: env.client, taskQueue: 'duban' };
    // 2027's arrangement entered, so the window counts 元旦 (1–3 January) as holidays.
    await setHolidayCalendars(deps, admin, [arrangement2027]);
    await reviewedSheet(db);
    await db.prisma.attachment.create({ data: { id: 'sha-appeal', name: '报送回执.pdf', size: 1, type: 'application/pdf', uploadedBy: heping.accountId } });
    // Announced on Wednesday 30 December 2026 at 09:00: 31 Dec, 4, 5, 6, 7 January are the five working days.
    const announcedAt = Date.parse('2026-12-30T09:00:00+08:00');
    expect(await now()).toBeLessThan(announcedAt);
    await sleepUntil(announcedAt);
    await announceScoreSheet(deps, performance, '2016v1', 5, await now());
    const handle = env.client.workflow.getHandle(scoreAppealsWorkflowId('2016v1'));
    const closesAt = Date.parse('2027-01-07T23:59:59+08:00');
    expect(addWorkingDays(new Date(announcedAt), 5, [arrangement2027]).getTime()).toBe(closesAt);
    expect((await handle.query(scoreAppealsQuery)).closesAt).toBe(closesAt);
    await eventually(async () => expect(await db.prisma.scoreAppealWindow.findUnique({ where: { id: '2016v1' } })).toMatchObject({ status: 'open', closesAt: new Date(closesAt), provisional: false }));
    expect((await db.prisma.scoreSheet.findUniqueOrThrow({ where: { id: '2016v1' } })).status).toBe('announced');

    const act = (actor: Actor, action: AppealAction) => handle.executeUpdate(scoreAppealsActUpdate, { args: [{ actor, action }] });
    const refusal = (actor: Actor, action: AppealAction) => act(actor, action).then(() => 'accepted', (e: WorkflowUpdateFailedError) => e.cause?.message ?? e.message);
    const appealHeping: AppealAction = { type: 'appeal', bodyId: 'district-heping', criterion: 'report', source: 'evaluation:2016/district-heping', reason: '已于12月14日报送，附回执', evidence: ['sha-appeal'] };
    const appealMarket: AppealAction = { type: 'appeal', bodyId: 'market-commission', criterion: 'report', source: 'evaluation:2016/market-commission', reason: '系统故障延误', evidence: [] };

    // A unit appeals only its own lines, and only lines on the sheet; the performance office cannot appeal.
    expect(await refusal(heping, appealMarket)).toContain('only its own lines');
    expect(await refusal(performance, appealHeping)).toContain('Only a unit appeals');
    expect(await refusal(heping, { ...appealHeping, source: 'nothing' })).toContain('no such deduction');
    expect(await refusal(heping, { ...appealHeping, reason: ' ' })).toContain('reason');
    // Publication waits for the window.
    expect(await refusal(performance, { type: 'publish' })).toContain('has not ended');

    const filed = await act(heping, appealHeping);
    expect(filed).toMatchObject({ type: 'appealed', data: { appealId: '2016v1#1', evidence: ['sha-appeal'] } });
    expect(await refusal(heping, appealHeping)).toContain('already been appealed');
    // Only the performance office decides.
    expect(await refusal(heping, { type: 'uphold', appealId: '2016v1#1', reason: '维持' })).toContain('Only the performance office');

    // The last instant of the window still takes an appeal.
    await sleepUntil(closesAt - 1_000);
    expect((await act(market, appealMarket)).data).toMatchObject({ appealId: '2016v1#2' });
    expect(await db.prisma.scoreAppealWindow.findUniqueOrThrow({ where: { id: '2016v1' } })).toMatchObject({ status: 'open' });

    // The window closes at its end, by itself; an appeal after it is refused.
    await sleepUntil(closesAt + 1_000);
    await eventually(async () => expect((await db.prisma.scoreAppealWindow.findUniqueOrThrow({ where: { id: '2016v1' } })).status).toBe('closed'));
    const closed = await db.prisma.caseEvent.findFirstOrThrow({ where: { caseId: '2016v1', type: 'appealsClosed' } });
    expect(closed.at.getTime()).toBeGreaterThanOrEqual(closesAt);
    expect(await refusal(market, { ...appealMarket, source: 'evaluation:2016/market-commission', reason: '补充' })).toContain('appeal period has ended');
    expect(await refusal(performance, { type: 'publish' })).toContain('undecided');

    // Upheld: the line stands. Corrected: a new version without the line, the old one superseded.
    expect(await act(performance, { type: 'uphold', appealId: '2016v1#2', reason: '逾期事实清楚' })).toMatchObject({ type: 'appealUpheld' });
    expect(await act(performance, { type: 'correct', appealId: '2016v1#1', reason: '回执证明已按时报送' })).toMatchObject({ type: 'appealCorrected' });
    expect(await refusal(performance, { type: 'correct', appealId: '2016v1#1', reason: '再次' })).toContain('has been decided');
    const sheets = await db.prisma.scoreSheet.findMany({ where: { year: 2016 }, include: { scores: true }, orderBy: { version: 'asc' } });
    expect(sheets.map((s) => [s.id, s.status, s.correctsAppealId])).toEqual([['2016v1', 'superseded', null], ['2016v2', 'announced', '2016v1#1']]);
    const score = (id: string) => sheets.find((s) => s.id === id)!.scores.reduce<Record<string, number>>((all, s) => ({ ...all, [s.bodyId]: s.score }), {});
    expect(score('2016v1')).toEqual({ 'district-heping': 90, 'market-commission': 95 });
    expect(score('2016v2')).toEqual({ 'district-heping': 100, 'market-commission': 95 });
    const corrected = sheets[1]!.scores.find((s) => s.bodyId === 'district-heping')!;
    expect(JSON.parse(corrected.withdrawn)).toEqual([{ criterion: 'report', source: 'evaluation:2016/district-heping' }]);
    expect(JSON.parse(corrected.breakdown).find((c: { criterion: string }) => c.criterion === 'report')).toMatchObject({ points: 0, deductions: [{ withdrawn: true, points: 10 }] });
    await eventually(async () => expect(await db.prisma.scoreAppeal.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, correctedSheetId: true, decision: true } })).toEqual([
      { id: '2016v1#1', status: 'corrected', correctedSheetId: '2016v2', decision: '回执证明已按时报送' },
      { id: '2016v1#2', status: 'upheld', correctedSheetId: null, decision: '逾期事实清楚' },
    ]));

    // Published: the corrected version is final, and the workflow ends with it.
    expect(await refusal(heping, { type: 'publish' })).toContain('Only the performance office');
    expect(await act(performance, { type: 'publish' })).toMatchObject({ type: 'published', data: { sheetId: '2016v2' } });
    expect(await handle.result()).toBe('2016v2');
    expect(await db.prisma.scoreSheet.findUniqueOrThrow({ where: { id: '2016v2' } })).toMatchObject({ status: 'published', publishedBy: '绩效办' });
    expect((await db.prisma.scoreAppealWindow.findUniqueOrThrow({ where: { id: '2016v1' } })).status).toBe('published');
  });
});
