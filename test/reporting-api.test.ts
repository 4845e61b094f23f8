import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { reportingUnits } from '../domain/filing/bodies.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';
import { uploadText } from './helpers/graphql.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const day = 86_400_000;

/**
 * Period reports (定期报告) through the API: the compliance grid with each
 * viewer's visibility, filing with an attachment, returning and filing again,
 * accepting, and 跟催 of a period's missing cells within the urge interval.
 */
describe('the compliance grid and urgeMissingReports through the API', () => {
  let stack: TestStack;
  let tokens: Record<'supervisor' | 'legal' | 'market', string>;
  let planId: string;
  let taskId: string;

  const run = async (query: string, token: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await stack.api.request(query, variables, token);
    if (errors) return { __typename: 'GraphQLError', message: errors[0]!.message } as Record<string, any>;
    return Object.values(data)[0] as Record<string, any>;
  };
  const upload = (name: string, content: string, token: string) => uploadText(stack.base, token, name, content);
  const grid = (token: string) =>
    run(`query ($p: ID!) { reportingGrid(planId: $p) { body { shortName } bodyName task { ref } periodStart periodEnd due status filedAt percent text attachments { name } availableActions } }`, token, { p: globalId('Plan', planId) });
  const act = (token: string, input: Record<string, unknown>) =>
    run(`mutation ($i: PeriodReportActionInput!) { actOnReport(input: $i) { __typename ... on MutationActOnReportSuccess { data { type } } ... on Error { message } } }`, token, {
      i: { taskId: globalId('Task', taskId), ...input },
    });
  const urge = (token: string, periodEnd: string) =>
    run(`mutation ($p: ID!, $e: DateTime!) { urgeMissingReports(planId: $p, periodEnd: $e) { __typename ... on MutationUrgeMissingReportsSuccess { data { urged { bodyName status } recentlyUrged { bodyName } } } ... on Error { message } } }`, token, {
      p: globalId('Plan', planId), e: periodEnd,
    });

  beforeAll(async () => {
    stack = await startTestStack();
    const names = ['supervisor', 'legal', 'market'] as const;
    tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await stack.api.login(n)]))) as typeof tokens;
    // Monthly reports owed since 70 days ago: two or three periods already past their deadline, one under way.
    const now = Date.now();
    ({ planId } = await commitPlan(
      { prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir },
      {
        title: '月报矩阵', issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', reportsFrom: new Date(now - 70 * day).toISOString(),
        tasks: [{ ref: '1.1', section: '一', text: '每月5日前报送工作进展。', leads: ['市法制办', '市市场监管委'], supports: [], due: new Date(now + 300 * day).toISOString(), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' }],
        requirements: [],
      },
    ));
    taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await stack.db.prisma.reportObligation.count({ where: { planId } })).toBeGreaterThanOrEqual(6));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows each viewer its cells, takes a filing with an attachment, a return, a second filing and the acceptance', async () => {
    const all = (await grid(tokens.supervisor)) as Array<Record<string, any>>;
    const periods = [...new Set(all.map((c) => c.periodStart))].sort();
    expect(all).toHaveLength(periods.length * 2);
    const past = all.filter((c) => Date.parse(c.due) < Date.now());
    expect(past.length).toBeGreaterThanOrEqual(4);
    expect(new Set(past.map((c) => c.status))).toEqual(new Set(['missing']));
    expect(all.filter((c) => Date.parse(c.due) >= Date.now()).map((c) => c.status)).toEqual(['notDue', 'notDue']);
    expect(past[0]!.availableActions).toEqual(['urgeReport']);

    // A department sees its own cells only, and may file only its own.
    const legal = (await grid(tokens.legal)) as Array<Record<string, any>>;
    expect(legal.map((c) => c.body.shortName)).toEqual(periods.map(() => '市法制办'));
    expect(legal[0]!.availableActions).toEqual(['fileReport']);
    expect(((await grid(tokens.market)) as Array<Record<string, any>>).every((c) => c.bodyName === '市市场监管委')).toBe(true);
    const first = periods[0]!;
    expect(await act(tokens.legal, { bodyName: '市市场监管委', periodStart: first, type: 'fileReport', comment: '代报' })).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await act(tokens.legal, { bodyName: '市法制办', periodStart: first, type: 'acceptReport' })).toMatchObject({ __typename: 'ForbiddenError' });

    const file = await upload('进展.txt', '本月完成情况', tokens.legal);
    expect(await act(tokens.legal, { bodyName: '市法制办', periodStart: first, type: 'fileReport', comment: '本月进展', percent: 30, attachments: [{ id: file }] }))
      .toEqual({ __typename: 'MutationActOnReportSuccess', data: { type: 'reportFiled' } });
    await eventually(async () => expect(((await grid(tokens.legal)) as Array<Record<string, any>>)[0]).toMatchObject({ status: 'submitted', percent: 30, text: '本月进展', attachments: [{ name: '进展.txt' }], availableActions: [] }));
    expect(await act(tokens.supervisor, { bodyName: '市法制办', periodStart: first, type: 'returnReport', comment: '请补充数据' })).toMatchObject({ data: { type: 'reportReturned' } });
    await eventually(async () => expect(((await grid(tokens.legal)) as Array<Record<string, any>>)[0]).toMatchObject({ status: 'missing', availableActions: ['fileReport'] }));
    expect(await act(tokens.legal, { bodyName: '市法制办', periodStart: first, type: 'fileReport', comment: '本月进展（补充）', percent: 35 })).toMatchObject({ data: { type: 'reportFiled' } });
    expect(await act(tokens.supervisor, { bodyName: '市法制办', periodStart: first, type: 'acceptReport' })).toMatchObject({ data: { type: 'reportAccepted' } });
    await eventually(async () => expect(((await grid(tokens.supervisor)) as Array<Record<string, any>>).find((c) => c.bodyName === '市法制办' && c.periodStart === first)).toMatchObject({ status: 'late', percent: 35 }));
  });

  it('跟催 urges every missing cell of a period once, leaves cells urged within the interval alone, and is the office\'s alone', async () => {
    const all = (await grid(tokens.supervisor)) as Array<Record<string, any>>;
    const second = [...new Set(all.map((c) => c.periodStart))].sort()[1]!;
    const periodEnd = all.find((c) => c.periodStart === second)!.periodEnd as string;
    expect(await urge(tokens.legal, periodEnd)).toMatchObject({ __typename: 'GraphQLError' });
    const urged = await urge(tokens.supervisor, periodEnd);
    expect(urged).toMatchObject({ __typename: 'MutationUrgeMissingReportsSuccess' });
    expect(urged.data.urged.map((c: any) => c.bodyName).sort()).toEqual(['市市场监管委', '市法制办']);
    expect(urged.data.recentlyUrged).toEqual([]);
    await eventually(async () => expect(await stack.db.prisma.taskEvent.count({ where: { taskId, type: 'reportUrged' } })).toBe(2));
    await eventually(async () => expect(await stack.db.prisma.notification.count({ where: { taskId, subject: { contains: '催报' } } })).toBeGreaterThanOrEqual(2));
    // Within the interval (24 hours by default): the same bodies are left alone and listed.
    const again = await urge(tokens.supervisor, periodEnd);
    expect(again.data.urged).toEqual([]);
    expect(again.data.recentlyUrged.map((c: any) => c.bodyName).sort()).toEqual(['市市场监管委', '市法制办']);
  });

  it('exports the grid the viewer sees to .xlsx, with the statuses in words', async () => {
    const download = (token: string, id: string) => fetch(`${stack.base}/exports/reporting-grid/${encodeURIComponent(globalId('Plan', id))}.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    const rowsOf = async (response: Response) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      const values: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const office = await download(tokens.supervisor, planId);
    expect(office.status).toBe(200);
    const officeRows = await rowsOf(office);
    expect(officeRows[1]!.slice(0, 2)).toEqual(['任务', '单位']);
    expect(officeRows.slice(2).map((r) => r[1]).sort()).toEqual(['市市场监管委', '市法制办']);
    expect(officeRows.slice(2).flatMap((r) => r.slice(2)).some((v) => String(v).startsWith('逾期未报'))).toBe(true);
    const legalRows = await rowsOf(await download(tokens.legal, planId));
    expect(legalRows.slice(2).map((r) => r[1])).toEqual(['市法制办']);
    expect((await download(tokens.legal, 'no-such-plan')).status).toBe(404);
    expect((await fetch(`${stack.base}/exports/reporting-grid/${encodeURIComponent(globalId('Plan', planId))}.xlsx`)).status).toBe(401);
    expect((await download(tokens.supervisor, '%%')).status).toBe(404);
  });

  it('shows the yearly special report (the evaluation round) as its own row group, each unit its own', async () => {
    expect(await run('mutation { openEvaluationRound(year: 2016) { __typename } }', tokens.supervisor)).toEqual({ __typename: 'MutationOpenEvaluationRoundSuccess' });
    const units = reportingUnits(tianjinBodies).length;
    await eventually(async () => expect(await stack.db.prisma.unitReport.count({ where: { roundId: 'evaluation:2016' } })).toBe(units));
    const all = (await run('{ evaluationReportingGrid { body { id } year periodStart periodEnd status } }', tokens.supervisor)) as Array<Record<string, any>>;
    expect(all).toHaveLength(units);
    // 2016's reports were due in December 2016: every one is missing.
    expect(all[0]).toMatchObject({ year: 2016, periodStart: '2015-12-31T16:00:00.000Z', periodEnd: '2016-12-31T16:00:00.000Z', status: 'missing' });
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['missing']));
    const own = (await run('{ evaluationReportingGrid { body { shortName } } }', tokens.market)) as Array<Record<string, any>>;
    expect(own.every((c) => c.body.shortName === '市市场监管委')).toBe(true);

    // The .xlsx carries the same row group on its own sheet, with the same access check.
    const sheetOf = async (token: string) => {
      const response = await fetch(`${stack.base}/exports/reporting-grid/${encodeURIComponent(globalId('Plan', planId))}.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('年度专题报告（评估）')!;
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const officeRows = await sheetOf(tokens.supervisor);
    expect(officeRows[1]).toEqual(['单位', '2016 年度']);
    expect(officeRows.slice(2)).toHaveLength(units);
    expect(officeRows.slice(2).every((r) => String(r[1]).startsWith('逾期未报（2016-12-'))).toBe(true);
    const marketRows = await sheetOf(tokens.market);
    expect(marketRows.slice(2).map((r) => r[0])).toEqual(['市市场监管委']);
  });
});
