// Sign-off inside a unit in Chromium (issue 21 item 4): a 承办人 of 市市场监管委 drafts a submission
// from its own list; the office does not see it; the unit's 负责人 signs it off on the 签发与代理
// page at phone width; the office then finds it in 待我决定. The demo's 市法制办 has a 承办人 beside its
// 负责人: the sign-in page offers it, and the 负责人 names it acting (职务代理) for a week, sees the
// delegation listed, and revokes it, at phone width.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphqlClient } from '../helpers/graphql.ts';
import { consoleSession } from './session.ts';
import { pageGraphql, phone, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const marketCommission = Buffer.from('Body:market-commission').toString('base64');
const dayMs = 86_400_000;
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe.skipIf(skipWithoutChromium)('sign-off (签发) in Chromium', () => {
  const session = consoleSession();

  it('keeps a 承办人\'s submission from the office until the 负责人 signs it off', async () => {
    const supervisor = await session.signIn('supervisor');
    const created = await pageGraphql(supervisor, `mutation ($b: ID!) { createAccount(input: { login: "zhang.drafter", displayName: "张三", role: department, bodyId: $b, duty: drafter }) { __typename ... on MutationCreateAccountSuccess { data { oneTimePassword } } ... on Error { message } } }`, { b: marketCommission });
    expect(created.createAccount.__typename).toBe('MutationCreateAccountSuccess');
    const api = graphqlClient(session.base);
    const password = 'Zhang-drafter-2026';
    const changed = await api.request(`mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "${password}") { __typename } }`, { c: created.createAccount.data.oneTimePassword }, await api.login('zhang.drafter', created.createAccount.data.oneTimePassword));
    expect(changed.data?.changePassword.__typename).toBe('MutationChangePasswordSuccess');
    // The accounts page names the duty.
    await supervisor.goto(`${session.base}/#/accounts`);
    await supervisor.getByLabel('搜索登录名或姓名').fill('zhang');
    await poll(() => supervisor.locator('[data-testid=account-row][data-login="zhang.drafter"]').textContent()).toContain('承办人');

    // The 承办人 drafts a submission from its own list.
    const drafter = await session.signIn('zhang.drafter', phone, password);
    await drafter.waitForURL(/#\/my-assignments/);
    const card = drafter.locator('[data-testid=my-assignment]').filter({ has: drafter.locator('[data-action=submit]') }).first();
    const ref = (await card.getAttribute('data-ref'))!;
    const same = drafter.locator(`[data-testid=my-assignment][data-ref="${ref}"]`);
    const status = await same.getAttribute('data-status');
    await same.locator('[data-action=submit]').click();
    const dialog = drafter.getByRole('dialog');
    await dialog.getByLabel('说明').fill('细则初稿（承办人起草）');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => same.locator('[data-action=submit]').count()).toBe(0);
    expect(await same.getAttribute('data-status')).toBe(status);
    await drafter.goto(`${session.base}/#/sign-off`);
    await poll(() => drafter.getByTestId('sign-off-duty').textContent()).toContain('您是本单位承办人');
    await poll(() => drafter.getByTestId('sign-off-draft').count()).toBe(1);
    expect(await drafter.locator('[data-testid=sign-off-draft] [data-action=signOff]').count()).toBe(0);
    await drafter.context().close();

    // The office sees nothing submitted: no accept on the task page, only the draft on the timeline.
    const found = await pageGraphql(supervisor, `query ($b: ID!) { assignments(filter: { bodyId: $b }, first: 200) { edges { node { task { id ref } } } } }`, { b: marketCommission });
    const taskId = found.assignments.edges.map((e: any) => e.node.task).find((t: any) => t.ref === ref).id as string;
    await supervisor.goto(`${session.base}/#/tasks/${encodeURIComponent(taskId)}/show`);
    const row = supervisor.locator('[data-testid=assignment-row][data-body="市市场监管委"]');
    await poll(() => row.count()).toBe(1);
    await poll(() => supervisor.locator('[data-testid=timeline-event][data-type=draft]').count()).toBeGreaterThan(0);
    expect(await row.locator('[data-action=accept]').count()).toBe(0);

    // The 负责人 signs it off at phone width.
    const head = await session.signIn('market', phone);
    await head.goto(`${session.base}/#/sign-off`);
    const draft = head.locator('[data-testid=sign-off-draft]', { hasText: '细则初稿（承办人起草）' });
    await poll(() => draft.count()).toBe(1);
    expect(await draft.textContent()).toContain('张三 起草于');
    await draft.locator('[data-action=signOff]').click();
    const signDialog = head.getByRole('dialog');
    await poll(() => signDialog.textContent()).toContain('签发后');
    await signDialog.getByTestId('confirm-action').click();
    await poll(() => signDialog.count()).toBe(0);
    await poll(() => head.getByTestId('sign-off-draft').count()).toBe(0);
    expect(await overflow(head)).toBeLessThanOrEqual(0);
    await head.context().close();

    // Now it is submitted: the office may accept it, and the timeline shows the drafter's text submitted.
    await supervisor.reload();
    await poll(() => row.locator('[data-action=accept]').count()).toBe(1);
    await poll(() => supervisor.locator('[data-testid=timeline-event][data-type=submit]', { hasText: '细则初稿（承办人起草）' }).count()).toBe(1);
    await supervisor.context().close();
  }, 300_000);
  it('lets the demo 负责人 name its demo 承办人 acting for a period, list it and revoke it, on a phone', async () => {
    // The sign-in page offers the demo 承办人 with its duty; it signs in with the demo password.
    const demo = await graphqlClient(session.base).request('{ demoLogins { accounts { login role duty } } }');
    expect(demo.data?.demoLogins.accounts).toContainEqual({ login: 'qian.legal', role: 'department', duty: 'drafter' });
    const drafter = await session.signIn('qian.legal', phone);
    await drafter.goto(`${session.base}/#/sign-off`);
    await poll(() => drafter.getByTestId('sign-off-duty').textContent()).toContain('您是本单位承办人');
    await drafter.context().close();

    const head = await session.signIn('legal', phone);
    await head.goto(`${session.base}/#/sign-off`);
    await poll(() => head.getByTestId('sign-off-duty').textContent()).toContain('您是本单位负责人');
    await head.locator('[data-action=delegate]').click();
    const dialog = head.getByRole('dialog');
    await dialog.getByTestId('delegate-colleague').getByRole('combobox').click();
    await head.getByRole('option', { name: /钱进/ }).click();
    await dialog.getByTestId('delegate-until').fill(shanghaiDay(Date.now() + 7 * dayMs));
    expect(await overflow(head)).toBeLessThanOrEqual(0);
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);

    const listed = head.getByTestId('delegation').filter({ hasText: '钱进' });
    await poll(() => listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('生效中');
    expect(await overflow(head)).toBeLessThanOrEqual(0);
    const desk = async () => (await pageGraphql(head, '{ signOffDesk { delegations { delegateName inForce revokedAt } } }')).signOffDesk.delegations as { delegateName: string; inForce: boolean; revokedAt: string | null }[];
    expect((await desk()).filter((d) => d.delegateName.startsWith('钱进') && d.inForce)).toHaveLength(1);

    await listed.locator('[data-action=revoke]').click();
    await poll(() => listed.textContent()).toContain('已撤销');
    expect(await listed.locator('[data-action=revoke]').count()).toBe(0);
    expect((await desk()).filter((d) => d.delegateName.startsWith('钱进') && d.inForce)).toHaveLength(0);
    expect(await overflow(head)).toBeLessThanOrEqual(0);
    await head.context().close();
  }, 300_000);
});
