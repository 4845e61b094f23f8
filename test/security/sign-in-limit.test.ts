// Item 5 of the security issue: the sign-in limit is counted before the password
// is checked, atomically and in the database, per login and per address across
// logins, so a burst cannot check more passwords than the limit and two API
// replicas share one count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { loginMutation, post } from './http.ts';
import { startReplica } from './replica.ts';

const tooMany = /登录失败次数过多|Too many/;
const wrong = /登录名或密码错误|Wrong login or password/;

describe('the sign-in limit', () => {
  let stack: TestStack;
  let second: Awaited<ReturnType<typeof startReplica>> | undefined;
  let secondBase: string;

  beforeAll(async () => {
    stack = await startTestStack(undefined, { trustProxy: 'loopback' });
    // A second API replica: its own process, on the same read model and Temporal.
    second = await startReplica(stack, { DUBAN_TRUST_PROXY: 'loopback' });
    secondBase = second.base;
  });
  afterAll(async () => {
    await second?.stop();
    await stack?.stop();
  });

  const attempt = (base: string, login: string, password: string, address: string) =>
    post(base, loginMutation, { l: login, p: password }, { 'x-forwarded-for': address });

  it('checks at most 5 passwords of a burst of 100 concurrent attempts, and the right one among them does not get in', async () => {
    const passwords = [...Array.from({ length: 99 }, (_, i) => `guess-${i}`), 'test-password'];
    const answers = await Promise.all(passwords.map((p, i) => attempt(i % 2 ? secondBase : stack.base, 'performance', p, `10.5.${i}.1`)));
    const messages = answers.map((a) => a.data?.login?.message ?? a.data?.login?.__typename);
    expect(messages.filter((m) => wrong.test(m)).length).toBeLessThanOrEqual(5);
    expect(messages.filter((m) => tooMany.test(m)).length).toBeGreaterThanOrEqual(95);
    expect(messages.filter((m) => m === 'MutationLoginSuccess')).toEqual([]);
  });

  it('limits one address across logins', async () => {
    const answers = [];
    for (let i = 0; i < 40; i += 1) answers.push(await attempt(i % 2 ? secondBase : stack.base, `nobody-${i}`, 'guess', '10.6.0.1'));
    const messages = answers.map((a) => a.data.login.message as string);
    const firstRefused = messages.findIndex((m) => tooMany.test(m));
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused).toBeLessThanOrEqual(20);
    expect(messages.slice(firstRefused).every((m) => tooMany.test(m))).toBe(true);
    // Another address is not affected.
    expect((await attempt(stack.base, 'market', 'test-password', '10.6.0.2')).data.login.__typename).toBe('MutationLoginSuccess');
  });

  it('shares the count between replicas, and a success does not count against the user', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt(stack.base, 'heping', 'guess', `10.7.${i}.1`)).data.login.message).toMatch(wrong);
    for (let i = 3; i < 5; i += 1) expect((await attempt(secondBase, 'heping', 'guess', `10.7.${i}.1`)).data.login.message).toMatch(wrong);
    expect((await attempt(stack.base, 'heping', 'test-password', '10.7.9.1')).data.login.message).toMatch(tooMany);
    for (let i = 0; i < 10; i += 1) {
      expect((await attempt(i % 2 ? secondBase : stack.base, 'legal', 'test-password', '10.8.0.1')).data.login.__typename).toBe('MutationLoginSuccess');
    }
  });
});
