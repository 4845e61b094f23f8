import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../api/plans/commit.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

type Role = 'anonymous' | 'supervisor' | 'market' | 'legal' | 'performance' | 'admin';
const roles: Role[] = ['anonymous', 'supervisor', 'market', 'legal', 'performance', 'admin'];
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** What each operation answers: allowed, or denied (an authorization error, or a typed refusal). */
type Outcome = 'allowed' | 'denied';

describe('authorization matrix: every role against every mutation and sensitive query', () => {
  let stack: TestStack;
  let db: TestStack['db'];
  let api: TestStack['api'];
  const tokens = new Map<Role, string | undefined>();
  let taskId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ db, api } = stack);
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '权限测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
        tasks: [{ ref: '1.1', section: '一', text: '市场监管委牵头的任务。', leads: ['市市场监管委'], supports: ['市有关行政主管部门'] }],
        requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * 86_400_000).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
      },
    );
    taskId = taskWorkflowId(planId, '1.1');
    for (const role of roles) tokens.set(role, role === 'anonymous' ? undefined : await api.login(role));
  });
  afterAll(() => stack?.stop());

  /** Runs one operation as a role and classifies the answer. */
  async function outcome(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
    const { data, errors } = await api.request(query, variables, tokens.get(role));
    if (errors?.length) return 'denied';
    const payload = Object.values(data ?? {})[0] as { __typename?: string } | null;
    if (payload?.__typename && /Error$/.test(payload.__typename)) return 'denied';
    return 'allowed';
  }

  const act = (type: string, bodyName: string, extra = '') =>
    `mutation { act(input: { taskId: "${globalId('Task', taskId)}", bodyName: "${bodyName}", type: ${type}, comment: "测试"${extra} }) { __typename ... on Error { message } } }`;

  const cases: Array<[name: string, query: () => string, allowed: Role[]]> = [
    ['query plans', () => '{ plans { totalCount } }', ['supervisor', 'market', 'legal', 'performance', 'admin']],
    ['query dashboard', () => '{ dashboard { tasks { red } } }', ['supervisor', 'market', 'legal', 'performance', 'admin']],
    ['query assignments', () => '{ assignments { totalCount } }', ['supervisor', 'market', 'legal', 'performance', 'admin']],
    ['mutation parseNotice', () => 'mutation { parseNotice(text: "一、任务\\n1.完善制度。（市法制办负责）") { __typename } }', ['supervisor']],
    ['act progress (lead body only)', () => act('progress', '市市场监管委'), ['market']],
    ['act urge (supervising office only)', () => act('urge', '市市场监管委'), ['supervisor']],
    ['act requestExtension (lead body only)', () => act('requestExtension', '市市场监管委', `, until: "${new Date(Date.now() + 90 * 86_400_000).toISOString()}"`), ['market']],
    ['act decideExtension (supervising office only)', () => act('decideExtension', '市市场监管委', ', approve: false'), ['supervisor']],
    ['act designate (supervising office only)', () => act('designate', '市有关行政主管部门', `, bodies: [{ id: "${globalId('Body', 'commerce')}" }]`), ['supervisor']],
  ];

  it.each(cases)('%s', async (_name, query, allowed) => {
    for (const role of roles) {
      const expected: Outcome = allowed.includes(role) ? 'allowed' : 'denied';
      expect([role, await outcome(role, query())]).toEqual([role, expected]);
    }
  });

  it('keeps a department to the tasks its own body takes part in', async () => {
    const count = async (role: Role) => (await api.request('{ tasks { totalCount } }', {}, tokens.get(role))).data.tasks.totalCount;
    expect(await count('supervisor')).toBe(1);
    expect(await count('market')).toBe(1);
    expect(await count('legal')).toBe(0);
    const node = await api.request(`{ node(id: "${globalId('Task', taskId)}") { id } }`, {}, tokens.get('legal'));
    expect(node.data?.node ?? null).toBeNull();
  });

  it('logs every denied attempt', async () => {
    const before = await db.prisma.deniedAttempt.count();
    await outcome('legal', act('progress', '市市场监管委'));
    await outcome('anonymous', '{ plans { totalCount } }');
    await eventually(async () => expect(await db.prisma.deniedAttempt.count()).toBe(before + 2));
  });
});
