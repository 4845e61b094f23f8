// Item 9 of the security issue: errors never leak internals. Every path answers a
// plain error without a stack; an oversized string gets a validation error at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../../services/plans/commit.ts';
import { taskWorkflowId } from '../../workflows/task.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bearer, globalId, post } from './http.ts';

const leaks = /\n\s+at |node_modules|\.ts:\d+|Unexpected error|URIError|stack/;

describe('plain errors', () => {
  let stack: TestStack;
  let token: string;
  let taskId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const { db, env } = stack;
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir }, {
      title: '错误测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: [{ ref: '1.1', section: '一', text: '任务。', leads: ['市市场监管委'], supports: [] }],
      requirements: [],
    });
    taskId = taskWorkflowId(planId, '1.1');
    token = await stack.api.login('market');
  });
  afterAll(() => stack?.stop());

  it.each(['/attachments/%ZZ', '/exports/filing/%ZZ/catalogue.xlsx', '/calendar/%ZZ.ics?token=%ZZ', '/exports/scores/%E0%A4%A.xlsx'])('answers %s with a plain error', async (path) => {
    for (const headers of [{}, bearer(token)]) {
      const response = await fetch(`${stack.base}${path}`, { headers });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(leaks);
      expect(response.headers.get('content-type')).toMatch(/json/);
    }
  });

  it('answers an unknown node id with a plain not-found', async () => {
    for (const id of [globalId('Nope', 'x'), globalId('Task', 'task:nope:1'), globalId('DateTime', 'x')]) {
      const { data, errors } = await post(stack.base, 'query ($id: ID!) { node(id: $id) { id } }', { id }, bearer(token));
      expect(data?.node ?? null).toBeNull();
      for (const error of errors ?? []) {
        expect(error.message).not.toMatch(leaks);
        expect(error.message).toMatch(/不存在|not found/i);
      }
    }
  });

  it('refuses an oversized comment with a validation error at once, recording nothing', async () => {
    const handle = stack.env.client.workflow.getHandle(taskId);
    /** Updates the workflow took (its own timers and projections may run meanwhile). */
    const updates = async () => ((await handle.fetchHistory()).events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const before = await updates();
    const { data, errors } = await post(
      stack.base,
      'mutation ($c: String) { act(input: { taskId: "' + globalId('Task', taskId) + '", bodyName: "市市场监管委", type: progress, comment: $c }) { __typename ... on Error { message } } }',
      { c: '督'.repeat(200_000) },
      bearer(token),
    );
    const answer = errors?.[0] ?? data?.act;
    expect(JSON.stringify(answer)).toMatch(/过长|too long/i);
    expect(errors?.[0]?.extensions?.code ?? data?.act?.__typename).toMatch(/BAD_USER_INPUT|ValidationError/);
    expect(await updates()).toBe(before);
  });

  it('refuses an oversized description and reason wherever a string goes in', async () => {
    const long = 'x'.repeat(50_000);
    const { data, errors } = await post(stack.base, `mutation ($r: String!) { declareConflict(officerId: "nobody", entityCode: "91120101MA0000001X", reason: $r) { __typename ... on Error { message } } }`, { r: long }, bearer(token));
    expect(JSON.stringify(errors?.[0] ?? data)).toMatch(/过长|too long/i);
  });
});
