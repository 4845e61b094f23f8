// Items 2 and 3 of the security issue as people meet them in the console
// (Chromium, `npm start` in demo mode with a demo password of its own): the
// sign-in page offers the real demo password; the session is a cookie no script
// reads; the administrator manages accounts and reads the audit log; a new
// account must change its one-time password first; anyone changes their
// password; logout ends the session on the server. At 1440 and 390 px, in
// Chinese and English.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsoleIfStale, launchBrowser, screenshot, signIn, skipWithoutChromium, startStack, type Stack } from '../console/stack.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { globalId } from './http.ts';

const demoPassword = '演示-Tianjin-2026';
const wide = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });
/** Nothing wider than the window: the page works without sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const me = (page: Page) =>
  page.request.post(new URL('/graphql', page.url()).href, { data: { query: '{ me { login } }' } }).then(async (r) => ((await r.json()) as { data: { me: { login: string } | null } }).data.me);

describe.skipIf(skipWithoutChromium)('security in the console', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    await buildConsoleIfStale();
    [stack, browser] = await Promise.all([startStack({ DUBAN_DEMO_PASSWORD: demoPassword }), launchBrowser()]);
    admin = await signIn(browser, stack.base, 'admin', wide, demoPassword);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const newContext = (viewport = wide): Promise<BrowserContext> => browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York', baseURL: stack.base });

  /** A department account of 市商务委 made by the administrator through the API; answers its one-time password. */
  async function departmentAccount(login: string): Promise<string> {
    const api = graphqlClient(stack.base);
    const { data } = await api.request(
      `mutation { createAccount(input: { login: "${login}", displayName: "市商务委 承办人", role: department, bodyId: "${globalId('Body', 'commerce')}" }) { ... on MutationCreateAccountSuccess { data { oneTimePassword } } ... on Error { message } } }`,
      {}, await api.login('admin', demoPassword),
    );
    return data.createAccount.data.oneTimePassword as string;
  }

  it('offers the demo logins with the real demo password, and keeps the session where no script reads it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${stack.base}/#/login`);
    const demo = page.getByTestId('demo-logins');
    await poll(() => demo.textContent()).toContain(demoPassword);
    await demo.getByText('admin ·').click();
    expect(await page.getByLabel('密码').inputValue()).toBe(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));

    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(stored).not.toMatch(/eyJ|duban_session/);
    const cookie = (await context.cookies()).find((c) => c.name === 'duban_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The browser's own requests carry the session: a download needs nothing more.
    expect((await page.request.get('/exports/ledger.csv')).status()).toBe(200);
    await context.close();
  }, 120_000);

  it('lets the administrator create a department account and shows its one-time password once', async () => {
    await admin.goto(`${stack.base}/#/accounts`);
    await poll(() => admin.getByTestId('account-row').count()).toBeGreaterThanOrEqual(7);
    await screenshot(admin, 'accounts');
    await admin.locator('[data-action=createAccount]').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('登录名').fill('commerce.desk');
    await dialog.getByLabel('姓名或岗位').fill('市商务委 承办人');
    await dialog.getByTestId('account-body').click();
    await admin.getByRole('option', { name: '市商务委' }).click();
    await dialog.getByTestId('confirm-action').click();
    const issued = admin.getByTestId('one-time-password-value');
    await poll(() => issued.count()).toBe(1);
    const oneTimePassword = (await issued.textContent())!.trim();
    expect(oneTimePassword).toMatch(/^\S{14}$/);
    await screenshot(admin, 'account-one-time-password');
    await admin.getByTestId('one-time-password-done').click();
    await poll(() => admin.getByTestId('one-time-password').count()).toBe(0);
    await poll(() => admin.locator('[data-testid=account-row][data-login="commerce.desk"]').textContent()).toContain('待修改密码');
  }, 120_000);

  it('makes the new account change its one-time password before anything else (on a phone)', async () => {
    const oneTimePassword = await departmentAccount('commerce.phone');
    const context = await newContext(phone);
    const page = await context.newPage();
    await page.goto(`${stack.base}/#/login`);
    await page.getByLabel('登录名').fill('commerce.phone');
    await page.getByLabel('密码').fill(oneTimePassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const forced = page.getByTestId('forced-password-change');
    await poll(() => forced.count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'forced-password-change');
    await forced.locator('input[name=current]').fill(oneTimePassword);
    await forced.locator('input[name=next]').fill('Commerce-desk-2026');
    await forced.locator('input[name=again]').fill('Commerce-desk-2026');
    await forced.getByTestId('change-password').click();
    await poll(() => forced.count()).toBe(0);
    await poll(() => page.getByText('本单位任务').count()).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('shows the administrator the audit log: sign-ins, account changes and refused attempts', async () => {
    // An account made and its password changed, and a refused attempt, to see in the log.
    const api = graphqlClient(stack.base);
    const oneTimePassword = await departmentAccount('commerce.audit');
    const changed = await api.request('mutation { changePassword(currentPassword: $c, newPassword: "Commerce-audit-2026") { __typename } }'.replace('$c', JSON.stringify(oneTimePassword)), {}, await api.login('commerce.audit', oneTimePassword));
    expect(changed.data.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    await admin.request.post(`${stack.base}/graphql`, { data: { query: 'mutation { login(login: "nobody", password: "guess") { __typename } }' } });
    await admin.goto(`${stack.base}/#/audit`);
    await poll(() => admin.getByTestId('audit-row').filter({ hasText: '登录' }).count()).toBeGreaterThan(0);
    await screenshot(admin, 'audit-log');
    await admin.getByTestId('audit-tab-accounts').click();
    await poll(() => admin.getByTestId('audit-row').filter({ hasText: '新建账号' }).count()).toBeGreaterThan(0);
    await poll(() => admin.getByTestId('audit-row').filter({ hasText: '修改密码' }).count()).toBeGreaterThan(0);
    await admin.getByTestId('audit-tab-denied').click();
    await poll(() => admin.getByTestId('audit-row').filter({ hasText: 'login nobody' }).count()).toBeGreaterThan(0);
  }, 120_000);

  it('works at 390 px and in English: accounts and the audit log', async () => {
    const page = await signIn(browser, stack.base, 'admin', phone, demoPassword);
    await page.evaluate(() => localStorage.setItem('RaStore.locale', '"en"'));
    await page.goto(`${stack.base}/#/accounts`);
    await page.reload();
    await poll(() => page.getByText('Reset password').count()).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'accounts-phone-en');
    await page.goto(`${stack.base}/#/audit`);
    await poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'audit-log-phone-en');
    await page.context().close();
  }, 120_000);

  it('gives the supervising office department accounts only', async () => {
    const page = await signIn(browser, stack.base, 'supervisor', wide, demoPassword);
    await page.goto(`${stack.base}/#/accounts`);
    await poll(() => page.getByTestId('account-row').count()).toBeGreaterThan(0);
    const roles = await page.getByTestId('account-row').allTextContents();
    expect(roles.every((row) => row.includes('承办单位'))).toBe(true);
    await page.locator('[data-action=createAccount]').click();
    expect(await page.getByTestId('account-role').locator('[aria-disabled=true]').count()).toBeGreaterThan(0);
  }, 120_000);

  it('lets anyone change their password from the user menu; logout ends the session on the server', async () => {
    const page = await signIn(browser, stack.base, 'coordinator', wide, demoPassword);
    await page.getByRole('button', { name: /设置|Profile/ }).first().click();
    await page.getByTestId('menu-change-password').click();
    const form = page.getByTestId('change-password-form');
    await form.locator('input[name=current]').fill(demoPassword);
    await form.locator('input[name=next]').fill('Market-office-2026');
    await form.locator('input[name=again]').fill('Market-office-2026');
    await screenshot(page, 'change-password');
    await form.getByTestId('change-password').click();
    await poll(() => page.getByText('密码已修改').count()).toBeGreaterThan(0);

    const cookie = (await page.context().cookies()).find((c) => c.name === 'duban_session')!;
    expect(await me(page)).toEqual({ login: 'coordinator' });
    await page.getByRole('button', { name: /设置|Profile/ }).first().click();
    await page.getByRole('menuitem', { name: /退出|Logout/ }).click();
    await page.waitForURL((url) => url.hash.startsWith('#/login'));
    // The old cookie, sent again by hand, names a session that has ended.
    const replay = await fetch(`${stack.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `duban_session=${cookie.value}` }, body: JSON.stringify({ query: '{ me { login } }' }) });
    expect(((await replay.json()) as { data: { me: unknown } }).data.me).toBeNull();
  }, 120_000);
});
