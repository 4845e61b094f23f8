import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { screenshot, skipWithoutChromium } from './stack.ts';

/** A district's notice in our own words: none of its bodies is in the reference registry. */
const notice = `某某区人民政府办公室关于印发营商环境提升行动任务分工的通知

区政府各委、办、局：
经区人民政府同意，现将营商环境提升行动任务分工印发给你们，请认真贯彻落实。

某某区人民政府办公室
2026年3月2日

一、重点任务
1.推行企业开办一日办结，压缩审批环节。（牵头单位：区行政审批局；配合单位：区市场监管局）
2.建设公共法律服务中心，为企业提供法律咨询。（牵头单位：区司法局；配合单位：有关部门）
`;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

describe.skipIf(skipWithoutChromium)('a notice from outside the reference registry becomes a workable plan in the console', () => {
  const session = consoleSession();

  it('registers a body with its account, then settles every unknown body of a draft (register, map, keep to designate) and commits', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/bodies`);
    await supervisor.getByTestId('create-body').click();
    const form = supervisor.getByRole('dialog');
    await form.getByLabel('简称').fill('区市场监督管理局');
    await form.getByLabel('别名').fill('某某区市场监督管理局');
    await form.getByLabel('登录名').fill('qu-scjg');
    await form.getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('one-time-password-value').count()).toBe(1);
    expect((await supervisor.getByTestId('one-time-password-value').textContent())!.length).toBeGreaterThanOrEqual(10);
    await supervisor.getByTestId('one-time-password-done').click();
    await poll(() => supervisor.getByText('区市场监督管理局', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(supervisor, 'bodies-registered');

    await supervisor.goto(`${session.base}/#/import`);
    await supervisor.getByRole('tab', { name: '粘贴文本' }).click();
    await supervisor.getByTestId('notice-text').fill(notice);
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(2);
    const row = (name: string) => supervisor.locator(`[data-testid=draft-body][data-name="${name}"]`);
    for (const name of ['区行政审批局', '区市场监管局', '区司法局', '有关部门']) expect(await row(name).getAttribute('data-match')).toBe('unknown');

    // Committing with names still unsettled is refused, listing them.
    await supervisor.getByTestId('commit-plan').click();
    await poll(() => supervisor.getByTestId('commit-panel').getByRole('alert').textContent()).toMatch(/未登记.*区行政审批局/);

    await row('区行政审批局').getByTestId('settle-register').click();
    await row('区司法局').getByTestId('settle-register').click();
    await row('有关部门').getByTestId('settle-placeholder').click();
    await row('区市场监管局').getByTestId('settle-map').click();
    await row('区市场监管局').getByTestId('settle-map-to').getByRole('combobox').fill('区市场监督');
    await supervisor.getByRole('option', { name: '区市场监督管理局', exact: true }).click();
    await screenshot(supervisor, 'import-settle-bodies');

    await supervisor.getByTestId('commit-plan').click();
    await supervisor.waitForURL(/#\/plans\/.+\/show/);
    await poll(() => supervisor.getByText('推行企业开办一日办结', { exact: false }).count()).toBeGreaterThan(0);

    // The new bodies are in the registry, the name mapped is an alias of the body it stands for.
    await supervisor.goto(`${session.base}/#/bodies?filter=${encodeURIComponent(JSON.stringify({ q: '区' }))}`);
    await poll(() => supervisor.getByText('区行政审批局', { exact: true }).count()).toBeGreaterThan(0);
    await supervisor.context().close();
  }, 180_000);

  it('the supervising office sets a body\'s group-robot webhook on the 单位 page; a URL that is not http(s) is refused in words', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/bodies?filter=${encodeURIComponent(JSON.stringify({ q: '民政' }))}`);
    const edit = () => supervisor.getByRole('row').filter({ has: supervisor.getByText('市民政局', { exact: true }) }).getByTestId('edit-body').click();
    await edit();
    const form = supervisor.getByRole('dialog');
    await form.getByTestId('body-webhook').fill('qyapi.weixin.qq.com/send?key=1');
    await form.getByTestId('confirm-action').click();
    await poll(() => form.getByRole('alert').textContent()).toContain('http');
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=civil-affairs';
    await form.getByTestId('body-webhook').fill(url);
    await form.getByTestId('confirm-action').click();
    await poll(() => supervisor.getByRole('dialog').count()).toBe(0);
    await supervisor.reload();
    await edit();
    await poll(() => supervisor.getByRole('dialog').getByTestId('body-webhook').inputValue()).toBe(url);
    await supervisor.context().close();
  }, 120_000);

  it('立项: a leader\'s instruction becomes a plan by hand, with its lead, deadline and recurrence, and a task like an imported one', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/import`);
    await supervisor.getByTestId('manual-tab').click();
    await supervisor.getByTestId('manual-title').fill('关于加快政务服务热线整合的批示');
    await supervisor.getByTestId('manual-text').fill('请市法制办牵头，会同有关部门加快推进政务服务热线整合，按月报送进展。');
    await supervisor.getByTestId('manual-start').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(1);
    const task = supervisor.locator('[data-testid=draft-task][data-ref="1.1"]');
    await task.getByLabel('牵头单位').fill('市法制办');
    await task.getByLabel('牵头单位').press('Enter');
    await task.getByLabel('任务期限').fill('2030-06-30');
    await task.getByLabel('周期').fill('每月');
    await screenshot(supervisor, 'manual-plan');
    await supervisor.getByTestId('commit-plan').click();
    await supervisor.waitForURL(/#\/plans\/.+\/show/);
    await poll(() => supervisor.getByText('加快推进政务服务热线整合', { exact: false }).count()).toBeGreaterThan(0);
    await supervisor.context().close();

    // The lead body sees it in its own work, due on the day set.
    const legal = await session.signIn('legal');
    await legal.goto(`${session.base}/#/my-assignments`);
    await poll(() => legal.getByText('加快推进政务服务热线整合', { exact: false }).count()).toBeGreaterThan(0);
    await legal.context().close();
  }, 180_000);
});
