import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfShanghaiDayIso, shanghaiDate } from '../domain/time/instants.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const dayMs = 86_400_000;
const logins = ['supervisor', 'market', 'legal', 'heping', 'performance', 'admin'] as const;
type Login = (typeof logins)[number];
const dayBefore = (days: number) => shanghaiDate(Date.now() - days * dayMs);

/**
 * A bulletin generated through the API from a plan whose tasks really ran:
 * its numbers equal a hand count, the .docx opens and regenerates to the same
 * body, and only the supervising office and the plan's units may read it.
 */
/** A row's events apart from the escalation ladder's, which follow the overdue notice. */
const withoutEscalations = (events: Array<{ type: string }>) => events.filter((e) => e.type !== 'escalated');

describe('督查通报 through the API', () => {
  let stack: TestStack;
  const tokens = new Map<Login, string>();
  let planId: string;

  async function as<T = any>(login: Login, query: string): Promise<T> {
    const { data, errors } = await stack.api.request(query, {}, tokens.get(login));
    if (errors) throw new Error(JSON.stringify(errors));
    return data as T;
  }
  const act = async (login: Login, ref: string, bodyName: string, type: string, extra = '') => {
    const d = await as(login, `mutation { act(input: { taskId: "${globalId('Task', taskWorkflowId(planId, ref))}", bodyName: "${bodyName}", type: ${type}, comment: "说明"${extra} }) { __typename ... on Error { message } } }`);
    expect(d.act.__typename).toBe('MutationActSuccess');
  };
  const download = async (url: string, login: Login) => {
    const response = await fetch(`${stack.base}${url}`, { headers: { authorization: `Bearer ${tokens.get(login)}` } });
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const generate = (login: Login, periodEnd?: string) =>
    as(login, `mutation { generateBulletin(planId: "${globalId('Plan', planId)}"${periodEnd ? `, periodEnd: "${periodEnd}"` : ''}) {
      __typename ... on Error { message }
      ... on MutationGenerateBulletinSuccess { data { id number periodStart periodEnd url plan { title }
        headline { tasks openTasks closedTasks green yellow red done closedThisPeriod newlyOverdue longestOverdue { taskRef unitName days } }
        ranking { rank unitName due closedOnTime overdue averageOverdueDays }
        overdue { unitName items { taskRef days events { type } } } commended
        redSlips: headline { redSlips interviews } responsible: ranking { unitName responsiblePerson }
        escalations { unitName taskRef action slipNumber workingDays events { type } } } } } }`).then((d) => d.generateBulletin);

  beforeAll(async () => {
    stack = await startTestStack();
    for (const login of logins) tokens.set(login, await stack.api.login(login));
    ({ planId } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: '通报测试方案', issuer: null, issuedOn: dayBefore(30), basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [
        { ref: '1.1', section: '一', text: '逾期未办的任务。', leads: ['市市场监管委'], supports: ['市法制办'], due: endOfShanghaiDayIso(dayBefore(10)) },
        { ref: '1.2', section: '一', text: '逾期后办结的任务。', leads: ['市法制办'], supports: [], due: endOfShanghaiDayIso(dayBefore(5)) },
        { ref: '1.3', section: '一', text: '按期办结的任务。', leads: ['市法制办'], supports: [], due: endOfShanghaiDayIso(dayBefore(0)) },
      ],
      requirements: [],
    }));
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { task: { planId } } })).toBe(4));
    for (const ref of ['1.2', '1.3']) {
      await act('legal', ref, '市法制办', 'submit');
      await act('supervisor', ref, '市法制办', 'accept');
    }
    await eventually(async () => expect(await stack.db.prisma.task.count({ where: { planId, status: 'closed' } })).toBe(2));
    // The office issues the red 督办单 to 市市场监管委 on 1.1 by hand (the ladder's own rungs stop at yellow within 10 days;
    // the ladder loads as the workflow starts), and the bulletin must mention it.
    await eventually(() => act('supervisor', '1.1', '市市场监管委', 'escalate', ', rungId: "red"'));
    await eventually(async () => expect(await stack.db.prisma.taskEvent.count({ where: { task: { planId }, type: 'escalated', data: { contains: '"redSlip"' } } })).toBe(1));
    // 市法制办 has a 负责人 of its own besides its one account; 市市场监管委's one account is its 负责人.
    await stack.db.prisma.account.create({
      data: { id: 'account-chief-legal', login: 'chief-legal', displayName: '张法', role: 'department', bodyId: 'legal-affairs-office', passwordHash: '-', duty: 'responsible' },
    });
  }, 120_000);
  afterAll(() => stack?.stop());

  it('states the hand-counted numbers, in the API and in the .docx, and regenerates to the same document body', async () => {
    const bulletin = await generate('supervisor');
    expect(bulletin.__typename).toBe('MutationGenerateBulletinSuccess');
    const b = bulletin.data;
    expect(b).toMatchObject({ number: 1, periodStart: dayBefore(30), periodEnd: dayBefore(0), plan: { title: '通报测试方案' } });
    expect(b.headline).toEqual({
      tasks: 3, openTasks: 1, closedTasks: 2, green: 0, yellow: 0, red: 2, done: 2, closedThisPeriod: 2, newlyOverdue: 2,
      longestOverdue: { taskRef: '1.1', unitName: '市市场监管委', days: 10 },
    });
    // 市法制办: 1 of 3 due closed on time (1.2 was submitted late); 市市场监管委: 0 of 1.
    expect(b.ranking).toEqual([
      { rank: 1, unitName: '市法制办', due: 3, closedOnTime: 1, overdue: 1, averageOverdueDays: 10 },
      { rank: 2, unitName: '市市场监管委', due: 1, closedOnTime: 0, overdue: 1, averageOverdueDays: 10 },
    ]);
    // The rows trace to their events: the overdue notice each body was sent at import, then the escalation ladder's
    // rungs (as many as working days allow, so only their kind is fixed here).
    expect(b.overdue.map((u: any) => ({ ...u, items: u.items.map((i: any) => ({ ...i, events: withoutEscalations(i.events) })) }))).toEqual([
      { unitName: '市市场监管委', items: [{ taskRef: '1.1', days: 10, events: [{ type: 'overdue' }] }] },
      { unitName: '市法制办', items: [{ taskRef: '1.1', days: 10, events: [{ type: 'overdue' }] }] },
    ]);
    expect(b.commended).toEqual([]);
    // The red 督办单 of the period, and each unit's 负责人.
    expect(b.redSlips).toEqual({ redSlips: 1, interviews: 0 });
    expect(b.escalations).toEqual([{ unitName: '市市场监管委', taskRef: '1.1', action: 'redSlip', slipNumber: expect.stringMatching(/^督办〔\d{4}〕\d+号$/), workingDays: expect.any(Number), events: [{ type: 'escalated' }] }]);
    const red = b.escalations[0];
    expect(b.responsible).toEqual([{ unitName: '市法制办', responsiblePerson: '张法' }, { unitName: '市市场监管委', responsiblePerson: '市市场监管委 承办人' }]);

    const file = await download(b.url, 'supervisor');
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: file.body });
    expect(value).toContain('共有任务3项，其中已办结2项、正在办理1项。');
    expect(value).toContain('红灯（逾期）2项、已办结2项。');
    expect(value).toContain('办结分工2项，新增逾期2项。逾期最久的是市市场监管委承办的1.1项任务，已逾期10天。');
    expect(value).toContain('天津市人民政府督查室');
    expect(value).toContain('本期发出红色督办单1份，列入约谈0次，现予通报：');
    expect(value).toMatch(new RegExp(`市市场监管委承办的1.1项任务「逾期未办的任务」，\\d{4}年\\d{1,2}月\\d{1,2}日发出红色督办单（${red.slipNumber}），时已逾期${red.workingDays}个工作日。`));
    expect(value).toMatch(/负责人[\s\S]*1\s+市法制办\s+张法\s+3[\s\S]*2\s+市市场监管委\s+市市场监管委 承办人\s+1/);

    const body = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const again = await generate('supervisor', dayBefore(0));
    expect(again.data).toMatchObject({ id: b.id, number: 1, periodStart: dayBefore(30) });
    expect(await body((await download(again.data.url, 'supervisor')).body)).toBe(await body(file.body));
  });

  it('every unit of the plan and the supervising office may read and download it; others may not', async () => {
    const { data } = await generate('supervisor', dayBefore(0));
    const seen = Object.fromEntries(await Promise.all(logins.map(async (login) => {
      const list = await as(login, `{ bulletins(planId: "${globalId('Plan', planId)}") { totalCount } }`);
      return [login, [list.bulletins.totalCount > 0, (await download(data.url, login)).status]] as const;
    })));
    // Only the supervising office sees the events behind a row; a unit reads the bulletin as sent.
    const rows = async (login: Login) => (await as(login, `{ node(id: "${data.id}") { ... on Bulletin { overdue { items { events { type } } } } } }`)).node.overdue;
    expect(withoutEscalations((await rows('supervisor'))[0].items[0].events)).toEqual([{ type: 'overdue' }]);
    expect((await rows('market'))[0].items[0].events).toEqual([]);
    expect(seen).toEqual({
      supervisor: [true, 200], market: [true, 200], legal: [true, 200], heping: [false, 404], performance: [false, 404], admin: [false, 404],
    });
    const refused = await as('market', `mutation { generateBulletin(planId: "${globalId('Plan', planId)}") { __typename } }`).catch((e: Error) => e.message);
    expect(String(refused)).toContain('FORBIDDEN');
  });

  it('refuses a period end that is not a date, in the future, or before the last bulletin', async () => {
    expect((await generate('supervisor', dayBefore(0))).__typename).toBe('MutationGenerateBulletinSuccess');
    for (const [periodEnd, words] of [['2026-13-01', 'YYYY-MM-DD'], [shanghaiDate(Date.now() + 2 * dayMs), 'after today'], [dayBefore(1), 'must end later']] as const) {
      const r = await generate('supervisor', periodEnd);
      expect(r.__typename).toBe('ValidationError');
      expect(r.message).toContain(words);
    }
  });
});
