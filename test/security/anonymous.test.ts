// Item 4 of the security issue: an anonymous caller learns nothing through
// node/nodes and cannot stall the API with them; the denied-attempt log keeps
// one row per key and minute; sign-in checks a password whether or not the login exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordChecks } from '../../api/auth/passwords.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bearer, globalId, loginMutation, post } from './http.ts';

describe('anonymous callers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('get null for a node of every type, and no error', async () => {
    const ids = [globalId('Body', 'market-commission'), globalId('Account', 'account-admin'), globalId('Account', 'account-supervisor')];
    const single = await post(stack.base, 'query ($id: ID!) { node(id: $id) { id __typename } }', { id: ids[0] });
    expect(single.errors).toBeUndefined();
    expect(single.data.node).toBeNull();
    const many = await post(stack.base, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Account { login role } } }', { ids });
    expect(many.errors).toBeUndefined();
    expect(many.data.nodes).toEqual([null, null, null]);
    // Signed in, the same ids answer.
    const token = await stack.api.login('supervisor');
    const seen = await post(stack.base, 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', { ids }, bearer(token));
    expect(seen.data.nodes[0]).toEqual({ __typename: 'Body' });
  });

  it('may ask for at most 100 ids at once', async () => {
    const token = await stack.api.login('supervisor');
    const ids = Array.from({ length: 101 }, (_, i) => globalId('Body', `b${i}`));
    const refused = await post(stack.base, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, bearer(token));
    expect(refused.data?.nodes ?? null).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/100/);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const hundred = await post(stack.base, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 100) }, bearer(token));
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes).toHaveLength(100);
  });

  it('write no denied-attempt row per id: 20,000 anonymous ids are refused at once', async () => {
    const before = await stack.db.prisma.deniedAttempt.count();
    const ids = Array.from({ length: 20_000 }, (_, i) => globalId('Task', `task:x:${i}`));
    const answer = await post(stack.base, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Healthy at once, and the log did not grow by the thousands.
    expect((await fetch(`${stack.base}/healthz`)).status).toBe(200);
    expect((await stack.db.prisma.deniedAttempt.count()) - before).toBeLessThanOrEqual(1);
  });

  it('keeps one denied-attempt row per key and minute, with a count', async () => {
    const token = await stack.api.login('legal');
    const before = await stack.db.prisma.deniedAttempt.count();
    for (let i = 0; i < 30; i += 1) {
      const { errors } = await post(stack.base, '{ accounts { totalCount } }', {}, bearer(token));
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await eventually(async () => {
      const rows = await stack.db.prisma.deniedAttempt.findMany({ where: { accountId: 'account-legal', operation: 'Query.accounts' } });
      expect(rows.length).toBeLessThanOrEqual(2); // a minute may turn during the burst
      expect(rows.reduce((sum, r) => sum + (r as unknown as { count: number }).count, 0)).toBe(30);
    });
    expect((await stack.db.prisma.deniedAttempt.count()) - before).toBeLessThanOrEqual(2);
  });

  it('checks a password whether or not the login exists, so both answer alike', async () => {
    const ask = (login: string) => post(stack.base, loginMutation, { l: login, p: 'wrong-password' }, { 'x-forwarded-for': '10.4.0.1' });
    const before = passwordChecks();
    const unknown = await ask('nobody-by-this-name');
    const afterUnknown = passwordChecks();
    const known = await ask('performance');
    expect(afterUnknown - before).toBe(1);
    expect(passwordChecks() - afterUnknown).toBe(1);
    expect(unknown.data.login).toEqual(known.data.login);
  });
});
