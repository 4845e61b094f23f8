// Issue 16 items 6 and 7: the ledger export answers the ledger query's filters with
// the same rows in the same order, as a workbook an office can hand on; the calendar
// feed's link is absolute and its instants are the deadlines themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { commitPlan } from '../services/plans/commit.ts';
import { shanghaiOffsetMs } from '../domain/time/instants.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const publicUrl = 'https://duban.example.gov.cn';
const soon = new Date(Date.now() + 10 * 86_400_000);
soon.setUTCHours(15, 59, 59, 0); // 23:59:59 in Beijing

describe('ledger exports and the calendar feed', () => {
  let stack: TestStack;
  let supervisor: string;
  let market: string;
  let overduePlan: string;
  let soonPlan: string;

  const commit = (title: string, due: string, tasks: Array<{ ref: string; section: string; text: string; leads: string[]; supports: string[] }>) =>
    commitPlan(
      { prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir },
      { title, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', tasks, requirements: [{ text: '制定实施细则', due, recurrence: null, appliesTo: ['各牵头部门', '各配合部门'] }] },
    );

  beforeAll(async () => {
    // Links are built on DUBAN_PUBLIC_URL when it is set.
    stack = await startTestStack(undefined, { publicUrl });
    [supervisor, market] = [await stack.api.login('supervisor'), await stack.api.login('market')];
    ({ planId: overduePlan } = await commit('逾期导出方案', '2016-01-31T23:59:59+08:00', [
      { ref: '1.1', section: '一', text: '建立健全市场监管制度，推进改革。', leads: ['市市场监管委'], supports: ['市法制办'] },
      { ref: '1.2', section: '一', text: '清理规范性文件。', leads: ['市法制办'], supports: [] },
      { ref: '2.1', section: '二', text: '开展联合抽查。', leads: ['市发展改革委', '市市场监管委'], supports: [] },
    ]));
    ({ planId: soonPlan } = await commit('近期导出方案', soon.toISOString(), [
      { ref: '1.1', section: '一', text: '编制双随机抽查清单，向社会公布。', leads: ['市市场监管委'], supports: [] },
    ]));
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { task: { planId: { in: [overduePlan, soonPlan] } } } })).toBe(6));
    // The overdue plan's rows have turned red (its workflows' overdue timers have fired).
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { task: { planId: overduePlan }, light: 'red' } })).toBe(5));
  });
  afterAll(() => stack?.stop());

  const csvRows = async (params: Record<string, string>, token = supervisor) => {
    const response = await fetch(`${stack.base}/exports/ledger.csv?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('计划,部分,任务编号,任务,承办单位,分工,办理状态,期限（北京时间）,逾期天数,状态灯,退回次数');
    return lines.slice(1).map((line) => line.split(','));
  };
  const ledger = async (filter: Record<string, unknown>, orderBy: string, token = supervisor) => {
    const { data, errors } = await stack.api.request(
      `query ($filter: AssignmentFilter, $orderBy: AssignmentOrder) { assignments(filter: $filter, orderBy: $orderBy, first: 500) { edges { node { bodyName task { ref } } } } }`,
      { filter, orderBy },
      token,
    );
    expect(errors).toBeUndefined();
    return (data.assignments.edges as Array<{ node: { bodyName: string; task: { ref: string } } }>).map(({ node }) => `${node.task.ref} ${node.bodyName}`);
  };

  it('exports exactly the rows the ledger query answers for the same filter, in its order', async () => {
    const plan = globalId('Plan', overduePlan);
    const cases: Array<{ params: Record<string, string>; filter: Record<string, unknown>; count: number }> = [
      { params: { planId: plan }, filter: { planId: plan }, count: 5 },
      { params: { planId: plan, sectionOrdinal: '2' }, filter: { planId: plan, sectionOrdinal: 2 }, count: 2 },
      { params: { planId: plan, bodyId: globalId('Body', 'market-commission') }, filter: { planId: plan, bodyId: globalId('Body', 'market-commission') }, count: 2 },
      { params: { planId: plan, role: 'support' }, filter: { planId: plan, role: 'support' }, count: 1 },
      { params: { planId: plan, status: 'assigned', light: 'red', overdue: 'true' }, filter: { planId: plan, status: 'assigned', light: 'red', overdue: true }, count: 5 },
      { params: { planId: globalId('Plan', soonPlan), dueWithinDays: '30' }, filter: { planId: globalId('Plan', soonPlan), dueWithinDays: 30 }, count: 1 },
      { params: { planId: globalId('Plan', soonPlan), overdue: 'true' }, filter: { planId: globalId('Plan', soonPlan), overdue: true }, count: 0 },
    ];
    for (const { params, filter, count } of cases) {
      for (const orderBy of ['urgency', 'body', 'task']) {
        const exported = (await csvRows({ ...params, orderBy })).map((cells) => `${cells[2]} ${cells[4]}`);
        expect(exported, JSON.stringify({ params, orderBy })).toEqual(await ledger(filter, orderBy));
        expect(exported).toHaveLength(count);
      }
    }
    // A department exports the tasks its body takes part in, as it sees the ledger.
    const own = (await csvRows({ planId: plan, orderBy: 'task' }, market)).map((cells) => `${cells[2]} ${cells[4]}`);
    expect(own).toEqual(await ledger({ planId: plan }, 'task', market));
    expect(own).toEqual(['1.1 市市场监管委', '1.1 市法制办', '2.1 市发展改革委', '2.1 市市场监管委']);
    // The console's words, the plan and section columns.
    const support = (await csvRows({ planId: plan, role: 'support' }))[0]!.join(',');
    expect(support).toMatch(/^逾期导出方案,（一）[^,]*,1\.1,建立健全市场监管制度，推进改革。,市法制办,配合,已交办,2016-01-31,\d+,逾期,0$/);
  });

  it('refuses a filter parameter it cannot read, in words', async () => {
    for (const params of <Array<Record<string, string>>>[{ status: 'nonsense' }, { planId: 'x' }, { bodyId: globalId('Plan', overduePlan) }, { dueWithinDays: '-1' }, { orderBy: 'random' }, { overdue: 'yes' }]) {
      const response = await fetch(`${stack.base}/exports/ledger.xlsx?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${supervisor}` } });
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect((await response.json()).error).toMatch(/筛选参数 .* 无效。 Invalid filter parameter/);
    }
    expect((await fetch(`${stack.base}/exports/ledger.xlsx?overdue=true`)).status).toBe(401);
  });

  it('writes the .xlsx with a title row, a frozen filtered header, real dates and the console\'s words', async () => {
    const response = await fetch(`${stack.base}/exports/ledger.xlsx?planId=${encodeURIComponent(globalId('Plan', overduePlan))}&orderBy=task`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('督办台账')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^督办台账　逾期导出方案　截至 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/);
    expect(sheet.getRow(2).values).toEqual([undefined, '计划', '部分', '任务编号', '任务', '承办单位', '分工', '办理状态', '期限（北京时间）', '逾期天数', '状态灯', '退回次数']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:K2');
    const rows = sheet.getRows(3, sheet.rowCount - 2)!;
    expect(rows.map((r) => `${r.getCell(3).value} ${r.getCell(5).value} ${r.getCell(6).value}`)).toEqual([
      '1.1 市市场监管委 第一牵头', '1.1 市法制办 配合', '1.2 市法制办 第一牵头', '2.1 市发展改革委 第一牵头', '2.1 市市场监管委 牵头',
    ]);
    for (const row of rows) {
      expect(row.getCell(1).value).toBe('逾期导出方案');
      const due = row.getCell(8);
      // A real date, showing the Beijing deadline 2016-01-31 23:59:59.
      expect(due.value).toBeInstanceOf(Date);
      expect((due.value as Date).toISOString()).toBe(new Date(Date.parse('2016-01-31T23:59:59+08:00') + shanghaiOffsetMs).toISOString());
      expect(due.numFmt).toBe('yyyy-mm-dd');
      expect(row.getCell(7).value).toBe('已交办');
      expect(row.getCell(10).value).toBe('逾期');
    }
  });

  it('serves the calendar feed at an absolute link, every deadline at its instant in UTC, each event named by its task', async () => {
    const { data } = await stack.api.request(`{ node(id: "${globalId('Body', 'market-commission')}") { ... on Body { calendarUrl } } }`, {}, market);
    const url = data.node.calendarUrl as string;
    expect(url).toMatch(new RegExp(`^${publicUrl}/calendar/market-commission\\.ics\\?token=`));
    const response = await fetch(url.replace(publicUrl, stack.base));
    expect(response.status).toBe(200);
    const text = await response.text();
    // No floating times: every DTSTART/DTEND is UTC.
    const times = text.split(/\r\n/).filter((line) => /^DT(START|END)/.test(line));
    expect(times.length).toBeGreaterThan(0);
    for (const line of times) expect(line).toMatch(/^DT(START|END):\d{8}T\d{6}Z$/);

    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const owed = await stack.db.prisma.assignment.findMany({ where: { bodyId: 'market-commission', due: { not: null }, task: { planId: { in: [overduePlan, soonPlan] } } }, include: { task: true } });
    expect(owed).toHaveLength(3);
    for (const a of owed) {
      const event = events.find((e) => e.uid === `${a.id}@duban`)!;
      expect(event, a.id).toBeDefined();
      expect(event.startDate.toJSDate().toISOString()).toBe(a.due!.toISOString());
      expect(event.summary).toMatch(new RegExp(`^【期限】${a.task.ref.replace('.', '\\.')} `));
    }
    const summaries = owed.map((a) => events.find((e) => e.uid === `${a.id}@duban`)!.summary);
    expect(summaries).toEqual(expect.arrayContaining(['【期限】1.1 建立健全市场监管制度', '【期限】2.1 开展联合抽查', '【期限】1.1 编制双随机抽查清单']));
    const soonEvent = events.find((e) => e.summary === '【期限】1.1 编制双随机抽查清单')!;
    expect(soonEvent.startDate.toJSDate().toISOString()).toBe(soon.toISOString());
  });
});
