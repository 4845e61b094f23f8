import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverNotices } from '../activities/notices.ts';
import type { Notice } from '../domain/supervision/notices.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { addEntity, addOfficers, announceAndDraw } from './helpers/credit.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const dayMs = 86_400_000;
const logins = ['supervisor', 'coordinator', 'market', 'legal', 'heping', 'performance', 'admin'] as const;
type Login = (typeof logins)[number];

/** The office's day through the API: the inbox, what each viewer may do, and the decision queue. */
describe('inbox, availableActions and the decision queue', () => {
  let stack: TestStack;
  const tokens = new Map<Login, string>();
  let taskId: string;
  const market = () => globalId('Assignment', `${taskId}/市市场监管委`);
  const legal = () => globalId('Assignment', `${taskId}/市法制办`);

  async function as<T = any>(login: Login, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await stack.api.request(query, variables, tokens.get(login));
    if (errors) throw new Error(JSON.stringify(errors));
    return data as T;
  }
  const act = (login: Login, bodyName: string, type: string, extra = '') =>
    as(login, `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "${bodyName}", type: ${type}, comment: "说明"${extra} }) { __typename ... on Error { message } } }`).then((d) => {
      expect(d.act.__typename).toBe('MutationActSuccess');
    });
  const actionsOf = async (login: Login, assignment: string): Promise<string[] | null> => {
    const { data, errors } = await stack.api.request(`{ node(id: "${assignment}") { ... on Assignment { availableActions } } }`, {}, tokens.get(login));
    return errors ? null : (data.node?.availableActions ?? null);
  };
  /** Each login's availableActions on a node ('hidden' where it may not see the node). */
  const seenBy = async (id: string, type: string) => Object.fromEntries(await Promise.all(logins.map(async (login) => {
    const { data } = await stack.api.request(`{ node(id: "${id}") { ... on ${type} { availableActions } } }`, {}, tokens.get(login));
    return [login, data?.node?.availableActions ?? 'hidden'] as const;
  })));
  const statusIs = (bodyName: string, status: string) =>
    eventually(async () => expect((await stack.db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/${bodyName}` } })).status).toBe(status));

  beforeAll(async () => {
    stack = await startTestStack();
    for (const login of logins) tokens.set(login, await stack.api.login(login));
  });
  // Each test acts on a task of its own (one plan per test), so it passes alone and in any order.
  let plans = 0;
  beforeEach(async () => {
    plans += 1;
    const { planId } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: `办公日测试 ${plans}`, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '市场监管委牵头、法制办配合的任务。', leads: ['市市场监管委'], supports: ['市法制办'] }],
      requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * dayMs).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    });
    taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { taskId } })).toBe(2));
  });
  afterAll(() => stack?.stop());

  it('answers each viewer what it may do now, by the workflow\'s rule; other bodies and the performance office get nothing', async () => {
    const seen = Object.fromEntries(await Promise.all(logins.map(async (l) => [l, await actionsOf(l, market())] as const)));
    expect(seen).toEqual({
      supervisor: ['urge', 'withdraw', 'escalate'],
      coordinator: ['urge', 'withdraw', 'escalate'],
      market: ['acknowledge', 'progress', 'submit', 'requestExtension'], // not yet acknowledged: its first action counts as receipt
      legal: [], // it supports the task, so it sees the lead's row, and may do nothing to it
      heping: null, // not in the task: the row is hidden
      performance: [],
      admin: [],
    });
  });

  it('answers availableActions of a filing unit by the round\'s rule: the body submits, the supervising office urges, no one else acts', async () => {
    const opened = await as('supervisor', `mutation { openFilingRound(input: { title: "办公日备案", deadline: "${new Date(Date.now() + 30 * dayMs).toISOString()}", bodyIds: ["${globalId('Body', 'market-commission')}"] }) { __typename ... on MutationOpenFilingRoundSuccess { data { id } } ... on Error { message } } }`);
    const roundId = Buffer.from(opened.openFilingRound.data.id, 'base64').toString().replace(/^FilingRound:/, '');
    await eventually(async () => expect(await stack.db.prisma.bodyFiling.count({ where: { roundId } })).toBe(1));
    const filing = globalId('BodyFiling', `${roundId}/market-commission`);
    const seen = Object.fromEntries(await Promise.all(logins.map(async (login) => {
      const { data } = await stack.api.request(`{ node(id: "${filing}") { ... on BodyFiling { availableActions } } }`, {}, tokens.get(login));
      return [login, data?.node?.availableActions ?? 'hidden'] as const;
    })));
    expect(seen).toMatchObject({ supervisor: ['urge'], coordinator: ['urge'], market: ['submit'] });
    for (const login of ['legal', 'heping', 'performance', 'admin'] as const) expect([[], 'hidden']).toContainEqual(seen[login]);
  });

  it('answers availableActions of a filing round: consolidate once its catalogue is accepted, then record the filing; the supervising office only', async () => {
    const opened = await as('supervisor', `mutation { openFilingRound(input: { title: "办公日备案汇总", deadline: "${new Date(Date.now() + 30 * dayMs).toISOString()}", bodyIds: ["${globalId('Body', 'market-commission')}"] }) { ... on MutationOpenFilingRoundSuccess { data { id } } } }`);
    const round = opened.openFilingRound.data.id as string;
    const roundId = Buffer.from(round, 'base64').toString().replace(/^FilingRound:/, '');
    await eventually(async () => expect(await stack.db.prisma.bodyFiling.count({ where: { roundId } })).toBe(1));
    const none = { supervisor: [], coordinator: [], market: [], legal: [], heping: [], performance: [], admin: [] };
    expect(await seenBy(round, 'FilingRound')).toEqual(none); // before the deadline, the catalogue must be accepted first

    const measures = 'd'.repeat(64);
    await stack.db.prisma.attachment.create({ data: { id: measures, name: '实施办法.docx', size: 10, type: 'application/msword', uploadedBy: 'account-market' } });
    const filing = globalId('BodyFiling', `${roundId}/market-commission`);
    const row = '{ item: "食品经营许可", disposition: "保留", object: "企业", content: "许可条件", method: "双随机抽查", standard: "审查通则", measures: "责令整改", procedure: "检查—整改" }';
    expect((await as('market', `mutation { filingAction(input: { filingId: "${filing}", type: submit, measuresAttachmentId: "${measures}", rows: [${row}] }) { __typename } }`)).filingAction.__typename).toBe('MutationFilingActionSuccess');
    await eventually(async () => expect((await stack.db.prisma.bodyFiling.findFirstOrThrow({ where: { roundId } })).status).toBe('submitted'));
    expect((await as('supervisor', `mutation { filingAction(input: { filingId: "${filing}", type: accept }) { __typename } }`)).filingAction.__typename).toBe('MutationFilingActionSuccess');
    await eventually(async () => expect(await seenBy(round, 'FilingRound')).toEqual({ ...none, supervisor: ['consolidate'], coordinator: ['consolidate'] }));

    expect((await as('supervisor', `mutation { consolidateFilingRound(roundId: "${round}") { __typename } }`)).consolidateFilingRound.__typename).toBe('MutationConsolidateFilingRoundSuccess');
    await eventually(async () => expect(await seenBy(round, 'FilingRound')).toEqual({ ...none, supervisor: ['recordFiling'], coordinator: ['recordFiling'] }));
  });

  it('answers availableActions of an evaluation round and a score sheet: the supervising office consolidates, the performance office reviews then publishes', async () => {
    const opened = await as('supervisor', `mutation { openEvaluationRound(year: 2016) { __typename ... on MutationOpenEvaluationRoundSuccess { data { id } } ... on Error { message } } }`);
    expect(opened.openEvaluationRound.__typename).toBe('MutationOpenEvaluationRoundSuccess');
    const none = { supervisor: [], coordinator: [], market: [], legal: [], heping: [], performance: [], admin: [] };
    // 2016's deadline is past and nothing awaits review: the supervising office may consolidate, listing the missing reports.
    expect(await seenBy(opened.openEvaluationRound.data.id, 'EvaluationRound')).toEqual({ ...none, supervisor: ['consolidate'], coordinator: ['consolidate'] });

    const computed = await as('performance', `mutation { computeScores(year: 2016) { __typename ... on MutationComputeScoresSuccess { data { id } } ... on Error { message } } }`);
    const sheet = computed.computeScores.data.id as string;
    // A draft is the offices' alone: the bodies and the administrator do not see it.
    expect(await seenBy(sheet, 'ScoreSheet')).toEqual({ supervisor: [], coordinator: [], market: 'hidden', legal: 'hidden', heping: 'hidden', performance: ['review'], admin: 'hidden' });
    await as('performance', `mutation { reviewScoreSheet(id: "${sheet}") { __typename } }`);
    expect((await seenBy(sheet, 'ScoreSheet')).performance).toEqual(['announce']);
    // Announced without an appeal period, it may be published at once.
    await as('performance', `mutation { announceScoreSheet(id: "${sheet}", appealWorkingDays: 0) { __typename } }`);
    expect((await seenBy(sheet, 'ScoreSheet')).performance).toEqual(['publish']);
    await as('performance', `mutation { publishScoreSheet(id: "${sheet}") { __typename } }`);
    expect(await seenBy(sheet, 'ScoreSheet')).toEqual({ ...none, admin: 'hidden' });
  });

  it('answers availableActions of an inspection round and its drawn entities: the drawn bodies record, the supervising office cancels and publishes', async () => {
    await addEntity(stack.db.prisma, 7301, { district: '办公日区' });
    await addOfficers(stack.db.prisma, 'market-commission', 'office-day-mk', 2);
    const roundId = 'office-day-round';
    await announceAndDraw({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban' }, {
      roundId, title: '办公日抽查', date: '2026-03-01', filter: { districts: ['办公日区'], industries: [] }, sample: { size: 1 },
      checklist: [{ id: 'licence', text: '营业执照公示' }], bodies: [{ bodyId: 'market-commission', industries: [] }], inspectorsPerBody: 2,
    }, 'office-day-beacon', Date.now());
    await eventually(async () => expect((await stack.db.prisma.inspectionRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe('inspecting'));
    const round = globalId('InspectionRound', roundId);
    const sampledOf = async (login: Login) => (await as(login, `{ node(id: "${round}") { ... on InspectionRound { sampled { availableActions entity { code } } } } }`)).node.sampled;
    const none = { supervisor: [], coordinator: [], market: [], legal: [], heping: [], performance: [], admin: [] };
    expect(await seenBy(round, 'InspectionRound')).toEqual({ ...none, supervisor: ['record', 'cancel'], coordinator: ['record', 'cancel'], market: ['record'] });
    expect((await sampledOf('market'))[0].availableActions).toEqual(['record']);
    expect((await sampledOf('legal'))[0].availableActions).toEqual([]);

    const code = (await sampledOf('market'))[0].entity.code as string;
    const recorded = await as('market', `mutation { actOnInspectionRound(input: { roundId: "${round}", type: record, entityCode: "${code}", inspectorIds: ["office-day-mk-0", "office-day-mk-1"], answers: [{ itemId: "licence", outcome: pass }] }) { __typename ... on Error { message } } }`);
    expect(recorded.actOnInspectionRound.__typename).toBe('MutationActOnInspectionRoundSuccess');
    await eventually(async () => expect(await seenBy(round, 'InspectionRound')).toEqual({ ...none, supervisor: ['publish'], coordinator: ['publish'] }));
    expect((await sampledOf('supervisor'))[0].availableActions).toEqual([]);
  });

  it('queues a submission and an extension request for the supervising office, oldest first, with the submission\'s text and files', async () => {
    await act('market', '市市场监管委', 'submit');
    await statusIs('市市场监管委', 'submitted');
    await act('legal', '市法制办', 'requestExtension', `, until: "${new Date(Date.now() + 60 * dayMs).toISOString()}"`);
    await eventually(async () => expect((await stack.db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/市法制办` } })).extensionUntil).not.toBeNull());

    const queue = await as('supervisor', `{ decisionQueue(first: 50) { totalCount edges { node { kind waitingSince assignment { id availableActions lastSubmission { comment attachedFiles { name } } } } } } }`);
    const mine = queue.decisionQueue.edges.map((e: any) => e.node).filter((n: any) => n.assignment?.id === market() || n.assignment?.id === legal());
    expect(mine.map((n: any) => [n.kind, n.assignment.id])).toEqual([['submission', market()], ['extension', legal()]]);
    expect(mine[0].assignment.availableActions).toEqual(expect.arrayContaining(['accept', 'return']));
    expect(mine[0].assignment.lastSubmission.comment).toBe('说明');
    expect(mine[1].assignment.availableActions).toContain('decideExtension');
    expect(queue.decisionQueue.totalCount).toBeGreaterThanOrEqual(2);
    expect(await actionsOf('legal', legal())).toEqual(['progress', 'submit']);

    for (const login of ['market', 'performance', 'admin'] as const) {
      const { errors } = await stack.api.request('{ decisionQueue(first: 5) { totalCount } }', {}, tokens.get(login));
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a second urge within the interval with RecentlyUrgedError unless forced', async () => {
    await act('supervisor', '市法制办', 'urge');
    const again = await as('supervisor', `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市法制办", type: urge, comment: "再催" }) { __typename ... on RecentlyUrgedError { message lastUrgedAt } } }`);
    expect(again.act.__typename).toBe('RecentlyUrgedError');
    expect(again.act.message).toContain('force: true');
    expect(Date.parse(again.act.lastUrgedAt)).toBeGreaterThan(Date.now() - dayMs);
    await act('supervisor', '市法制办', 'urge', ', force: true');
    // Another assignment of the task was never urged: no confirmation needed.
    await act('supervisor', '市市场监管委', 'urge');
    await eventually(async () => expect((await as('supervisor', `{ node(id: "${legal()}") { ... on Assignment { urgeCount } } }`)).node.urgeCount).toBe(2));
    // Its notice is in the inbox before the next test counts the market commission's unread notices.
    await eventually(async () => {
      const { notifications } = await as('market', '{ notifications(first: 50) { edges { node { kind subjectId } } } }');
      expect(notifications.edges.filter((e: any) => e.node.kind === 'urge' && e.node.subjectId === globalId('Task', taskId))).toHaveLength(1);
    });
  });

  it('shows the deadline in force after an approved extension: the extended body its own, with the one it replaced; others the task\'s', async () => {
    const row = () => stack.db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/市法制办` } });
    const before = (await row()).due!;
    await act('legal', '市法制办', 'requestExtension', `, until: "${new Date(Date.now() + 60 * dayMs).toISOString()}"`);
    await eventually(async () => expect((await row()).extensionUntil).not.toBeNull());
    await act('supervisor', '市法制办', 'decideExtension', ', approve: true');
    await eventually(async () => expect((await row()).due!.getTime()).toBeGreaterThan(before.getTime()));
    const after = (await row()).due!;
    const deadline = (login: Login) => as(login, `{ node(id: "${globalId('Task', taskId)}") { ... on Task { deadline { due extendedFrom } } } }`).then((d) => d.node.deadline);
    expect(await deadline('legal')).toEqual({ due: after.toISOString(), extendedFrom: before.toISOString() });
    // The lead still owes by the original deadline: that is the task's deadline in force.
    for (const login of ['supervisor', 'market'] as const) expect(await deadline(login)).toEqual({ due: before.toISOString(), extendedFrom: null });
  });

  it('puts an urge in the body\'s inbox, counts it on the assignment, and marks notices read for their owner only', async () => {
    const unread = async (login: Login) => (await as(login, '{ me { unreadNotificationCount } }')).me.unreadNotificationCount as number;
    await as('market', 'mutation { markNotificationsRead(all: true) { __typename } }');
    expect(await unread('market')).toBe(0);
    await act('supervisor', '市法制办', 'urge');
    const inbox = await eventually(async () => {
      const { notifications } = await as('legal', `{ notifications(first: 10, unreadOnly: true) { totalCount edges { node { id kind title text createdAt readAt link subjectId } } } }`);
      // This task's urge: the escalation ladder urges the body's overdue assignments of other plans on its own.
      expect(notifications.edges.filter((e: any) => e.node.kind === 'urge' && e.node.subjectId === globalId('Task', taskId))).toHaveLength(1);
      return notifications;
    });
    const urge = inbox.edges.map((e: any) => e.node).find((n: any) => n.kind === 'urge' && n.subjectId === globalId('Task', taskId));
    expect(urge).toMatchObject({ readAt: null, subjectId: globalId('Task', taskId), link: `/tasks/${encodeURIComponent(globalId('Task', taskId))}/show` });
    expect(urge.title).toMatch(/^【催办】任务 1\.1「/);
    expect(urge.text).toContain('催办');
    // In the viewer's language: the console sends its own as Accept-Language; Chinese when none is asked for.
    const inEnglish = await stack.api.request(`{ node(id: "${urge.id}") { ... on Notification { title text } } }`, {}, tokens.get('legal'), 'en');
    expect(inEnglish.data.node.title).toMatch(/^Urged: task 1\.1 “/);
    expect(inEnglish.data.node.text).toMatch(/ urges task 1\.1 “.*”, due \d{4}-\d\d-\d\d \(Beijing time\)\./s);
    const inChinese = await stack.api.request(`{ node(id: "${urge.id}") { ... on Notification { title } } }`, {}, tokens.get('legal'), 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(inChinese.data.node.title).toBe(urge.title);
    const dates = inbox.edges.map((e: any) => Date.parse(e.node.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const assignment = await as('supervisor', `{ node(id: "${legal()}") { ... on Assignment { urgeCount lastUrgedAt } } }`);
    expect(assignment.node.urgeCount).toBe(1);
    expect(Date.parse(assignment.node.lastUrgedAt)).toBeGreaterThan(Date.now() - dayMs);
    // The market commission's inbox holds none of the 法制办's notices.
    const others = await as('market', '{ notifications(first: 50) { edges { node { id } } } }');
    expect(others.notifications.edges.map((e: any) => e.node.id)).not.toContain(urge.id);
    expect(await unread('market')).toBe(0);

    // Another account cannot read or mark the notice; its owner can.
    const before = await unread('legal');
    const foreign = await as('market', `mutation { markNotificationsRead(ids: ["${urge.id}"]) { __typename ... on MutationMarkNotificationsReadSuccess { data { unreadNotificationCount } } } }`);
    expect(foreign.markNotificationsRead.data.unreadNotificationCount).toBe(0);
    expect(await unread('legal')).toBe(before);
    const { data: peek } = await stack.api.request(`{ node(id: "${urge.id}") { id } }`, {}, tokens.get('market'));
    expect(peek?.node ?? null).toBeNull();
    const own = await as('legal', `mutation { markNotificationsRead(ids: ["${urge.id}"]) { __typename ... on MutationMarkNotificationsReadSuccess { data { unreadNotificationCount } } } }`);
    expect(own.markNotificationsRead.data.unreadNotificationCount).toBe(before - 1);
    const after = await as('legal', `{ notifications(first: 50, unreadOnly: true) { totalCount edges { node { id } } } }`);
    expect(after.notifications.edges.map((e: any) => e.node.id)).not.toContain(urge.id);
    expect(after.notifications.totalCount).toBe(before - 1);
    const empty = await as('legal', 'mutation { markNotificationsRead { __typename ... on Error { message } } }');
    expect(empty.markNotificationsRead.__typename).toBe('ValidationError');
  });

  it('posts a body\'s notices to its group-robot webhook as 企业微信/钉钉 text, once per notice; a failing robot blocks nothing', async () => {
    const received: Array<{ path: string; body: any }> = [];
    const receiver = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(text) });
        if (req.url?.startsWith('/broken')) res.writeHead(500).end('down');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      const set = (login: Login, bodyId: string, url: string) =>
        as(login, `mutation ($b: ID!, $u: String) { setBodyWebhook(bodyId: $b, url: $u) { __typename ... on Error { message } ... on MutationSetBodyWebhookSuccess { data { webhookUrl } } } }`, { b: globalId('Body', bodyId), u: url });
      expect((await set('supervisor', 'legal-affairs-office', 'ftp://example.org/robot')).setBodyWebhook.__typename).toBe('ValidationError');
      expect((await set('supervisor', 'legal-affairs-office', `${base}/robot?key=legal`)).setBodyWebhook.data.webhookUrl).toBe(`${base}/robot?key=legal`);
      expect((await set('admin', 'market-commission', `${base}/broken?key=market`)).setBodyWebhook.__typename).toBe('MutationSetBodyWebhookSuccess');
      // The robot's key is the offices' to see, not the body's.
      const shown = async (login: Login) => (await as(login, `{ node(id: "${globalId('Body', 'legal-affairs-office')}") { ... on Body { webhookUrl } } }`)).node?.webhookUrl ?? null;
      expect([await shown('supervisor'), await shown('legal'), await shown('performance')]).toEqual([`${base}/robot?key=legal`, null, null]);

      // An urge from the console reaches the 法制办's robot as a text message.
      await act('supervisor', '市法制办', 'urge');
      const urged = await eventually(async () => {
        const hit = received.find((r) => r.path === '/robot?key=legal');
        expect(hit).toBeDefined();
        return hit!.body;
      });
      expect(urged.msgtype).toBe('text');
      expect(urged.text.content).toMatch(/^【督办】.*1\.1/s);

      // Delivered again (an activity retry), each notice is posted once; the failing robot is tried a bounded number of times, never throws.
      const notice = (bodyId: string): Notice => ({
        key: `webhook-test:${bodyId}`, kind: 'reminder', audience: { kind: 'body', bodyId }, taskId,
        zh: { title: '提醒', text: '办'.repeat(3000) }, en: { title: 'Reminder', text: 'x'.repeat(3000) },
      });
      const before = received.length;
      await deliverNotices(stack.db.prisma, null, [notice('legal-affairs-office'), notice('market-commission')]);
      await deliverNotices(stack.db.prisma, null, [notice('legal-affairs-office'), notice('market-commission')]);
      // Only this notice's posts: the round workflows may notify the market commission meanwhile.
      const posted = received.slice(before).filter((r) => r.body.text.content.startsWith('【督办】提醒\n办办'));
      expect(posted.filter((r) => r.path.startsWith('/robot')).length).toBe(1);
      expect(posted.filter((r) => r.path.startsWith('/broken')).length).toBe(2);
      expect(Buffer.byteLength(posted[0]!.body.text.content)).toBeLessThanOrEqual(2048);
      const failed = await stack.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: 'webhook-test:market-commission@market-commission' } });
      expect(failed).toMatchObject({ attempts: 2, sentAt: null });
      expect(failed.error).toContain('500');
      // The inbox holds the notice whatever the robot did, in each language.
      expect(await stack.db.prisma.notification.count({ where: { key: 'webhook-test:market-commission', subject: '提醒', subjectEn: 'Reminder' } })).toBeGreaterThan(0);

      // A workflow started before notices were written in each language delivers the old bilingual shape: it stands for both, and is posted in it.
      const legacy = { key: 'webhook-test:legacy', kind: 'reminder' as const, audience: { kind: 'body' as const, bodyId: 'legal-affairs-office' }, taskId, subject: '【提醒 Reminder】旧', body: '旧 old' };
      await deliverNotices(stack.db.prisma, null, [legacy]);
      const stored = await stack.db.prisma.notification.findFirstOrThrow({ where: { key: 'webhook-test:legacy' } });
      expect(stored).toMatchObject({ subject: legacy.subject, body: legacy.body, subjectEn: legacy.subject, bodyEn: legacy.body });
      expect(received.some((r) => r.body.text.content === '【督办】【提醒 Reminder】旧\n旧 old')).toBe(true);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
