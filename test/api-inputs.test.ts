import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../services/plans/commit.ts';
import { createPrisma } from '../runtime/db.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe('the API under bad input, uploads, exports and query limits', () => {
  let stack: TestStack;
  let db: TestStack['db'];
  let base: string;
  let api: TestStack['api'];
  const statements: string[] = [];
  let supervisor: string;
  let market: string;

  beforeAll(async () => {
    // The API gets its own client, counting every SQL statement it sends.
    stack = await startTestStack((testDb) => createPrisma(testDb.url, (sql) => statements.push(sql)));
    ({ db, base, api } = stack);
    [supervisor, market] = [await api.login('supervisor'), await api.login('market')];
  });
  afterAll(() => stack?.stop());

  /**
   * A plan of this test's own: one task led by 市市场监管委, due in 2016, so overdue. Its
   * workflow's own overdue notice has landed when this returns, so later counts are the test's alone.
   */
  async function overdueTask(title: string, text = '已逾期的任务。') {
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
        tasks: [{ ref: '1.1', section: '一', text, leads: ['市市场监管委'], supports: [] }],
        requirements: [{ text: '制定细则', due: '2016-01-31T23:59:59+08:00', recurrence: null, appliesTo: ['各牵头部门'] }],
      },
    );
    const taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await db.prisma.taskEvent.count({ where: { taskId, type: 'overdue' } })).toBe(1));
    const act = (input: string, token: string) =>
      api.request(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委"${input} }) { __typename ... on Error { message } } }`, {}, token);
    return { planId, taskId, act };
  }
  const state = async () => [await db.prisma.taskEvent.count(), await db.prisma.plan.count(), await db.prisma.attachment.count()];

  it('answers bad input on every mutation with a typed error and changes nothing', async () => {
    const { taskId } = await overdueTask('错误输入');
    const before = await state();
    const typed = async (query: string, token: string | undefined, type: string, message: RegExp) => {
      const { data, errors } = await api.request(query, {}, token);
      expect(errors).toBeUndefined();
      const payload = Object.values(data)[0] as { __typename: string; message: string };
      expect(payload.__typename).toBe(type);
      expect(payload.message).toMatch(message);
    };
    await typed('mutation { login(login: "supervisor", password: "wrong") { __typename ... on Error { message } } }', undefined, 'ValidationError', /Wrong login or password/);
    await typed('mutation { parseNotice { __typename ... on Error { message } } }', supervisor, 'ValidationError', /Upload a file or paste the text/);
    await typed('mutation { parseNotice(text: "只有一段话，没有任务。") { __typename ... on Error { message } } }', supervisor, 'ValidationError', /No numbered tasks/);
    await typed(
      'mutation { commitPlan(draft: { title: "", sourceText: "x", tasks: [], requirements: [] }) { __typename ... on Error { message } } }',
      supervisor, 'ValidationError', /The title is empty[\s\S]*no tasks/,
    );
    await typed(`mutation { act(input: { taskId: "${globalId('Task', 'task:nope:1')}", bodyName: "市市场监管委", type: urge }) { __typename ... on Error { message } } }`, supervisor, 'NotFoundError', /No such task/);
    await typed(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: requestExtension }) { __typename ... on Error { message } } }`, market, 'ValidationError', /Give the new deadline/);
    await typed(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: accept }) { __typename ... on Error { message } } }`, supervisor, 'InvalidTransitionError', /Not allowed while the assignment is assigned/);
    await typed(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: urge, comment: "${'长'.repeat(6000)}" }) { __typename ... on Error { message } } }`, supervisor, 'InvalidTransitionError', /limited to 5000 characters/);
    await typed(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: submit, attachments: [{ id: "${'0'.repeat(64)}" }] }) { __typename ... on Error { message } } }`, market, 'ValidationError', /attachment was not found/);

    const malformed = await api.request(`mutation { act(input: { taskId: "not-a-global-id", bodyName: "x", type: urge }) { __typename } }`, {}, supervisor);
    expect(malformed.status).toBe(200);
    expect(malformed.errors?.[0]?.message).toBeTruthy();
    const impossibleDate = await api.request(`mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: requestExtension, until: "2016-02-30T99:00" }) { __typename } }`, {}, market);
    expect(impossibleDate.errors?.[0]?.message).toMatch(/Not a valid date/);
    const syntax = await api.request('{ plans { ', {}, supervisor);
    expect(syntax.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(JSON.stringify(syntax)).not.toMatch(/at .*\.ts:\d+/);
    expect(await state()).toEqual(before);
  });

  it('acts once on a call retried with the same request id', async () => {
    const { taskId } = await overdueTask('请求号重试');
    const progress = (requestId: string) =>
      api.request(
        `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "市市场监管委", type: progress, comment: "进展", requestId: "${requestId}" }) { __typename ... on MutationActSuccess { data { seq } } ... on Error { message } } }`,
        {},
        market,
      );
    const count = () => db.prisma.taskEvent.count({ where: { taskId, type: 'progress' } });
    const before = await count();
    const first = await progress('retry-1');
    const retried = await progress('retry-1');
    expect(first.data.act.data.seq).toBeGreaterThan(0);
    expect(retried.data.act).toEqual(first.data.act);
    expect(await count()).toBe(before + 1);
    expect((await progress('retry-2')).data.act.__typename).toBe('MutationActSuccess');
    expect(await count()).toBe(before + 2);
    expect((await progress('bad id!')).data.act).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('request id') });
  });

  it('stores an upload once by content, refuses other types, and serves it to signed-in users', async () => {
    const upload = async (name: string, content: string, token: string) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id name size } } ... on Error { message } } }', variables: { f: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.f'] }));
      form.append('0', new Blob([content]), name);
      const response = await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { data: { uploadAttachment: { __typename: string; data?: { id: string; size: number }; message?: string } } }).data.uploadAttachment;
    };
    const { taskId, act } = await overdueTask('上传附件');
    const stored = await db.prisma.attachment.count();
    const first = await upload('细则.txt', '实施细则正文', market);
    const again = await upload('副本.txt', '实施细则正文', market);
    // The bytes once, under their SHA-256; each upload a reference of its own, with its own name.
    expect(first.data!.id).toMatch(/^[0-9a-f]{64}-[0-9a-f]{16}$/);
    expect(again.data!.id.slice(0, 64)).toBe(first.data!.id.slice(0, 64));
    expect(again.data!.id).not.toBe(first.data!.id);
    expect(await db.prisma.attachment.count()).toBe(stored + 2);
    expect(fs.readdirSync(path.join(db.dataDir, 'attachments')).filter((f) => f === first.data!.id.slice(0, 64))).toHaveLength(1);
    expect(await upload('virus.exe', 'MZ', market)).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('Allowed:') });

    const submitted = await act(`, type: submit, comment: "报送", attachments: [{ id: "${first.data!.id}" }]`, market);
    expect(submitted.data.act.__typename).toBe('MutationActSuccess');
    const event = await db.prisma.taskEvent.findFirstOrThrow({ where: { taskId, type: 'submit' } });
    expect(JSON.parse(event.attachments)).toEqual([{ id: first.data!.id, name: '细则.txt' }]);
    // The typed field says what the deprecated JSON string says.
    const { data } = await api.request(`{ node(id: "${globalId('Task', taskId)}") { ... on Task { timeline { type attachments attachedFiles { id name url } } } } }`, {}, supervisor);
    const timeline = data.node.timeline as Array<{ type: string; attachments: string; attachedFiles: unknown[] }>;
    const submit = timeline.find((e) => e.type === 'submit')!;
    expect(submit.attachedFiles).toEqual([{ id: first.data!.id, name: '细则.txt', url: `/attachments/${first.data!.id}` }]);
    expect(submit.attachedFiles.map((f) => ({ ...(f as object), url: undefined }))).toEqual(JSON.parse(submit.attachments).map((f: object) => ({ ...f, url: undefined })));

    // Once the submission names it, whoever sees the task downloads it.
    const download = await fetch(`${base}/attachments/${first.data!.id}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(await download.text()).toBe('实施细则正文');
    expect((await fetch(`${base}/attachments/${first.data!.id}`)).status).toBe(401);
  });

  it('filters tasks by plan, section, light and body in numeric ref order; the ledger puts what is owed first; extension reasons and event details are readable; plans page by offset', async () => {
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '排序测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '排序测试正文', timeline: 'historic',
        tasks: [
          { ref: '1.1', section: '一', text: '任务甲。', leads: ['市市场监管委'], supports: [] },
          { ref: '1.2', section: '一', text: '任务乙。', leads: ['市法制办'], supports: [] },
          { ref: '1.10', section: '一', text: '任务丙。', leads: ['市市场监管委'], supports: [] },
          { ref: '2.1', section: '二', text: '任务丁。', leads: ['市法制办'], supports: [] },
        ],
        requirements: [{ text: '制定细则', due: '2016-01-31T23:59:59+08:00', recurrence: null, appliesTo: ['各牵头部门'] }],
      },
    );
    const legal = await api.login('legal');
    const plan = globalId('Plan', planId);
    const on = (ref: string, bodyName: string, input: string, token: string) =>
      api.request(`mutation { act(input: { taskId: "${globalId('Task', taskWorkflowId(planId, ref))}", bodyName: "${bodyName}"${input} }) { __typename ... on Error { message } } }`, {}, token);
    const refs = async (args: string, token = supervisor) =>
      ((await api.request(`{ tasks(planId: "${plan}"${args}) { totalCount edges { node { ref } } } }`, {}, token)).data.tasks.edges as Array<{ node: { ref: string } }>).map((e) => e.node.ref);

    await eventually(async () => expect(await db.prisma.assignment.count({ where: { task: { planId } } })).toBe(4));
    expect(await refs('')).toEqual(['1.1', '1.2', '1.10', '2.1']);
    expect(await refs(', first: 2, offset: 1')).toEqual(['1.2', '1.10']);
    expect(await refs(', sectionOrdinal: 1')).toEqual(['1.1', '1.2', '1.10']);
    const sections = await api.request(`{ node(id: "${plan}") { ... on Plan { sections { ordinal tasks { ref } } } } }`, {}, supervisor);
    expect(sections.data.node.sections).toEqual([{ ordinal: 1, tasks: [{ ref: '1.1' }, { ref: '1.2' }, { ref: '1.10' }] }, { ordinal: 2, tasks: [{ ref: '2.1' }] }]);
    expect(await refs(`, bodyId: "${globalId('Body', 'legal-affairs-office')}"`)).toEqual(['1.2', '2.1']);
    expect(await refs(`, bodyId: "${globalId('Body', 'legal-affairs-office')}"`, market)).toEqual([]);

    expect((await on('1.1', '市市场监管委', ', type: submit, comment: "已完成"', market)).data.act.__typename).toBe('MutationActSuccess');
    expect((await on('1.1', '市市场监管委', ', type: accept', supervisor)).data.act.__typename).toBe('MutationActSuccess');
    const until = '2030-06-30T23:59:59+08:00';
    expect((await on('1.2', '市法制办', `, type: requestExtension, until: "${until}", comment: "等待上位法修订"`, legal)).data.act.__typename).toBe('MutationActSuccess');
    const extension = globalId('Assignment', `${taskWorkflowId(planId, '1.2')}/市法制办`);
    const pending = async () => (await api.request(`{ node(id: "${extension}") { ... on Assignment { extensionRequestedUntil extensionReason } } }`, {}, supervisor)).data.node;
    await eventually(async () => expect(await pending()).toEqual({ extensionRequestedUntil: new Date(until).toISOString(), extensionReason: '等待上位法修订' }));
    expect((await on('1.2', '市法制办', ', type: decideExtension, approve: true, comment: "同意"', supervisor)).data.act.__typename).toBe('MutationActSuccess');
    await eventually(async () => expect(await pending()).toEqual({ extensionRequestedUntil: null, extensionReason: null }));
    await eventually(async () => expect(await refs(', light: done')).toEqual(['1.1']));

    const { data } = await api.request(`{ node(id: "${globalId('Task', taskWorkflowId(planId, '1.2'))}") { ... on Task { status timeline { type comment data details { until approve designatedBodies blocking daysLeft } } } } }`, {}, supervisor);
    const timeline = data.node.timeline as Array<{ type: string; comment: string | null; data: string; details: Record<string, unknown> }>;
    const asked = timeline.find((e) => e.type === 'requestExtension')!;
    const decided = timeline.find((e) => e.type === 'decideExtension')!;
    expect(JSON.parse(asked.data)).toEqual({ until: new Date(until).toISOString() });
    expect(JSON.parse(decided.data)).toEqual({ approve: true, until: new Date(until).toISOString() });
    // The typed details say the same.
    expect(asked.details).toEqual({ until: new Date(until).toISOString(), approve: null, designatedBodies: null, blocking: null, daysLeft: null });
    expect(decided.details).toMatchObject({ until: new Date(until).toISOString(), approve: true });
    expect(timeline.find((e) => e.type === 'overdue')!.details.daysLeft).toBe(JSON.parse(timeline.find((e) => e.type === 'overdue')!.data).daysLeft);
    expect(data.node.status).toBe('open');

    // Owed first, the most overdue first (1.10 and 2.1 were due in 2016, 1.2 was extended to 2030), the accepted 1.1 last.
    const ledger = await api.request(`{ assignments(filter: { planId: "${plan}" }) { edges { node { task { ref } status } } } }`, {}, supervisor);
    expect(ledger.data.assignments.edges.map((e: { node: { task: { ref: string } } }) => e.node.task.ref)).toEqual(['1.10', '2.1', '1.2', '1.1']);
    const second = await api.request(`{ assignments(filter: { planId: "${plan}" }, first: 2, offset: 2) { edges { node { task { ref } } } } }`, {}, supervisor);
    expect(second.data.assignments.edges.map((e: { node: { task: { ref: string } } }) => e.node.task.ref)).toEqual(['1.2', '1.1']);

    const plans = async (args: string) => ((await api.request(`{ plans(${args}) { totalCount edges { node { title } } } }`, {}, supervisor)).data.plans as { totalCount: number; edges: Array<{ node: { title: string } }> });
    // Newest first: this test's plan, then the one stored before it (other tests' plans share the database).
    const stored = (await db.prisma.plan.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: { title: true } })).map((p) => p.title);
    expect(stored[0]).toBe('排序测试');
    expect((await plans('first: 1')).edges.map((e) => e.node.title)).toEqual(['排序测试']);
    expect(await plans('first: 1, offset: 1')).toEqual({ totalCount: stored.length, edges: stored.slice(1, 2).map((title) => ({ node: { title } })) });
  });

  it('limits query depth and page size', async () => {
    const deep = '{ tasks { edges { node { plan { sections { tasks { plan { sections { tasks { ref } } } } } } } } } }';
    expect((await api.request(deep, {}, supervisor)).errors?.[0]?.message).toMatch(/depth/i);
    const huge = await api.request('{ assignments(first: 100000) { totalCount } }', {}, supervisor);
    expect(huge.errors?.[0]?.message).toMatch(/first|100000|500/);
  });

  it('answers the overdue ledger in a constant number of SQL statements (no N+1)', async () => {
    const ledger = `{ assignments(first: 500, filter: { overdue: true }) { totalCount edges { node {
      bodyName overdueDays light body { shortName } task { ref text section { title } plan { title } } } } } }`;
    const measure = async () => {
      statements.length = 0;
      const { data } = await api.request(ledger, {}, supervisor);
      // The session behind the token and its account are read through a short cache: their statements come and go with time, not with rows
      // (SQLite's log quotes names with backticks, PostgreSQL's with double quotes).
      return { rows: data.assignments.edges.length as number, statements: statements.filter((sql) => !/[`"](Session|Account)[`"]/.test(sql)).length };
    };
    const { planId } = await overdueTask('台账语句数');
    const small = await measure();
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const section = await db.prisma.section.findFirstOrThrow({ where: { planId } });
    const ids = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
    await db.prisma.task.createMany({ data: ids.map((id, i) => ({ id, planId: plan.id, sectionId: section.id, ref: `9.${i}`, text: `任务 ${i}` })) });
    await db.prisma.assignment.createMany({
      data: ids.map((id) => ({ id: `${id}/市法制办`, taskId: id, bodyName: '市法制办', bodyId: 'legal-affairs-office', role: 'lead', due: new Date('2016-01-31T15:59:59Z') })),
    });
    const large = await measure();
    expect(large.rows).toBe(500);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(7);
  });
});
