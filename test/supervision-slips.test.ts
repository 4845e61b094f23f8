import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { endOfShanghaiDayIso, shanghaiDate } from '../domain/time/instants.ts';
import { setHolidayCalendars } from '../services/holiday-calendar.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { ladderPorts } from '../services/supervision/ladder-ports.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const dayMs = 86_400_000;
const logins = ['supervisor', 'market', 'legal', 'performance', 'anonymous'] as const;
type Login = (typeof logins)[number];
const dayBefore = (days: number) => shanghaiDate(Date.now() - days * dayMs);

/**
 * 督办单 through the API: a plan imported 40 days overdue climbs the default
 * ladder at once; its slips are numbered 督办〔year〕n号 in one sequence per
 * plan, downloadable by the office and the unit addressed only, and the unit
 * acknowledges its own through `act`.
 */
describe('督办单 through the API', () => {
  let stack: TestStack;
  const tokens = new Map<Login, string | undefined>();
  let planId: string;

  async function as<T = any>(login: Login, query: string): Promise<T> {
    const { data, errors } = await stack.api.request(query, {}, tokens.get(login));
    if (errors) throw new Error(JSON.stringify(errors));
    return data as T;
  }
  const download = async (url: string, login: Login) => {
    const token = tokens.get(login);
    const response = await fetch(`${stack.base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  const slipsQuery = `{ supervisionSlips { totalCount edges { node { id number level bodyName url daysOverdue acknowledgedAt availableActions task { id ref } } } } }`;

  beforeAll(async () => {
    stack = await startTestStack();
    for (const login of ['supervisor', 'market', 'legal', 'performance'] as const) tokens.set(login, await stack.api.login(login));
    ({ planId } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: '督办单测试方案', issuer: null, issuedOn: dayBefore(60), basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [
        { ref: '1.1', section: '一', text: '久拖未办的任务。', leads: ['市法制办'], supports: [], due: endOfShanghaiDayIso(dayBefore(40)) },
        { ref: '1.2', section: '一', text: '另一项久拖未办的任务。', leads: ['市市场监管委'], supports: [], due: endOfShanghaiDayIso(dayBefore(40)) },
      ],
      requirements: [],
    }));
    // Each assignment reaches every rung: a yellow and a red slip each.
    await eventually(async () => expect(await stack.db.prisma.supervisionSlip.count({ where: { planId } })).toBe(4), 120_000);
    // Settled: every rung on the timelines, and the unit reads its slips with their tasks (whichever test runs first).
    await eventually(async () => expect(await stack.db.prisma.taskEvent.count({ where: { task: { planId }, type: 'escalated' } })).toBe(8), 120_000);
    await eventually(async () => expect((await as('legal', slipsQuery)).supervisionSlips.totalCount).toBe(2));
  }, 240_000);
  afterAll(() => stack?.stop());

  it('numbers a plan\'s slips in one sequence, each rung once per assignment', async () => {
    const slips = await stack.db.prisma.supervisionSlip.findMany({ where: { planId }, orderBy: { serial: 'asc' } });
    expect(slips.map((s) => s.serial)).toEqual([1, 2, 3, 4]);
    expect(new Set(slips.map((s) => s.year)).size).toBe(1);
    expect(slips.map((s) => `${s.bodyName}/${s.level}`).sort()).toEqual(['市市场监管委/red', '市市场监管委/yellow', '市法制办/red', '市法制办/yellow']);
    await eventually(async () => expect(await stack.db.prisma.taskEvent.count({ where: { task: { planId }, type: 'escalated' } })).toBe(8));
  });

  it('lets the office and the unit addressed read and download a slip, nobody else', async () => {
    const office = (await as('supervisor', slipsQuery)).supervisionSlips;
    expect(office.totalCount).toBe(4);
    const legal = (await as('legal', slipsQuery)).supervisionSlips;
    expect(legal.totalCount).toBe(2);
    expect(legal.edges.map((e: any) => e.node.bodyName)).toEqual(['市法制办', '市法制办']);
    // One the unit has not acknowledged (the acknowledgement test may have run first: it takes one of the two).
    const slip = legal.edges.map((e: any) => e.node).find((n: any) => n.acknowledgedAt === null);
    expect(slip.number).toMatch(/^督办〔\d{4}〕[1-4]号$/);
    expect(slip.availableActions).toEqual(['acknowledgeSlip']);

    const file = await download(slip.url, 'legal');
    expect(file.status).toBe(200);
    const xml = await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(slip.number);
    expect(xml).toContain('久拖未办的任务');
    // The unit's 负责人 when it was issued: 市法制办's one account is its 负责人.
    expect(xml).toContain('负责人：市法制办 承办人');
    expect((await download(slip.url, 'supervisor')).status).toBe(200);
    expect((await download(slip.url, 'market')).status).toBe(404);
    expect((await download(slip.url, 'anonymous')).status).toBe(401);
    const marketView = (await as('market', slipsQuery)).supervisionSlips;
    expect(marketView.edges.every((e: any) => e.node.bodyName === '市市场监管委')).toBe(true);
  });

  it('takes the unit\'s acknowledgement through act, once, and not another unit\'s', async () => {
    const legal = (await as('legal', slipsQuery)).supervisionSlips.edges.map((e: any) => e.node);
    const slip = legal.find((n: any) => n.acknowledgedAt === null);
    const ack = (login: Login) =>
      as(login, `mutation { act(input: { taskId: "${slip.task.id}", bodyName: "市法制办", type: acknowledgeSlip, slipId: "${slip.id}" }) { __typename ... on Error { message } } }`);
    // Another unit does not even see the task.
    expect((await ack('market')).act.__typename).toBe('NotFoundError');
    expect((await ack('legal')).act.__typename).toBe('MutationActSuccess');
    expect((await ack('legal')).act.__typename).not.toBe('MutationActSuccess');
    const after = (await as('legal', slipsQuery)).supervisionSlips.edges.map((e: any) => e.node).find((n: any) => n.id === slip.id);
    expect(after.acknowledgedAt).not.toBeNull();
    expect(after.availableActions).toEqual([]);
    expect(taskWorkflowId(planId, '1.1')).toContain(planId);
  });

  it('renders a slip\'s document on its first download, from the words it kept when issued, and serves those bytes after', async () => {
    // No other test downloads this one.
    const slip = await stack.db.prisma.supervisionSlip.findFirstOrThrow({ where: { planId, bodyName: '市市场监管委', level: 'yellow' } });
    expect(slip.fileId).toBeNull();
    expect(JSON.parse(slip.wording!)).toMatchObject({ taskRef: '1.2', taskTitle: '另一项久拖未办的任务', planTitle: '督办单测试方案' });
    const url = `/exports/slips/${encodeURIComponent(slip.id)}.docx`;
    expect((await download(url, 'legal')).status).toBe(404);
    expect((await stack.db.prisma.supervisionSlip.findUniqueOrThrow({ where: { id: slip.id } })).fileId).toBeNull();
    const first = await download(url, 'market');
    expect(first.status).toBe(200);
    const xml = await (await JSZip.loadAsync(first.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`督办〔${slip.year}〕${slip.serial}号`);
    expect(xml).toContain('另一项久拖未办的任务');
    expect(xml).toContain('黄色督办单');
    const after = await stack.db.prisma.supervisionSlip.findUniqueOrThrow({ where: { id: slip.id } });
    expect(after.size).toBe(first.body.length);
    expect((await download(url, 'supervisor')).body.equals(first.body)).toBe(true);
  });

  it('keeps the wording on retry of a slip numbered before slips kept it, when a crash came before its .docx', async () => {
    const slip = await stack.db.prisma.supervisionSlip.findFirstOrThrow({ where: { planId, bodyName: '市市场监管委', level: 'red' } });
    await stack.db.prisma.supervisionSlip.update({ where: { id: slip.id }, data: { wording: null, fileId: null, size: null } });
    const url = `/exports/slips/${encodeURIComponent(slip.id)}.docx`;
    expect((await download(url, 'market')).status).toBe(404);
    const retried = await ladderPorts(stack.db.prisma).issueSlip({
      planId, taskId: slip.taskId, taskRef: '1.2', taskTitle: '另一项久拖未办的任务。', bodyName: slip.bodyName, bodyId: slip.bodyId!, rungId: slip.rungId,
      level: 'red', due: slip.due.toISOString(), daysOverdue: slip.daysOverdue, at: slip.issuedAt.toISOString(),
    });
    expect(retried).toEqual({ id: slip.id, year: slip.year, serial: slip.serial, respondBy: slip.respondBy.toISOString() });
    const file = await download(url, 'market');
    expect(file.status).toBe(200);
    expect(await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string')).toContain(`督办〔${slip.year}〕${slip.serial}号`);
    expect((await stack.db.prisma.supervisionSlip.findUniqueOrThrow({ where: { id: slip.id } })).fileId).not.toBeNull();
  });

  it('deducts a hand-issued 约谈\'s points from the unit\'s score (督办扣分), the line traced to its escalated event', async () => {
    // A task due at the end of this year, so it is scored this year whatever the date; the office calls an interview by hand.
    const year = shanghaiDate(Date.now()).slice(0, 4);
    const { planId: other } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: '督办扣分测试方案', issuer: null, issuedOn: dayBefore(1), basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '年内完成的任务。', leads: ['市法制办'], supports: [], due: endOfShanghaiDayIso(`${year}-12-31`) }],
      requirements: [],
    });
    const taskId = taskWorkflowId(other, '1.1');
    await eventually(async () => {
      const d = await as('supervisor', `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市法制办", type: escalate, rungId: "interview" }) { __typename ... on Error { message } } }`);
      expect(d.act.__typename).toBe('MutationActSuccess');
    });
    await eventually(async () => expect(await stack.db.prisma.taskEvent.count({ where: { taskId, type: 'escalated' } })).toBe(1));
    const computed = await as('performance', `mutation { computeScores(year: ${year}) { __typename ... on MutationComputeScoresSuccess { data {
      scores { bodyId breakdown { criterion deductions { source detail points events { type } } } } } } } }`);
    const legal = computed.computeScores.data.scores.find((s: any) => s.bodyId === 'legal-affairs-office');
    const lines = legal.breakdown.find((c: any) => c.criterion === 'escalations').deductions.filter((d: any) => d.source.startsWith(`${taskId}#`));
    expect(lines).toEqual([{ source: expect.any(String), detail: '任务 1.1（牵头） 约谈 interview', points: 2, events: expect.any(Array) }]);
    expect(lines[0].events.at(-1)).toEqual({ type: 'escalated' });
  });

  it('tells the open tasks\' ladders when a holiday calendar is entered, as a ladder edit does', async () => {
    const handle = stack.env.client.workflow.getHandle(taskWorkflowId(planId, '1.2'));
    const signals = async () => (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ladderChanged').length;
    const before = await signals();
    const admin = { accountId: 'account-admin', name: '系统管理员', role: 'admin' as const, bodyId: null };
    await setHolidayCalendars({ prisma: stack.db.prisma, temporal: stack.env.client }, admin, [{ year: 2031, holidays: ['2031-10-01~2031-10-07'], workingWeekends: [] }]);
    await eventually(async () => expect(await signals()).toBe(before + 1));
  });

  it('lets the office edit the ladder, refusing triggers that do not ascend', async () => {
    const set = (rungs: string) =>
      as('supervisor', `mutation { setEscalationLadder(planId: "${globalId('Plan', planId)}", rungs: [${rungs}]) { __typename ... on Error { message } ... on MutationSetEscalationLadderSuccess { data { escalationLadder { id triggerKind triggerCount action points } } } } }`);
    const refused = await set('{ triggerKind: workingDaysOverdue, triggerCount: 5, action: yellowSlip, points: -1 }, { triggerKind: workingDaysOverdue, triggerCount: 3, action: redSlip, points: -2 }');
    expect(refused.setEscalationLadder.__typename).toBe('InvalidTransitionError');
    expect(refused.setEscalationLadder.message).toContain('above the previous rung');
    const ok = await set('{ id: "urge", triggerKind: workingDaysOverdue, triggerCount: 2, action: urge, points: 0 }, { triggerKind: urgesWithoutResponse, triggerCount: 3, action: yellowSlip, points: -1 }');
    expect(ok.setEscalationLadder.data.escalationLadder).toEqual([
      { id: 'urge', triggerKind: 'workingDaysOverdue', triggerCount: 2, action: 'urge', points: 0 },
      { id: 'yellowSlip', triggerKind: 'urgesWithoutResponse', triggerCount: 3, action: 'yellowSlip', points: -1 },
    ]);
    await expect(as('legal', `mutation { setEscalationLadder(planId: "${globalId('Plan', planId)}", rungs: []) { __typename } }`)).rejects.toThrow(/FORBIDDEN/);
  });
});
