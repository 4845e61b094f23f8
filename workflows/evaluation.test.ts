import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { SelfEvaluationReport } from '../domain/evaluation/report.ts';
import { shanghaiYear } from '../domain/evaluation/round.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { ensureEvaluationSchedule, evaluationScheduleId } from '../services/evaluation-schedule.ts';
import type { TestDatabase } from '../test/helpers/database.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { workerEnvironment } from '../test/helpers/worker-environment.ts';
import { evaluationRoundActUpdate, evaluationRoundId, evaluationRoundQuery, reportUnitId } from './evaluation.ts';
import { unitActUpdate } from './round-unit.ts';

const coordinator: Actor = { accountId: 'account-coordinator', name: '统筹协调', role: 'supervisor', bodyId: 'market-commission' };
const heping: Actor = { accountId: 'account-heping', name: '和平区', role: 'department', bodyId: 'district-heping' };
const report: SelfEvaluationReport = {
  followUp: '取消的 12 项审批事项均已明确后续监管责任。', benefits: '企业办事时限平均缩短 40%。', marketVitality: '新登记市场主体同比增长 18%。',
  supervisionEfficiency: '双随机抽查覆盖全部监管事项。', attachments: [],
};

describe('evaluation round opened by its schedule on the dev server', () => {
  const environment = workerEnvironment('dev-server');
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  const year = shanghaiYear(Date.now());
  const roundId = evaluationRoundId(year);
  const round = () => env.client.workflow.getHandle(roundId);

  beforeAll(() => {
    ({ env, db } = environment);
  });

  it('is ensured idempotently, in Asia/Shanghai, on the configured day', async () => {
    // Reports were due on 2 January: the round opens with every unit already overdue.
    await ensureEvaluationSchedule(env.client, 'duban', { opens: '03-01', due: '03-02' });
    await ensureEvaluationSchedule(env.client, 'duban', { opens: '01-01', due: '01-02' });
    const described = await env.client.schedule.getHandle(evaluationScheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars?.[0]).toMatchObject({ month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }], dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 9, end: 9, step: 1 }] });
  });

  // The schedule and the year's round are one each per namespace: opening, a second firing and
  // consolidating are one story, so that it passes alone and in any order beside the test above.
  it('opens the year\'s round for every district and approval body when triggered; a second firing finds it open; a late report is collected and consolidated', async () => {
    await ensureEvaluationSchedule(env.client, 'duban', { opens: '01-01', due: '01-02' });
    await env.client.schedule.getHandle(evaluationScheduleId).trigger();
    const expected = reportingUnits(tianjinBodies).length;
    const reports = await eventually(async () => {
      const found = await db.prisma.unitReport.findMany({ where: { roundId } });
      expect(found).toHaveLength(expected);
      return found;
    }, 90_000);
    expect(reports.filter((r) => r.unitKind === 'district')).toHaveLength(16);
    expect(await db.prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ year, openedBy: 'schedule', deadline: new Date(`${year}-01-02T23:59:59+08:00`) });
    await eventually(async () => expect((await db.prisma.unitReport.findUniqueOrThrow({ where: { id: reportUnitId(year, 'district-heping') } })).light).toBe('red'));

    await env.client.schedule.getHandle(evaluationScheduleId).trigger();
    await eventually(async () => {
      const { recentActions } = (await env.client.schedule.getHandle(evaluationScheduleId).describe()).info;
      expect(recentActions).toHaveLength(2);
      const second = env.client.workflow.getHandle(recentActions[1]!.action.workflow.workflowId, recentActions[1]!.action.workflow.firstExecutionRunId);
      expect(await second.result()).toBe(`${roundId} was already open`);
    }, 30_000);

    const unit = env.client.workflow.getHandle(reportUnitId(year, 'district-heping'));
    await expect(unit.executeUpdate(unitActUpdate, { args: [{ actor: heping, action: { type: 'submit', submission: { ...report, benefits: '' } } }] })).rejects.toMatchObject({
      cause: { message: expect.stringContaining('Benefits to enterprises and the public') },
    });
    await unit.executeUpdate(unitActUpdate, { args: [{ actor: heping, action: { type: 'submit', submission: report } }] });
    await unit.executeUpdate(unitActUpdate, { args: [{ actor: coordinator, action: { type: 'accept' } }] });
    await eventually(async () => expect((await round().query(evaluationRoundQuery)).units.find((u) => u.bodyId === 'district-heping')?.status).toBe('accepted'));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const event = await round().executeUpdate(evaluationRoundActUpdate, { args: [{ actor: coordinator, action: { type: 'consolidate', submittedOn: today } }] });
    expect(event.data.late).toEqual(['district-heping']);
    expect(event.data.missing).toHaveLength(reportingUnits(tianjinBodies).length - 1);
    await round().result();
    const stored = await db.prisma.evaluationRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(stored).toMatchObject({ status: 'consolidated', summaryDate: today });
    expect(JSON.parse(stored.summary!)).toMatchObject({ late: ['district-heping'], accepted: ['district-heping'] });
    const content = (await db.prisma.unitReport.findUniqueOrThrow({ where: { id: reportUnitId(year, 'district-heping') } })).content;
    expect(JSON.parse(content!).marketVitality).toBe(report.marketVitality);
  }, 300_000);
});
