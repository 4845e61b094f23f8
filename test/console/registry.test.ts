import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import type { Page } from 'playwright-core';
import { desktop, phone, screenshot, skipWithoutChromium } from './stack.ts';

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

/** A notice of reference bodies whose first task holds two tasks and whose last two are one. */
const uneven = `天津市人民政府办公厅关于印发养老服务提升行动任务分工的通知

各区人民政府，市政府各委、局：
经市人民政府同意，现将养老服务提升行动任务分工印发给你们，请认真贯彻落实。

天津市人民政府办公厅
2026年3月2日

一、重点任务
1.建设社区养老服务站。推广居家养老上门服务。（牵头单位：市民政局）
2.开展养老机构安全检查。（牵头单位：市民政局；配合单位：市安全监管局）
3.整改检查发现的隐患。（牵头单位：市民政局）
二、工作要求
各牵头单位于2030年6月30日前报送工作进展情况。
`;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

/** How far the page is wider than the window: a page that fits a phone scrolls only down. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

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
    // 区司法局 is registered at once from the draft, with its department account: the one-time password is shown once.
    await row('区司法局').getByTestId('settle-register').click();
    await row('区司法局').getByTestId('settle-register-account').click();
    const registering = supervisor.getByRole('dialog');
    expect(await registering.getByLabel('简称').inputValue()).toBe('区司法局');
    await registering.getByLabel('登录名').fill('qu-sifa');
    await registering.getByTestId('confirm-action').click();
    await poll(() => supervisor.getByTestId('one-time-password').textContent()).toContain('qu-sifa');
    expect((await supervisor.getByTestId('one-time-password-value').textContent())!.length).toBeGreaterThanOrEqual(10);
    await supervisor.getByTestId('one-time-password-done').click();
    await poll(() => row('区司法局').getAttribute('data-match')).toBe('known');
    expect(await supervisor.getByTestId('draft-warnings').textContent()).not.toContain('区司法局');
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

  it('the draft editor splits a task, merges two, edits a requirement, and says when an edited text is no longer in the notice', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/import`);
    await supervisor.getByRole('tab', { name: '粘贴文本' }).click();
    await supervisor.getByTestId('notice-text').fill(uneven);
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(3);
    const task = (ref: string) => supervisor.locator(`[data-testid=draft-task][data-ref="${ref}"]`);
    const refs = () => supervisor.getByTestId('draft-task').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-ref')));
    const mark = supervisor.getByTestId('source-mark');
    const noMatch = supervisor.getByTestId('source-no-match');

    await task('1.1').getByText('1.1', { exact: true }).click();
    await poll(() => mark.textContent()).toBe('建设社区养老服务站。推广居家养老上门服务。');

    // Split at the cursor: the second part takes the next free ref, right after the first, with the same lead.
    const text = task('1.1').getByTestId('draft-task-text');
    await text.click();
    await text.press('Control+Home');
    for (let i = 0; i < 10; i++) await text.press('ArrowRight');
    await task('1.1').getByTestId('split-task').click();
    await poll(refs).toEqual(['1.1', '1.4', '1.2', '1.3']);
    expect(await task('1.1').getByTestId('draft-task-text').inputValue()).toBe('建设社区养老服务站。');
    expect(await task('1.4').getByTestId('draft-task-text').inputValue()).toBe('推广居家养老上门服务。');
    await task('1.4').getByText('1.4', { exact: true }).click();
    await poll(() => mark.textContent()).toBe('推广居家养老上门服务。');

    // Merge 1.3 into 1.2: one task, both bodies; its text is not one passage of the notice, and the pane says so.
    await task('1.2').getByTestId('merge-next').click();
    await poll(refs).toEqual(['1.1', '1.4', '1.2']);
    expect(await task('1.2').getByTestId('draft-task-text').inputValue()).toBe('开展养老机构安全检查。整改检查发现的隐患。');
    await task('1.2').getByText('1.2', { exact: true }).click();
    await poll(() => noMatch.textContent()).toContain('1.2');
    expect(await mark.count()).toBe(0);
    // The draft editor with its split and merge buttons fits a phone.
    await supervisor.setViewportSize(phone);
    await poll(() => overflow(supervisor)).toBeLessThanOrEqual(0);
    await supervisor.setViewportSize(desktop);

    // An edited text the notice does not hold is not marked; one it holds is.
    await task('1.1').getByTestId('draft-task-text').fill('建设社区养老服务中心。');
    await task('1.1').getByText('1.1', { exact: true }).click();
    await poll(() => noMatch.textContent()).toContain('1.1');
    await task('1.1').getByTestId('draft-task-text').fill('建设社区养老服务站');
    await poll(() => mark.textContent()).toBe('建设社区养老服务站');

    await supervisor.getByTestId('draft-requirement-text').fill('各牵头单位于2030年6月30日前报送工作进展和下一步计划。');
    await supervisor.getByTestId('commit-plan').click();
    await supervisor.waitForURL(/#\/plans\/.+\/show/);
    for (const words of ['推广居家养老上门服务。', '开展养老机构安全检查。整改检查发现的隐患。', '报送工作进展和下一步计划']) {
      await poll(() => supervisor.getByText(words, { exact: false }).count()).toBeGreaterThan(0);
    }
    await poll(() => supervisor.getByText('整改检查发现的隐患。', { exact: true }).count()).toBe(0);
    await supervisor.context().close();
  }, 180_000);

  it('a notice of another government is matched and settled in that government\'s registry, which its plan keeps', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/import`);
    await poll(() => supervisor.getByTestId('registry-picker').textContent()).toBe('天津市人民政府');
    await supervisor.getByTestId('new-registry').click();
    await supervisor.getByTestId('new-registry-name').fill('某某县人民政府');
    await supervisor.getByTestId('create-registry').click();
    await poll(() => supervisor.getByTestId('registry-picker').textContent()).toBe('某某县人民政府');
    // The picker with the new registry's field open fits a phone.
    await supervisor.getByTestId('new-registry').click();
    await supervisor.setViewportSize(phone);
    await poll(() => overflow(supervisor)).toBeLessThanOrEqual(0);
    await supervisor.setViewportSize(desktop);
    await supervisor.getByRole('button', { name: '取消' }).click();

    await supervisor.getByRole('tab', { name: '粘贴文本' }).click();
    await supervisor.getByTestId('notice-text').fill(notice.replaceAll('某某区', '某某县').replace('营商环境', '县域营商环境'));
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(2);
    expect(await supervisor.getByTestId('commit-registry').textContent()).toContain('某某县人民政府');
    const row = (name: string) => supervisor.locator(`[data-testid=draft-body][data-name="${name}"]`);
    for (const name of ['区行政审批局', '区市场监管局', '区司法局']) await row(name).getByTestId('settle-register').click();
    await row('有关部门').getByTestId('settle-placeholder').click();
    await supervisor.getByTestId('commit-plan').click();
    await supervisor.waitForURL(/#\/plans\/.+\/show/);
    await poll(() => supervisor.getByText('某某县人民政府', { exact: true }).count()).toBeGreaterThan(0);

    // The same names now read as registered in that registry, and still unknown in the reference one.
    await supervisor.goto(`${session.base}/#/import`);
    await supervisor.getByTestId('registry-picker').click();
    await supervisor.getByRole('option', { name: '某某县人民政府' }).click();
    await supervisor.getByRole('tab', { name: '粘贴文本' }).click();
    await supervisor.getByTestId('notice-text').fill(notice);
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => row('区司法局').getAttribute('data-match')).toBe('known');
    await supervisor.context().close();
  }, 180_000);

  it('a district sees its own assignment of a task the notice gave to 各区县人民政府, with the group as its origin, in Chinese and English', async () => {
    const district = await session.signIn('heping');
    await district.goto(`${session.base}/#/my-assignments`);
    const card = district.locator('[data-testid=my-assignment][data-ref="9.1"]');
    await card.getByRole('link', { name: '任务 9.1' }).click();
    await district.waitForURL(/#\/tasks\/.+\/show/);
    const own = district.locator('[data-testid=assignment-row][data-body="和平区人民政府"]');
    await poll(() => own.getByTestId('assignment-origin').textContent()).toBe('由群组「各区县人民政府」分派');
    await district.getByRole('button', { name: '中文' }).click();
    await district.getByRole('menuitem', { name: 'English' }).click();
    await poll(() => own.getByTestId('assignment-origin').textContent()).toBe('Designated from the group 各区县人民政府');
    await district.context().close();
  }, 120_000);
});
