import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../services/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const day = 86_400_000;

/**
 * Issue 21 item 3 after commit: the supervising office changes a plan's pace
 * margin (序时进度容差) through setPaceMargin; the open task workflows take it,
 * so an assignment with no progress reported turns behind pace (and yellow) at
 * margin 0 and back at 20. Checked, audited, and the office's alone.
 */
describe('setPaceMargin through the API', () => {
  let stack: TestStack;
  let tokens: Record<'supervisor' | 'legal', string>;
  let planId: string;
  let taskId: string;

  const run = async (query: string, token: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await stack.api.request(query, variables, token);
    if (errors) return { __typename: 'GraphQLError', message: errors[0]!.message, code: errors[0]!.extensions?.code } as Record<string, any>;
    return Object.values(data)[0] as Record<string, any>;
  };
  const set = (token: string, points: number) =>
    run('mutation ($p: ID!, $n: Int!) { setPaceMargin(planId: $p, points: $n) { __typename ... on MutationSetPaceMarginSuccess { data { paceMarginPoints } } ... on Error { message } } }', token, { p: globalId('Plan', planId), n: points });
  const plan = (token: string) => run('query ($p: ID!) { node(id: $p) { ... on Plan { paceMarginPoints mayChangePaceMargin } } }', token, { p: globalId('Plan', planId) });
  const assignment = async () =>
    (await run('query ($t: ID!) { node(id: $t) { ... on Task { assignments { bodyName behindPace light } } } }', tokens.supervisor, { t: globalId('Task', taskId) })).assignments[0] as { behindPace: boolean; light: string };

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = { supervisor: await stack.api.login('supervisor'), legal: await stack.api.login('legal') };
    ({ planId } = await commitPlan(
      { prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir },
      {
        title: '序时进度容差', issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', paceMarginPoints: 30,
        tasks: [{ ref: '1.1', section: '一', text: '一项刚开始的任务。', leads: ['市法制办'], supports: [], due: new Date(Date.now() + 60 * day).toISOString() }],
        requirements: [],
      },
    ));
    taskId = taskWorkflowId(planId, '1.1');
    await eventually(async () => expect(await stack.db.prisma.assignment.count({ where: { taskId } })).toBe(1));
  });

  afterAll(() => stack?.stop());

  it('keeps the margin set at commit, refuses a department and a margin outside 0–100, re-lights open tasks by a new margin and audits it', async () => {
    expect(await plan(tokens.supervisor)).toEqual({ paceMarginPoints: 30, mayChangePaceMargin: true });
    expect(await plan(tokens.legal)).toEqual({ paceMarginPoints: 30, mayChangePaceMargin: false });
    expect(await assignment()).toMatchObject({ behindPace: false, light: 'green' });

    expect(await set(tokens.legal, 0)).toMatchObject({ __typename: 'GraphQLError', code: 'FORBIDDEN' });
    expect((await set(tokens.supervisor, 101)).message).toMatch(/0 到 100/);
    expect((await set(tokens.supervisor, -1)).message).toMatch(/0 到 100/);
    expect((await plan(tokens.supervisor)).paceMarginPoints).toBe(30);

    // Margin 0: any time passed without progress is behind pace.
    expect(await set(tokens.supervisor, 0)).toEqual({ __typename: 'MutationSetPaceMarginSuccess', data: { paceMarginPoints: 0 } });
    await eventually(async () => expect(await assignment()).toMatchObject({ behindPace: true, light: 'yellow' }));
    const ledger = await run('query ($p: ID!) { assignments(filter: { planId: $p, behindPace: true }) { totalCount } }', tokens.supervisor, { p: globalId('Plan', planId) });
    expect(ledger.totalCount).toBe(1);
    expect(await set(tokens.supervisor, 20)).toMatchObject({ data: { paceMarginPoints: 20 } });
    await eventually(async () => expect(await assignment()).toMatchObject({ behindPace: false, light: 'green' }));
    const audit = await stack.db.prisma.auditEntry.findMany({ where: { action: 'plan.setPaceMargin', target: planId }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => JSON.parse(e.detail!))).toEqual([{ from: 30, to: 0 }, { from: 0, to: 20 }]);
  });
});
