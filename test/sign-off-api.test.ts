// Issue 21 item 4 through the API: a 承办人's submission waits inside the unit until its 负责人 (or an
// acting delegate, 职务代理) signs it off; the office sees nothing submitted before; a unit with one
// account submits as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../api/auth/passwords.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const dayMs = 86_400_000;
const password = 'Sign-off-2026';

describe('sign-off inside a unit (承办人 / 负责人) and delegation (职务代理)', () => {
  let stack: TestStack;
  const tokens = new Map<string, string>();
  let taskId: string;
  const assignmentId = (body: string) => globalId('Assignment', `${taskId}/${body}`);

  const request = (login: string, query: string, variables: Record<string, unknown> = {}) => stack.api.request(query, variables, tokens.get(login));
  async function as<T = any>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await request(login, query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data as T;
  }
  const act = (login: string, bodyName: string, type: string, comment = '说明', extra = '') =>
    as(login, `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "${bodyName}", type: ${type}, comment: "${comment}"${extra} }) { __typename ... on Error { message } ... on MutationActSuccess { data { type } } } }`)
      .then((d) => d.act);
  const actionsOf = async (login: string, body: string): Promise<string[]> =>
    (await as(login, `{ node(id: "${assignmentId(body)}") { ... on Assignment { availableActions signOffDraft { comment draftedBy } } } }`)).node.availableActions;
  const row = (body: string) => stack.db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/${body}` } });
  const queued = async () =>
    (await as('supervisor', '{ decisionQueue(first: 100) { edges { node { assignment { id } } } } }')).decisionQueue.edges.map((e: any) => e.node.assignment?.id);
  const delegate = (login: string, to: string, from: number, until: number) =>
    as(login, `mutation { delegateSignOff(accountId: "${globalId('Account', `account-${to}`)}", from: "${new Date(from).toISOString()}", until: "${new Date(until).toISOString()}") { __typename ... on Error { message } ... on MutationDelegateSignOffSuccess { data { id inForce delegateName principalName mayRevoke } } } }`)
      .then((d) => d.delegateSignOff);

  beforeAll(async () => {
    stack = await startTestStack();
    // 市市场监管委: the demo account 'market' (no duty set: 负责人), two 承办人 of its own.
    for (const [login, name] of [['zhang.market', '张三'], ['wang.market', '王五']] as const) {
      await stack.db.prisma.account.create({
        data: { id: `account-${login}`, login, displayName: name, role: 'department', bodyId: 'market-commission', duty: 'drafter', passwordHash: await hashPassword(password) },
      });
      tokens.set(login, await stack.api.login(login, password));
    }
    for (const login of ['supervisor', 'market', 'legal']) tokens.set(login, await stack.api.login(login));
  });
  let plans = 0;
  beforeEach(async () => {
    plans += 1;
    const { planId } = await commitPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir }, {
      title: `签发测试 ${plans}`, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '市场监管委牵头、法制办配合的任务。', leads: ['市市场监管委'], supports: ['市法制办'] }],
      requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * dayMs).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    });
    taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { taskId } })).toBe(2));
  });
  afterAll(() => stack?.stop());

  it("keeps a 承办人's submission from the office until the 负责人 signs it off; a return sends it back", async () => {
    expect(await act('zhang.market', '市市场监管委', 'submit', '初稿')).toMatchObject({ __typename: 'MutationActSuccess', data: { type: 'draft' } });
    await eventually(async () => expect((await row('市市场监管委')).signOffDraft).not.toBeNull());
    expect((await row('市市场监管委')).status).toBe('assigned');
    // The office: nothing submitted, nothing to decide, no draft in view.
    expect(await queued()).not.toContain(assignmentId('市市场监管委'));
    const office = await as('supervisor', `{ node(id: "${assignmentId('市市场监管委')}") { ... on Assignment { status signOffDraft { comment } availableActions } } }`);
    expect(office.node).toMatchObject({ status: 'assigned', signOffDraft: null });
    expect(office.node.availableActions).not.toContain('accept');
    // The unit: the drafter may not sign; the 负责人 sees it in the desk's queue, with its text.
    expect(await actionsOf('zhang.market', '市市场监管委')).not.toContain('signOff');
    expect(await act('zhang.market', '市市场监管委', 'signOff')).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await actionsOf('market', '市市场监管委')).toEqual(expect.arrayContaining(['signOff', 'returnDraft']));
    const desk = await as('market', '{ signOffDesk { duty mayDelegate drafts { id signOffDraft { comment draftedBy kind } } } }');
    expect(desk.signOffDesk).toMatchObject({ duty: 'responsible', mayDelegate: true });
    expect(desk.signOffDesk.drafts).toContainEqual({ id: assignmentId('市市场监管委'), signOffDraft: { comment: '初稿', draftedBy: '张三', kind: 'submit' } });

    expect(await act('market', '市市场监管委', 'returnDraft', '请补充数据')).toMatchObject({ data: { type: 'returnDraft' } });
    await eventually(async () => expect((await row('市市场监管委')).signOffDraft).toBeNull());
    expect(await act('zhang.market', '市市场监管委', 'submit', '二稿')).toMatchObject({ data: { type: 'draft' } });
    expect(await act('market', '市市场监管委', 'signOff', '同意')).toMatchObject({ data: { type: 'submit' } });
    await eventually(async () => expect((await row('市市场监管委')).status).toBe('submitted'));
    expect(await queued()).toContain(assignmentId('市市场监管委'));
    const seen = await as('supervisor', `{ node(id: "${assignmentId('市市场监管委')}") { ... on Assignment { lastSubmission { comment actorName details { signedOff draftedBy signOffComment } } } } }`);
    expect(seen.node.lastSubmission).toEqual({ comment: '二稿', actorName: '市市场监管委 承办人', details: { signedOff: true, draftedBy: '张三', signOffComment: '同意' } });
  });

  it('lets an acting delegate sign off within the period, naming both persons, and refuses outside it', async () => {
    const now = Date.now();
    expect(await delegate('zhang.market', 'wang.market', now, now + dayMs)).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await delegate('market', 'legal', now, now + dayMs)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await delegate('market', 'wang.market', now, now - 1)).toMatchObject({ __typename: 'ValidationError' });
    const later = await delegate('market', 'wang.market', now + dayMs, now + 2 * dayMs);
    expect(later.data).toMatchObject({ inForce: false });
    await act('zhang.market', '市市场监管委', 'submit', '初稿');
    // Not yet in force: the delegate is a 承办人 still.
    expect(await actionsOf('wang.market', '市市场监管委')).not.toContain('signOff');

    const running = await delegate('market', 'wang.market', now - 60_000, now + dayMs);
    expect(running.data).toMatchObject({ inForce: true, delegateName: '王五', principalName: '市市场监管委 承办人', mayRevoke: true });
    expect((await as('wang.market', '{ signOffDesk { duty onBehalfOfName mayDelegate } }')).signOffDesk).toEqual({ duty: 'responsible', onBehalfOfName: '市市场监管委 承办人', mayDelegate: false });
    expect(await act('wang.market', '市市场监管委', 'signOff')).toMatchObject({ data: { type: 'submit' } });
    await eventually(async () => expect((await row('市市场监管委')).status).toBe('submitted'));
    const signed = await stack.db.prisma.taskEvent.findFirstOrThrow({ where: { taskId, type: 'submit' } });
    expect([signed.actorName, signed.onBehalfOfName, signed.onBehalfOfId]).toEqual(['王五', '市市场监管委 承办人', 'account-market']);
    const audit = await stack.db.prisma.auditEntry.findUniqueOrThrow({ where: { key: signed.id } });
    expect([audit.actorId, audit.actorName, audit.onBehalfOfId, audit.onBehalfOfName]).toEqual(['account-wang.market', '王五', 'account-market', '市市场监管委 承办人']);
    const timeline = await as('market', `{ node(id: "${globalId('Task', taskId)}") { ... on Task { timeline { type actorName onBehalfOfName } } } }`);
    expect(timeline.node.timeline).toContainEqual({ type: 'submit', actorName: '王五', onBehalfOfName: '市市场监管委 承办人' });

    // After the period (its end moved to the past, as time would), and after a revocation, the delegate signs nothing.
    await act('supervisor', '市市场监管委', 'return', '请补充');
    await eventually(async () => expect((await row('市市场监管委')).status).toBe('returned'));
    await act('zhang.market', '市市场监管委', 'submit', '三稿');
    await stack.db.prisma.signOffDelegation.update({ where: { id: running.data.id }, data: { until: new Date(Date.now() - 1000) } });
    expect(await actionsOf('wang.market', '市市场监管委')).not.toContain('signOff');
    expect(await act('wang.market', '市市场监管委', 'signOff')).toMatchObject({ __typename: 'ForbiddenError' });
    const again = await delegate('market', 'wang.market', Date.now() - 60_000, Date.now() + dayMs);
    expect(await actionsOf('wang.market', '市市场监管委')).toContain('signOff');
    const revoked = await as('market', `mutation { revokeSignOffDelegation(id: "${again.data.id}") { __typename ... on MutationRevokeSignOffDelegationSuccess { data { inForce mayRevoke } } } }`);
    expect(revoked.revokeSignOffDelegation.data).toEqual({ inForce: false, mayRevoke: false });
    expect(await act('wang.market', '市市场监管委', 'signOff')).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('lets a unit with one account submit as before', async () => {
    expect(await act('legal', '市法制办', 'submit', '细则')).toMatchObject({ data: { type: 'submit' } });
    await eventually(async () => expect((await row('市法制办')).status).toBe('submitted'));
    expect((await as('legal', '{ signOffDesk { duty mayDelegate drafts { id } } }')).signOffDesk).toEqual({ duty: 'responsible', mayDelegate: true, drafts: [] });
    expect(await queued()).toContain(assignmentId('市法制办'));
  });
});
