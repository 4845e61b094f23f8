// Item 3 of the security issue: no known password in a real deployment. In
// production the demo accounts are disabled and the first administrator must
// change a password set from DUBAN_ADMIN_PASSWORD or generated; a must-change
// session is refused everything but changePassword. Accounts are managed through
// the API (the administrator: all; the supervising office: departments'), with a
// password policy and an audit log of sign-ins, account changes and refusals;
// the sign-in page's demo logins come from the API, in demo mode only.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../api/app.ts';
import { deniedAttemptsWritten } from '../../api/auth/denials.ts';
import { hashPassword } from '../../api/auth/passwords.ts';
import { signingKey } from '../../api/auth/tokens.ts';
import { loadConfig } from '../../runtime/config.ts';
import { loadDemoDrafters, prepareProduction } from '../../runtime/reference-data.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bearer, globalId, loginMutation, post } from './http.ts';

const accountFields = 'account { id login role mustChangePassword active } oneTimePassword';

describe('accounts', () => {
  let stack: TestStack;
  let production: string;
  let server: Server;
  let adminToken: string;

  const login = async (name: string, password: string, base = stack.base) => post(base, loginMutation, { l: name, p: password });
  const token = async (name: string, password: string, base = stack.base) => {
    const answer = await login(name, password, base);
    expect(answer.data.login.__typename, JSON.stringify(answer.data.login)).toBe('MutationLoginSuccess');
    return answer.data.login.data.token as string;
  };
  const run = (query: string, as: string, variables: Record<string, unknown> = {}, base = stack.base) => post(base, query, variables, bearer(as));

  beforeAll(async () => {
    stack = await startTestStack();
    const { db, env } = stack;
    server = createApp({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', signingKey: signingKey(db.dataDir), dataDir: db.dataDir, config: { ...loadConfig({}), demo: false } }).listen(0);
    production = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // An administrator of these tests' own, whatever the production test does to the first one.
    await db.prisma.account.create({
      data: { id: 'account-second-admin', login: 'second.admin', displayName: '第二管理员', role: 'admin', passwordHash: await hashPassword('Second-admin-2026') },
    });
    adminToken = await token('second.admin', 'Second-admin-2026');
  });
  afterAll(async () => {
    server?.close();
    await stack?.stop();
  });

  it('shows demo logins with the real demo password in demo mode only', async () => {
    const demo = await post(stack.base, '{ demoLogins { password accounts { login role } } }');
    expect(demo.data.demoLogins.password).toBe(loadConfig({}).demoPassword);
    expect(demo.data.demoLogins.accounts.map((a: { login: string }) => a.login)).toContain('supervisor');
    expect((await post(production, '{ demoLogins { password } }')).data.demoLogins).toBeNull();
  });

  it('leaves no known password in production: demo accounts disabled, the administrator\'s password set once and to be changed', async () => {
    // A stack of its own: turning it into production disables the demo accounts the other tests sign in with.
    const own = await startTestStack();
    onTestFinished(() => own.stop());
    const supervisorToken = await token('supervisor', 'test-password', own.base);
    // The demo 承办人 (made by a demo start, twice: once) are demo accounts too.
    await loadDemoDrafters(own.db.prisma, 'test-password');
    await loadDemoDrafters(own.db.prisma, 'test-password');
    expect(await own.db.prisma.account.count({ where: { login: { in: ['zhao.market', 'qian.legal'] }, duty: 'drafter', active: true } })).toBe(2);
    const setup = await prepareProduction(own.db.prisma, { demoPassword: 'test-password' });
    expect(setup?.login).toBe('admin');
    expect(setup?.password).toMatch(/^\S{16}$/);
    expect(await prepareProduction(own.db.prisma, { demoPassword: 'test-password' })).toBeNull();
    for (const demo of ['supervisor', 'market', 'performance', 'qian.legal']) {
      expect((await login(demo, 'test-password', own.base)).data.login.message).toMatch(/停用|disabled/);
    }
    expect((await login('admin', 'test-password', own.base)).data.login.message).toMatch(/Wrong login or password/);
    // A session of a disabled account is over too.
    expect((await run('{ me { login } }', supervisorToken, {}, own.base)).data.me).toBeNull();

    const productionAdmin = await token('admin', setup!.password!, own.base);
    expect((await run('{ me { login mustChangePassword } }', productionAdmin, {}, own.base)).data.me).toEqual({ login: 'admin', mustChangePassword: true });
    for (const query of ['{ accounts { totalCount } }', '{ tasks { totalCount } }', `mutation { setAccountActive(accountId: "${globalId('Account', 'account-supervisor')}", active: true) { __typename } }`]) {
      const { errors, data } = await run(query, productionAdmin, {}, own.base);
      expect([query, errors?.[0]?.extensions?.code]).toEqual([query, 'FORBIDDEN']);
      expect(errors?.[0]?.message).toMatch(/修改密码|Change your password first/);
      expect(data?.setAccountActive ?? null).toBeNull();
    }
    expect((await run(`{ node(id: "${globalId('Account', 'account-admin')}") { id } }`, productionAdmin, {}, own.base)).data.node).toBeNull();
    expect((await fetch(`${own.base}/exports/ledger.csv`, { headers: bearer(productionAdmin) })).status).toBe(403);

    const change = (next: string) => run('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on Error { message } } }', productionAdmin, { c: setup!.password, n: next }, own.base);
    expect((await change('short')).data.changePassword.message).toMatch(/至少 10|at least 10/);
    expect((await change('my-admin-password')).data.changePassword.message).toMatch(/登录名|contain the login/);
    expect((await change('Tianjin-supervision-2026')).data.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    expect((await run('{ accounts { totalCount } }', productionAdmin, {}, own.base)).data.accounts.totalCount).toBeGreaterThanOrEqual(7);
  });

  it('lets the administrator create, reset, disable and enable accounts, with a one-time password shown once', async () => {
    const created = await run(`mutation { createAccount(input: { login: "zhang.wei", displayName: "张伟", role: performance, bodyId: "${globalId('Body', 'performance-office')}" }) { __typename ... on Error { message } ... on MutationCreateAccountSuccess { data { ${accountFields} } } } }`, adminToken);
    const issued = created.data.createAccount.data;
    expect(issued.account).toMatchObject({ login: 'zhang.wei', role: 'performance', mustChangePassword: true, active: true });
    const first = await token('zhang.wei', issued.oneTimePassword);
    expect((await run('{ tasks { totalCount } }', first)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const reset = await run(`mutation { resetPassword(accountId: "${issued.account.id}") { __typename ... on MutationResetPasswordSuccess { data { ${accountFields} } } } }`, adminToken);
    const again = reset.data.resetPassword.data.oneTimePassword;
    expect(again).not.toBe(issued.oneTimePassword);
    expect((await run('{ me { login } }', first)).data.me).toBeNull();
    expect((await login('zhang.wei', issued.oneTimePassword)).data.login.__typename).toBe('ValidationError');
    const second = await token('zhang.wei', again);

    const disable = await run(`mutation { setAccountActive(accountId: "${issued.account.id}", active: false) { __typename ... on MutationSetAccountActiveSuccess { data { active } } } }`, adminToken);
    expect(disable.data.setAccountActive.data.active).toBe(false);
    expect((await run('{ me { login } }', second)).data.me).toBeNull();
    expect((await login('zhang.wei', again)).data.login.message).toMatch(/停用|disabled/);
    await run(`mutation { setAccountActive(accountId: "${issued.account.id}", active: true) { __typename } }`, adminToken);
    expect((await login('zhang.wei', again)).data.login.__typename).toBe('MutationLoginSuccess');

    const self = await run(`mutation { setAccountActive(accountId: "${globalId('Account', 'account-second-admin')}", active: false) { __typename ... on Error { message } } }`, adminToken);
    expect(self.data.setAccountActive.__typename).toBe('ValidationError');
    const taken = await run(`mutation { createAccount(input: { login: "zhang.wei", displayName: "重名", role: admin }) { __typename } }`, adminToken);
    expect(taken.data.createAccount.__typename).toBe('ValidationError');
  });

  it('lets the supervising office create and manage department accounts for bodies, and nothing more', async () => {
    await stack.db.prisma.account.update({ where: { login: 'coordinator' }, data: { active: true } });
    const coordinator = await token('coordinator', 'test-password');
    const create = (role: string, name: string) => run(`mutation { createAccount(input: { login: "${name}", displayName: "承办人", role: ${role}, bodyId: "${globalId('Body', 'commerce')}" }) { __typename ... on Error { message } ... on MutationCreateAccountSuccess { data { ${accountFields} } } } }`, coordinator);
    const created = await create('department', 'commerce-1');
    expect(created.data.createAccount.data.account).toMatchObject({ login: 'commerce-1', role: 'department', mustChangePassword: true });
    expect((await create('supervisor', 'office-2')).data.createAccount.__typename).toBe('ForbiddenError');
    const listed = await run('{ accounts { totalCount edges { node { login role } } } }', coordinator);
    expect(listed.data.accounts.edges.every((e: { node: { role: string } }) => e.node.role === 'department')).toBe(true);
    expect(listed.data.accounts.totalCount).toBe(listed.data.accounts.edges.length);
    const resetOffice = await run(`mutation { resetPassword(accountId: "${globalId('Account', 'account-admin')}") { __typename } }`, coordinator);
    expect(resetOffice.data.resetPassword.__typename).toBe('ForbiddenError');
    const department = await token('commerce-1', created.data.createAccount.data.oneTimePassword);
    const changed = await run('mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "commerce-desk-2026") { __typename } }', department, { c: created.data.createAccount.data.oneTimePassword });
    expect(changed.data.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    expect((await run('{ accounts { totalCount } }', department)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps an audit log the administrator reads: sign-ins, account changes and refused attempts', async () => {
    // An account's whole life, and two refused sign-ins, to read in the log.
    const created = await run(`mutation { createAccount(input: { login: "audit.li", displayName: "李审计", role: department, bodyId: "${globalId('Body', 'commerce')}" }) { __typename ... on MutationCreateAccountSuccess { data { ${accountFields} } } } }`, adminToken);
    const { account } = created.data.createAccount.data;
    const reset = await run(`mutation { resetPassword(accountId: "${account.id}") { __typename ... on MutationResetPasswordSuccess { data { ${accountFields} } } } }`, adminToken);
    const oneTimePassword = reset.data.resetPassword.data.oneTimePassword as string;
    expect((await login('audit.li', 'not-the-password')).data.login.__typename).toBe('ValidationError');
    await run(`mutation { setAccountActive(accountId: "${account.id}", active: false) { __typename } }`, adminToken);
    expect((await login('audit.li', oneTimePassword)).data.login.message).toMatch(/停用|disabled/);
    await run(`mutation { setAccountActive(accountId: "${account.id}", active: true) { __typename } }`, adminToken);
    const department = await token('audit.li', oneTimePassword);
    const changed = await run('mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "audit-li-desk-2026") { __typename } }', department, { c: oneTimePassword });
    expect(changed.data.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    await deniedAttemptsWritten();
    const signIns = await run('{ auditEntries(kind: signIns, first: 100) { totalCount edges { node { action target actorName } } } }', adminToken);
    expect(signIns.data.auditEntries.edges.map((e: { node: { action: string } }) => e.node.action)).toContain('auth.signedIn');
    const changes = await run('{ auditEntries(kind: accounts, first: 100) { edges { node { action target } } } }', adminToken);
    const actions = changes.data.auditEntries.edges.map((e: { node: { action: string } }) => e.node.action);
    for (const action of ['account.created', 'account.passwordReset', 'account.disabled', 'account.enabled', 'account.passwordChanged']) expect(actions).toContain(action);
    const denied = await run('{ deniedAttempts(first: 100) { totalCount edges { node { operation reason count } } } }', adminToken);
    const operations = denied.data.deniedAttempts.edges.map((e: { node: { operation: string; reason: string } }) => `${e.node.operation}: ${e.node.reason}`);
    expect(operations).toContain('login audit.li: wrong login or password');
    expect(operations).toContain('login audit.li: account disabled');
    const outsider = await token('audit.li', 'audit-li-desk-2026');
    expect((await run('{ auditEntries { totalCount } }', outsider)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
