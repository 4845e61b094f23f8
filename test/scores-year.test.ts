import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalBodies, reportingUnits } from '../domain/filing/bodies.ts';
import { defaultRubric } from '../domain/scoring/rubric.ts';
import type { CriterionResult } from '../domain/scoring/score.ts';
import { computeScoreSheet } from '../services/scores.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/**
 * A scoring year built by hand in the read model (2016, Shanghai time):
 *  - task 3.1 (各区县人民政府 split into members' own assignments): 和平区 lead due 06-30, never submitted;
 *    河西区 submitted on time;
 *  - task 3.2 (an older import: one assignment naming the group 各区县人民政府) due 12-21, submitted 12-24 10:00;
 *  - task 4.1 市市场监管委 lead due 05-31, extended to 07-31 in time, submitted 07-20;
 *  - task 4.2 市绩效办 and 天津银监局 leads overdue (neither is scored by default);
 *  - the escalation ladder: 和平区 on 3.1 an urge (0 points) on 07-01 and a yellow 督办单 (−1) on 07-07; a red one
 *    (−2) on 2017-01-06, after the year; 市绩效办 a yellow on 4.2 (not scored);
 *  - the 2016 evaluation round (deadline 12-15, consolidated): 河西区 submitted 12-20 and accepted (逾期报送),
 *    南开区 never submitted (未报送), everyone else on time;
 *  - filing round 一 (deadline 03-31, filed): 市商务委 never submitted; round 二 (deadline 11-30, still open):
 *    市环保局 submitted 12-05; everyone else on time.
 */
const at = (s: string) => new Date(`2016-${s}+08:00`);
const due = (day: string) => at(`${day}T23:59:59`);

async function buildYear(db: TestDatabase) {
  const { prisma } = db;
  const bodies = await prisma.body.findMany({ where: { registryId: 'tianjin' }, orderBy: { id: 'asc' } });
  const name = (id: string) => bodies.find((b) => b.id === id)!.shortName;
  await prisma.plan.create({ data: { id: 'plan-2016', title: '评分年度', sourceText: '（手工构造）' } });
  await prisma.section.create({ data: { id: 'plan-2016#1', planId: 'plan-2016', ordinal: 1, title: '一' } });
  const assignment = async (ref: string, bodyId: string, fields: { due: Date; submittedAt?: Date; originalDue?: Date; origin?: string; status?: string }) => {
    const taskId = `plan-2016/${ref}`;
    await prisma.task.upsert({ where: { id: taskId }, create: { id: taskId, planId: 'plan-2016', sectionId: 'plan-2016#1', ref, text: `任务 ${ref}` }, update: {} });
    await prisma.assignment.create({
      data: {
        id: `${taskId}/${name(bodyId)}`, taskId, bodyName: name(bodyId), bodyId, role: 'lead', due: fields.due, originalDue: fields.originalDue ?? fields.due,
        submittedAt: fields.submittedAt ?? null, status: fields.status ?? (fields.submittedAt ? 'accepted' : 'assigned'), origin: fields.origin ?? null,
      },
    });
  };
  await assignment('3.1', 'district-heping', { due: due('06-30'), origin: '各区县人民政府' });
  await assignment('3.1', 'district-hexi', { due: due('06-30'), submittedAt: at('06-28T10:00:00'), origin: '各区县人民政府' });
  await assignment('3.2', 'district-governments', { due: due('12-21'), submittedAt: at('12-24T10:00:00') });
  await assignment('4.1', 'market-commission', { due: due('07-31'), originalDue: due('05-31'), submittedAt: at('07-20T10:00:00') });
  await assignment('4.2', 'performance-office', { due: due('03-31') });
  await assignment('4.2', 'cbrc-tianjin', { due: due('03-31') });
  const escalated = (ref: string, seq: number, bodyId: string, when: Date, action: string, points: number) =>
    prisma.taskEvent.create({
      data: {
        id: `plan-2016/${ref}#${seq}`, taskId: `plan-2016/${ref}`, seq, type: 'escalated', at: when, actorName: '督办系统', bodyName: name(bodyId),
        data: JSON.stringify({ rungId: action, action, points, ...(points ? { slipNumber: `督办〔${when.getUTCFullYear()}〕${seq}号` } : {}) }),
      },
    });
  await escalated('3.1', 1, 'district-heping', at('07-01T17:00:00'), 'urge', 0);
  await escalated('3.1', 2, 'district-heping', at('07-07T17:00:00'), 'yellowSlip', -1);
  await escalated('3.1', 3, 'district-heping', new Date('2017-01-06T17:00:00+08:00'), 'redSlip', -2);
  await escalated('4.2', 1, 'performance-office', at('04-08T17:00:00'), 'yellowSlip', -1);

  await prisma.evaluationRound.create({ data: { id: 'evaluation:2016', year: 2016, deadline: due('12-15'), status: 'consolidated', openedAt: at('10-08T09:00:00'), openedBy: 'schedule' } });
  for (const b of reportingUnits(bodies)) {
    const submittedAt = b.id === 'district-nankai' ? null : b.id === 'district-hexi' ? at('12-20T10:00:00') : at('12-10T10:00:00');
    await prisma.unitReport.create({
      data: {
        id: `evaluation:2016/${b.id}`, roundId: 'evaluation:2016', bodyId: b.id, bodyName: b.shortName, unitKind: b.kind === 'district' ? 'district' : 'department',
        status: submittedAt ? 'accepted' : 'pending', due: due('12-15'), submittedAt,
      },
    });
  }
  const rounds = [
    { id: 'filing:2016-1', title: '2016 年第一批', deadline: due('03-31'), status: 'filed', late: null, missing: 'commerce' },
    { id: 'filing:2016-2', title: '2016 年第二批', deadline: due('11-30'), status: 'open', late: 'environment', missing: null },
  ];
  for (const r of rounds) {
    await prisma.filingRound.create({ data: { id: r.id, title: r.title, deadline: r.deadline, status: r.status, openedAt: at('01-04T09:00:00'), openedBy: 'account-supervisor' } });
    for (const b of approvalBodies(bodies)) {
      const submittedAt = b.id === r.missing ? null : b.id === r.late ? at('12-05T10:00:00') : new Date(r.deadline.getTime() - 5 * 86_400_000);
      await prisma.bodyFiling.create({
        data: { id: `${r.id}/${b.id}`, roundId: r.id, bodyId: b.id, bodyName: b.shortName, status: submittedAt ? 'accepted' : 'pending', due: r.deadline, submittedAt },
      });
    }
  }
}

const lines = (breakdown: CriterionResult[]) => breakdown.flatMap((c) => c.deductions.map((d) => `${c.criterion} ${d.source} ${d.points}`));

describe('a scoring year built by hand', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildYear(db);
  }, 120_000);
  afterAll(() => db?.dispose());

  it('scores every line from the rounds that apply, districts included, the performance office and central agencies left out', async () => {
    const sheet = await computeScoreSheet(db.prisma, 2016, defaultRubric, '市绩效办', new Date('2017-02-01T00:00:00Z'));
    const scores = await db.prisma.bodyScore.findMany({ where: { sheetId: sheet.id }, orderBy: { bodyId: 'asc' } });
    const actual = Object.fromEntries(scores.map((s) => [s.bodyId, { score: s.score, lines: lines(JSON.parse(s.breakdown) as CriterionResult[]) }]));

    // Worked by hand with the default rubric, as of 2016-12-31 24:00 (+08:00):
    //  3.1 owed since 06-30 23:59:59: 184 days → overdue −3, days −18.4.
    //  3.2 submitted 12-24 10:00, due 12-21 23:59:59: 2 days 10 h → 3 days → overdue −3, days −0.3, for each of the 16 districts.
    //  Report late −5 (逾期报送), missing −10 (未报送). Catalogue missing −10, late −5, one line per filing round.
    //  和平区's yellow 督办单 on 3.1 −1 (督办扣分); its urge has no score effect and its red slip came after the year.
    const group = 'plan-2016/3.2/各区县人民政府';
    const district = (extra: string[] = []) => [`overdueAssignments ${group} 3`, `overdueDays ${group} 0.3`, ...extra];
    const districts = (await db.prisma.body.findMany({ where: { kind: 'district' }, select: { id: true } })).map((b) => b.id);
    const expected: Record<string, { score: number; lines: string[] }> = Object.fromEntries(districts.map((id) => [id, { score: 96.7, lines: district() }]));
    expected['district-heping'] = {
      score: 74.3,
      lines: [
        'overdueAssignments plan-2016/3.1/和平区人民政府 3', `overdueAssignments ${group} 3`,
        'overdueDays plan-2016/3.1/和平区人民政府 18.4', `overdueDays ${group} 0.3`,
        'escalations plan-2016/3.1#2 1',
      ],
    };
    expected['district-hexi'] = { score: 91.7, lines: district(['report evaluation:2016/district-hexi 5']) };
    expected['district-nankai'] = { score: 86.7, lines: district(['report evaluation:2016/district-nankai 10']) };
    for (const b of approvalBodies(await db.prisma.body.findMany({ where: { registryId: 'tianjin' } }))) expected[b.id] = { score: 100, lines: [] };
    expected['commerce'] = { score: 90, lines: ['catalogue filing:2016-1/commerce 10'] };
    expected['environment'] = { score: 95, lines: ['catalogue filing:2016-2/environment 5'] };

    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);
    expect(actual['market-commission']).toEqual({ score: 100, lines: [] });
    expect(actual).not.toHaveProperty('performance-office');
    expect(actual).not.toHaveProperty('cbrc-tianjin');
    const hexi = JSON.parse(scores.find((s) => s.bodyId === 'district-hexi')!.breakdown) as CriterionResult[];
    expect(hexi.find((c) => c.criterion === 'report')!.deductions[0]!.detail).toBe('专题报告 self-evaluation report 逾期 5 天报送 submitted 5 day(s) late');
    const heping = JSON.parse(scores.find((s) => s.bodyId === 'district-heping')!.breakdown) as CriterionResult[];
    expect(heping.find((c) => c.criterion === 'escalations')).toEqual({
      criterion: 'escalations', label: '督办扣分 Escalations', points: -1, capped: false,
      deductions: [{ source: 'plan-2016/3.1#2', detail: '任务 3.1（牵头） 黄色督办单 yellow supervision slip 督办〔2016〕2号', points: 1 }],
    });
  });

  it('scores whom the rubric names: regulators included, a district excluded', async () => {
    const rubric = { ...defaultRubric, version: 'test-population', scoredBodyKinds: ['department', 'district', 'regulator'], excludedBodies: ['performance-office', 'district-jixian'] };
    const sheet = await computeScoreSheet(db.prisma, 2016, rubric, '市绩效办', new Date('2017-02-01T00:00:00Z'));
    const scores = await db.prisma.bodyScore.findMany({ where: { sheetId: sheet.id } });
    expect(scores.find((s) => s.bodyId === 'cbrc-tianjin')).toMatchObject({ score: 100 - 3 - 20 });
    expect(scores.map((s) => s.bodyId)).not.toContain('district-jixian');
    expect(scores.map((s) => s.bodyId)).not.toContain('performance-office');
  });
});
