import { beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { announceInspectionRound, fileObjectionCase, fileRepairApplication } from '../services/credit/cases.ts';
import { drawRound } from '../domain/inspection/draw.ts';
import { redraw, type PopulationEntry, type PublishedOfficer } from '../domain/inspection/published.ts';
import type { RoundAction, RoundPlan } from '../domain/inspection/round.ts';
import type { ObjectionAction } from '../domain/objection/case.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { shanghaiDate } from '../domain/time/instants.ts';
import { actors, addEntity, addOfficers, addRecord, announceAndDraw, testBeaconSource } from '../test/helpers/credit.ts';
import type { TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { workerEnvironment } from '../test/helpers/worker-environment.ts';
import { roundActUpdate, roundDrawUpdate, roundQuery } from './inspection.ts';
import { objectionActUpdate } from './objection.ts';
import { repairActUpdate } from './repair.ts';

const day = 86_400_000;
const { supervisor, market, heping } = actors;

describe('credit workflows on the time-skipping server', () => {
  const environment = workerEnvironment('time-skipping');
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  const deps = () => ({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban' });
  const now = () => env.currentTimeMs();
  const monthsAgo = async (months: number) => shanghaiDate((await now()) - months * 31 * day);
  const objection = (caseId: string, actor: Actor, action: ObjectionAction) =>
    env.client.workflow.getHandle(caseId).executeUpdate(objectionActUpdate, { args: [{ actor, action }] });
  const caseRow = (id: string) => db.prisma.objectionCase.findUniqueOrThrow({ where: { id } });
  const entity = (code: string) => db.prisma.marketEntity.findUniqueOrThrow({ where: { code }, include: { classChanges: { orderBy: { at: 'asc' } } } });
  const file = async (code: string, recordId: string | null) =>
    fileObjectionCase(deps(), heping, { entityCode: code, recordId, reasons: '罚款金额登记有误', evidence: [] }, await now());

  beforeAll(() => {
    ({ env, db } = environment);
  });

  it('accepts an objection, marks the record, asks the providing body and corrects: the class is recomputed at once', async () => {
    const code = await addEntity(db.prisma, 1);
    await addRecord(db.prisma, 'r1', code, { amountYuan: 200_000 });
    await db.prisma.$transaction((tx) => import('../readmodel/classes.ts').then(({ reclassifyEntity }) => reclassifyEntity(tx, code, 'import:test', new Date())));
    expect((await entity(code)).creditClass).toBe('dishonest');

    const caseId = await file(code, 'r1');
    await eventually(async () => expect((await caseRow(caseId)).status).toBe('filed'));
    await objection(caseId, supervisor, { type: 'accept', comment: '材料齐全' });
    expect((await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r1' } })).underObjection).toBe(true);
    await objection(caseId, supervisor, { type: 'askProvider', question: '请核实罚款金额' });
    await expect(objection(caseId, heping, { type: 'providerReply', confirmed: false, reply: '…' })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await objection(caseId, market, { type: 'providerReply', confirmed: false, reply: '录入错误，应为 20000 元' });
    await objection(caseId, supervisor, { type: 'correct', reasons: '按提供单位核实意见更正', correction: { amountYuan: 20_000 } });

    const record = await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r1' } });
    expect([record.amountYuan, record.underObjection, JSON.parse(record.history)[0].caseId]).toEqual([20_000, false, caseId]);
    const after = await entity(code);
    expect(after.creditClass).toBe('warning');
    expect(after.classChanges.map((c) => [c.from, c.to, c.cause])).toEqual([[null, 'dishonest', 'import:test'], ['dishonest', 'warning', `objection:${caseId}`]]);
    await eventually(async () => {
      expect((await caseRow(caseId)).status).toBe('corrected');
      const events = await db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['filed', 'accepted', 'providerAsked', 'providerReplied', 'corrected']);
      const inbox = await db.prisma.notification.findMany({ where: { taskId: caseId } });
      expect(inbox.map((n) => n.accountId).sort()).toEqual(expect.arrayContaining(['account-heping', 'account-market', 'account-supervisor']));
    });
  });

  it('refuses an objection with reasons, leaving the record as it was', async () => {
    const code = await addEntity(db.prisma, 2);
    await addRecord(db.prisma, 'r2', code);
    const caseId = await file(code, 'r2');
    await expect(file(code, 'r2')).rejects.toThrow(/already under way/);
    await expect(objection(caseId, supervisor, { type: 'refuse', reasons: '' })).rejects.toMatchObject({ cause: { message: expect.stringContaining('Give the reasons') } });
    await objection(caseId, supervisor, { type: 'refuse', reasons: '异议事项不属于本机关管辖' });
    await eventually(async () => expect((await caseRow(caseId)).status).toBe('refused'));
    const record = await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r2' } });
    expect([record.underObjection, record.amountYuan, record.history]).toEqual([false, 10_000, '[]']);
    expect(await env.client.workflow.getHandle(caseId).result()).toBe('refused');
  });

  it('marks a verification overdue when its 20 working days pass undecided, and tells the supervising office', async () => {
    const code = await addEntity(db.prisma, 3);
    await addRecord(db.prisma, 'r3', code);
    const caseId = await file(code, 'r3');
    await objection(caseId, supervisor, { type: 'accept' });
    const verifyBy = (await eventually(async () => {
      const row = await caseRow(caseId);
      expect(row.verifyBy).not.toBeNull();
      return row;
    })).verifyBy!;
    await env.sleep(verifyBy.getTime() - (await now()) - 60_000);
    expect(JSON.parse((await caseRow(caseId)).overdue)).toEqual([]);
    await env.sleep(2 * 60_000);
    await eventually(async () => {
      const row = await caseRow(caseId);
      expect([row.status, JSON.parse(row.overdue)]).toEqual(['verifying', ['verification']]);
      const notices = await db.prisma.notification.findMany({ where: { taskId: caseId, kind: 'overdue' } });
      expect(notices.map((n) => n.accountId)).toContain('account-supervisor');
    });
    expect((await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r3' } })).underObjection).toBe(true);
  });

  it('approves a repair: the record stops being published, keeps its history, and the class is recomputed', async () => {
    const code = await addEntity(db.prisma, 4);
    await addRecord(db.prisma, 'r4', code, { kind: 'abnormal', amountYuan: null, date: await monthsAgo(4) });
    await db.prisma.$transaction((tx) => import('../readmodel/classes.ts').then(({ reclassifyEntity }) => reclassifyEntity(tx, code, 'import:test', new Date())));
    await db.prisma.attachment.create({ data: { id: 'sha-evidence', name: 'evidence.pdf', size: 1, type: 'application/pdf', uploadedBy: 'account-heping' } });
    const id = await fileRepairApplication(deps(), heping, { recordId: 'r4', statement: '已按规定报送年报', evidence: ['sha-evidence'], commitment: 'sha-evidence' }, await now());
    await eventually(async () => expect((await db.prisma.repairApplication.findUniqueOrThrow({ where: { id } })).status).toBe('underReview'));
    const handle = env.client.workflow.getHandle(id);
    await expect(handle.executeUpdate(repairActUpdate, { args: [{ actor: heping, action: { type: 'approve' } }] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await handle.executeUpdate(repairActUpdate, { args: [{ actor: supervisor, action: { type: 'approve', comment: '准予修复' } }] });
    expect(await handle.result()).toBe('approved');
    const record = await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r4' } });
    expect([record.status, record.publication, JSON.parse(record.history).map((h: { type: string }) => h.type)]).toEqual(['repaired', 'ended', ['repaired']]);
    expect((await entity(code)).classChanges.map((c) => [c.from, c.to])).toEqual([[null, 'warning'], ['warning', 'good']]);
  });

  it('refuses a repair as too early, by rule, with the date it becomes possible', async () => {
    const code = await addEntity(db.prisma, 5);
    await addRecord(db.prisma, 'r5', code, { date: await monthsAgo(1) });
    await db.prisma.attachment.create({ data: { id: 'sha-early', name: 'receipt.pdf', size: 1, type: 'application/pdf', uploadedBy: 'account-heping' } });
    const id = await fileRepairApplication(deps(), heping, { recordId: 'r5', statement: '已缴清罚款', evidence: ['sha-early'], commitment: 'sha-early' }, await now());
    expect(await env.client.workflow.getHandle(id).result()).toBe('refused');
    const row = await eventually(async () => {
      const found = await db.prisma.repairApplication.findUniqueOrThrow({ where: { id } });
      expect(found.status).toBe('refused');
      return found;
    });
    expect(row.reasons).toMatch(/minimum publication period has not elapsed: repair is possible from \d{4}-\d{2}-\d{2}/);
    expect((await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: 'r5' } })).status).toBe('active');
  });

  describe('inspection rounds', () => {
    /** Each test draws from a district of its own, so its population is its own. */
    const plan = (roundId: string, district: string, over: Partial<RoundPlan> = {}): RoundPlan => ({
      roundId, title: '2026 年第一批双随机抽查', date: '2026-03-01', filter: { districts: [district], industries: [] }, sample: { size: 3 },
      checklist: [{ id: 'licence', text: '营业执照公示' }, { id: 'pricing', text: '明码标价' }],
      bodies: [{ bodyId: 'market-commission', industries: [] }], inspectorsPerBody: 2, ...over,
    });
    const population = async (district: string, first: number, count: number) => {
      const codes: string[] = [];
      for (let n = first; n < first + count; n += 1) codes.push(await addEntity(db.prisma, n, { district }));
      return codes;
    };
    const sampled = async (roundId: string) => {
      const round = await eventually(async () => {
        const r = await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId }, include: { sampled: { orderBy: { ordinal: 'asc' }, include: { inspectors: true } } } });
        expect(r.status).toBe('inspecting');
        return r;
      });
      return { round, codes: round.sampled.map((s) => s.entityCode) };
    };
    const cancel = async (roundId: string) => {
      const handle = env.client.workflow.getHandle(`inspection:${roundId}`);
      await handle.executeUpdate(roundActUpdate, { args: [{ actor: supervisor, action: { type: 'cancel', reasons: '核对抽取' } }] });
      expect(await handle.result()).toBe('cancelled');
      await eventually(async () => expect((await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe('cancelled'));
    };

    beforeAll(async () => {
      await addOfficers(db.prisma, 'market-commission', 'mk', 4);
      // Rated good, in another district: never in these rounds' populations.
      await addEntity(db.prisma, 199, { district: '河西区' });
    });

    it('announces first: the population is frozen under its hash before the beacon exists, and a later entity is not drawn', async () => {
      await population('东丽区', 400, 12);
      await announceInspectionRound(deps(), supervisor, plan('R-2026-A', '东丽区'), testBeaconSource, await now());
      const handle = env.client.workflow.getHandle('inspection:R-2026-A');
      const announced = await eventually(async () => {
        const r = await db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: 'R-2026-A' } });
        expect([r.status, r.beaconSource, r.seed, r.populationSize]).toEqual(['announced', testBeaconSource, null, 12]);
        return r;
      });
      const late = await addEntity(db.prisma, 450, { district: '东丽区' });
      const draw = (actor: Actor, beacon: string) => handle.executeUpdate(roundDrawUpdate, { args: [{ actor, action: { type: 'draw', beacon } }] });
      await expect(draw(market, 'abc')).rejects.toMatchObject({ cause: { message: expect.stringContaining('Only the supervising office') } });
      await expect(draw(supervisor, '  ')).rejects.toMatchObject({ cause: { message: expect.stringContaining('Enter the public random value') } });
      await expect(announceInspectionRound(deps(), supervisor, plan('R-2026-A', '东丽区'), testBeaconSource, await now())).rejects.toThrow(/already in use/);
      await draw(supervisor, ' 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ');
      await expect(draw(supervisor, 'another value')).rejects.toMatchObject({ cause: { message: expect.stringContaining('not waiting for its beacon') } });
      const { round, codes: drawnCodes } = await sampled('R-2026-A');
      expect([round.populationHash, round.populationSize, round.beacon]).toEqual([announced.populationHash, 12, '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']);
      expect(drawnCodes).not.toContain(late);
      expect((await handle.query(roundQuery)).draw!.seed).toBe(round.seed);
      await cancel('R-2026-A');
    });

    it('draws reproducibly from what it records: the same sample from the published data, another with another beacon or population', async () => {
      const codes = await population('南开区', 100, 12);
      await announceAndDraw(deps(), plan('R-2026-1', '南开区'), 'beacon-1', await now());
      const first = await sampled('R-2026-1');
      expect(first.codes).toHaveLength(3);
      expect(first.codes.every((c) => codes.includes(c))).toBe(true);
      const record = await db.prisma.inspectionDrawRecord.findUniqueOrThrow({ where: { roundId: 'R-2026-1' } });
      const publishedPopulation = JSON.parse(record.population) as PopulationEntry[];
      const officers = JSON.parse(record.officers!) as PublishedOfficer[];
      expect(officers.map((o) => o.id)).toEqual(expect.arrayContaining(['mk-0', 'mk-1', 'mk-2', 'mk-3']));
      const published = { roundId: 'R-2026-1', date: '2026-03-01', beacon: 'beacon-1', population: publishedPopulation, officers, bodies: plan('R-2026-1', '南开区').bodies, inspectorsPerBody: 2, sampleRule: { size: 3 } };
      const again = redraw(published);
      expect([again.seed, again.populationHash, again.sample.map((x) => x.code)]).toEqual([first.round.seed, first.round.populationHash, first.codes]);
      expect(JSON.parse(record.sample!)).toEqual(again.sample);
      for (const s of first.round.sampled) expect(s.inspectors.map((i) => i.officerId).sort()).toEqual([...again.sample.find((x) => x.code === s.entityCode)!.inspectors].sort());

      expect(redraw({ ...published, beacon: 'beacon-2' }).seed).not.toBe(first.round.seed);
      const staff = officers.map((o) => ({ id: o.id, bodyId: o.bodyId, conflicts: o.conflicts }));
      codes.push(await addEntity(db.prisma, 112, { district: '南开区' }));
      const changed = drawRound({ id: 'R-2026-1', date: '2026-03-01', beacon: 'beacon-1' }, codes, 3, staff, ['market-commission']);
      expect(changed.populationHash).not.toBe(first.round.populationHash);
      expect(changed.entities).not.toEqual(first.codes);
      await cancel('R-2026-1');
    });

    it('honours recusal: an inspector with a declared conflict is never sent to that entity', async () => {
      const codes = await population('河北区', 200, 13);
      await db.prisma.inspectorConflict.createMany({ data: codes.flatMap((c) => [{ officerId: 'mk-0', entityCode: c, reason: '亲属任职' }, { officerId: 'mk-1', entityCode: c, reason: '曾任顾问' }]) });
      await announceAndDraw(deps(), plan('R-2026-2', '河北区', { sample: { ratio: 1 } }), 'beacon-2', await now());
      const { round } = await sampled('R-2026-2');
      expect(round.sampled).toHaveLength(13);
      for (const s of round.sampled) expect(s.inspectors.map((i) => i.officerId).sort()).toEqual(['mk-2', 'mk-3']);
    });

    it('records a result against the shared checklist and publishes it; the finding becomes a record and changes the class', async () => {
      await population('红桥区', 300, 3);
      await announceAndDraw(deps(), plan('R-2026-3', '红桥区', { sample: { ratio: 1 } }), 'beacon-3', await now());
      const { round } = await sampled('R-2026-3');
      const target = round.sampled[0]!.entityCode;
      const drawn = round.sampled[0]!.inspectors.map((i) => i.officerId);
      const other = ['mk-0', 'mk-1', 'mk-2', 'mk-3'].find((id) => !drawn.includes(id))!;
      const handle = env.client.workflow.getHandle('inspection:R-2026-3');
      const act = (actor: Actor, action: RoundAction) => handle.executeUpdate(roundActUpdate, { args: [{ actor, action }] });
      const answers = [{ itemId: 'licence', outcome: 'pass' as const }, { itemId: 'pricing', outcome: 'fail' as const, note: '未明码标价' }];
      await expect(act(market, { type: 'record', entityCode: target, inspectorIds: [drawn[0]!, other], answers })).rejects.toMatchObject({ cause: { message: expect.stringContaining('was not drawn') } });
      await act(market, { type: 'record', entityCode: target, inspectorIds: drawn, answers, finding: { kind: 'penalty', amountYuan: 150_000, description: '未明码标价' } });
      await act(supervisor, { type: 'publish', entityCodes: [target] });
      const result = await db.prisma.inspectionResult.findUniqueOrThrow({ where: { id: `R-2026-3/${target}` } });
      expect(result.recordId).toBe(`inspection:R-2026-3/${target}`);
      expect((await entity(target)).creditClass).toBe('dishonest');
      expect((await db.prisma.creditRecord.findUniqueOrThrow({ where: { id: result.recordId! } })).source).toBe('inspection');
    });
  });
});
