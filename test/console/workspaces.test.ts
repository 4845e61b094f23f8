import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { desktop, phone, skipWithoutChromium, screenshot, tablet } from './stack.ts';

/** A short notice of the genre, typed by hand: two sections, a placeholder group, one deadline. */
const notice = `某市人民政府办公厅关于印发优化营商环境重点任务分工的通知

各区人民政府，市政府各委、局：
经市人民政府同意，现将优化营商环境重点任务分工印发给你们，请认真贯彻落实。

某市人民政府办公厅
2026年3月2日

一、主要任务及责任分工
（一）简化审批流程。
1.全面推行企业开办“一网通办”，将开办时间压缩至1个工作日以内。（市市场监管委牵头，市审批办配合）
2.清理规范行政审批中介服务事项，公布保留事项清单。（市审批办牵头，市有关行政主管部门配合）
（二）加强事中事后监管。
1.全面推行“双随机、一公开”监管，实现部门联合抽查常态化。（市市场监管委负责）

二、有关要求
各牵头部门要于2026年6月底前制定具体实施方案。
`;

const seedNotice = fileURLToPath(new URL('../../prisma/seed/tianjin-2015-market-supervision.txt', import.meta.url));

const shanghaiDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/** Waits for what the page shows after a round trip through the API and the workflow. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

/** Opens an action's dialog from a button inside `scope`, fills the text field, confirms, and waits for it to close. */
async function act(page: Page, scope: Locator, action: string, field: string, text: string): Promise<void> {
  await scope.locator(`[data-action=${action}]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(field).fill(text);
  await dialog.getByTestId('confirm-action').click();
  await poll(() => dialog.count()).toBe(0);
}

/** Nothing wider than the window: the page works without sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(skipWithoutChromium)('admin console in Chromium against the running stack', () => {
  const session = consoleSession();

  // One story, so that it passes alone and in any order: the urge, the department's answer, the office's decisions.
  it('supervising office urges from the dashboard; the department sees it, submits one and asks to extend another; a stale action is refused in words, the submission accepted, the extension approved', async () => {
    const supervisor = await session.signIn('supervisor');
    // The demo plan, should another test have imported a plan (the overview shows the newest).
    await poll(() => supervisor.getByTestId('overdue-row').count()).toBeGreaterThan(0);
    if ((await supervisor.getByRole('combobox').count()) > 0) {
      await supervisor.getByRole('combobox').first().click();
      await supervisor.getByRole('option', { name: /市场主体事中事后监管/ }).click();
    }
    await poll(() => supervisor.getByTestId('overdue-row').count()).toBeGreaterThan(10);
    for (const word of ['逾期', '预警', '正常', '办结']) await poll(() => supervisor.getByText(word, { exact: true }).count()).toBeGreaterThan(0);
    await poll(() => supervisor.getByTestId('body-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await screenshot(supervisor, 'dashboard');

    const urgeable = supervisor.locator('[data-testid=overdue-row][data-body="市市场监管委"]').filter({ has: supervisor.locator('[data-action=urge]') });
    const urgedRef = (await urgeable.first().getAttribute('data-ref'))!;
    const row = supervisor.locator(`[data-testid=overdue-row][data-body="市市场监管委"][data-ref="${urgedRef}"]`);
    await act(supervisor, row, 'urge', '催办内容', '请于本周五前报送。');
    await poll(() => supervisor.getByText('已催办：市市场监管委').count()).toBe(1);

    await row.locator('.MuiListItemButton-root').click();
    await supervisor.waitForURL(/#\/tasks\/.+\/show/);
    const urge = supervisor.locator('[data-testid=timeline-event][data-type=urge]').filter({ hasText: '请于本周五前报送。' });
    await poll(() => urge.count()).toBe(1);

    // Left open while the department submits: confirming it later must be refused by the workflow, in words.
    await supervisor.locator('[data-testid=assignment-row][data-body="市市场监管委"] [data-action=urge]').click();
    await poll(() => supervisor.getByRole('dialog').count()).toBe(1);

    // The department: my assignments shows the urge; it submits that one and asks to extend another.
    const market = await session.signIn('market');
    await market.waitForURL(/#\/my-assignments/);
    const card = market.locator(`[data-testid=my-assignment][data-ref="${urgedRef}"]`);
    await poll(() => card.getByTestId('urge-note').textContent()).toContain('请于本周五前报送。');
    // A department sees only its own actions: nothing of the supervising office's.
    expect(await market.locator('[data-action=urge], [data-action=accept]').count()).toBe(0);

    await act(market, card, 'submit', '说明', '已完成，报送制度文本及抽查细则。');
    await poll(() => card.getAttribute('data-status')).toBe('submitted');

    const other = market.locator('[data-testid=my-assignment][data-status=assigned]').filter({ has: market.locator('[data-action=requestExtension]') }).first();
    const extendedTaskPath = (await other.locator('a').first().getAttribute('href'))!;
    const until = shanghaiDay(Date.now() + 10 * 86_400_000);
    await other.locator('[data-action=requestExtension]').click();
    const extension = market.getByRole('dialog');
    await extension.getByTestId('extension-until').fill(until);
    await extension.getByLabel('理由').fill('需征求法制办意见。');
    await extension.getByTestId('confirm-action').click();
    await poll(() => extension.count()).toBe(0);
    await poll(() => market.getByText(`已申请延期至 ${until.replaceAll('-', '/')}`).count()).toBe(1);
    await screenshot(market, 'my-assignments');
    await market.context().close();

    // The urge dialog opened before the body submitted: the workflow refuses it now, and the dialog says why.
    const assignment = supervisor.locator('[data-testid=assignment-row][data-body="市市场监管委"]');
    const stale = supervisor.getByRole('dialog');
    await stale.getByTestId('confirm-action').click();
    await poll(() => stale.getByRole('alert').textContent()).toContain('不能执行此操作');
    await stale.getByRole('button', { name: '取消' }).click();

    await supervisor.reload();
    await poll(() => assignment.locator('[data-action=accept]').count()).toBe(1);
    await screenshot(supervisor, 'task');
    await act(supervisor, assignment, 'accept', '说明', '同意办结。');
    await poll(() => assignment.locator('[data-status]').first().textContent()).toBe('已验收');
    const types = await supervisor.getByTestId('timeline-event').evaluateAll((events) => events.map((e) => e.getAttribute('data-type')));
    expect(types).toEqual(expect.arrayContaining(['urge', 'submit', 'accept']));

    await supervisor.goto(`${session.base}/${extendedTaskPath}`);
    const extended = supervisor.locator('[data-testid=assignment-row][data-body="市市场监管委"]');
    await extended.locator('[data-action=decideExtension]').click();
    await poll(() => supervisor.getByRole('dialog').textContent()).toContain('需征求法制办意见。');
    await supervisor.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => extended.textContent()).toContain(shanghaiDay(Date.now() + 10 * 86_400_000).replaceAll('-', '/'));
    await supervisor.context().close();
  }, 360_000);

  it('performance office: the same views, read-only, and the scores page', async () => {
    const page = await session.signIn('performance');
    await poll(() => page.getByTestId('overdue-row').count()).toBeGreaterThan(0);
    // A task of the demo plan, with the events its deadline and the demo's steps recorded.
    await page.getByTestId('overdue-row').first().locator('.MuiListItemButton-root').click();
    await page.waitForURL(/#\/tasks\/.+\/show/);
    await poll(() => page.getByTestId('timeline-event').count()).toBeGreaterThan(0);
    await page.goto(`${session.base}/#/assignments`);
    await poll(() => page.locator('tbody .RaDataTable-row').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-action]').count()).toBe(0);
    await page.getByRole('menuitem', { name: '绩效评分' }).click();
    await poll(() => page.getByTestId('scores-page').textContent()).toContain('该年度尚无评分表');
    await page.context().close();
  }, 120_000);

  it('works at tablet width, searches tasks, switches to English, and sends an expired session back to sign-in', async () => {
    const page = await session.signIn('supervisor', tablet);
    await poll(() => page.getByTestId('overdue-row').count()).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-tablet');
    await page.goto(`${session.base}/#/tasks`);
    await poll(() => page.locator('tbody .RaDataTable-row').count()).toBe(25);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByPlaceholder('搜索').fill('随机抽查');
    await poll(() => page.locator('tbody .RaDataTable-row').count()).toBeLessThan(5);

    await page.setViewportSize(desktop);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await poll(() => page.getByText('Overdue', { exact: true }).count()).toBeGreaterThan(0);

    // The session cookie no longer names a live session (expired, or revoked elsewhere).
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'duban_session', value: 'expired', url: session.base }]);
    await page.reload();
    await page.waitForURL(/#\/login/);
    await page.context().close();
  }, 120_000);

  it('supervising office works the ledger on a phone: one card per assignment, what no longer counts last, and urges from a card; the task list is cards too, and a task shows its assignments stacked', async () => {
    const page = await session.signIn('supervisor', phone);
    await page.goto(`${session.base}/#/assignments`);
    const cards = page.getByTestId('ledger-card');
    await poll(() => cards.count()).toBeGreaterThan(10);
    expect(await page.locator('table').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Most urgent first: no card that counts comes after one marked 不计.
    const lights = await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-light')));
    const firstNotCounted = lights.indexOf('none');
    if (firstNotCounted >= 0) expect(lights.slice(firstNotCounted).every((light) => light === 'none'), lights.join()).toBe(true);
    expect(lights[0]).not.toBe('none');
    await screenshot(page, 'ledger-cards-phone');

    // Not 市市场监管委: the dashboard story urges it, and a second urge within the interval asks to confirm.
    const card = page.locator('[data-testid=ledger-card]:not([data-body="市市场监管委"])').filter({ has: page.locator('[data-action=urge]') }).first();
    const body = (await card.getAttribute('data-body'))!;
    const button = (await card.locator('[data-action=urge]').boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(phone.width);
    await act(page, card, 'urge', '催办内容', '请于明日前报送进展。');
    await poll(() => page.getByText(`已催办：${body}`).count()).toBe(1);

    await page.goto(`${session.base}/#/tasks`);
    await poll(() => page.getByTestId('task-card').count()).toBe(25);
    expect(await page.locator('table').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const ref = (await page.getByTestId('task-card').first().getAttribute('data-ref'))!;
    await page.getByTestId('task-card').first().click();
    await page.waitForURL(/#\/tasks\/.+\/show/);
    await poll(() => page.getByText(ref, { exact: false }).count()).toBeGreaterThan(0);
    // The task's assignments stack on a phone, each with its actions in view.
    const assignments = page.getByTestId('task-assignments');
    await poll(() => assignments.getByTestId('assignment-row').count()).toBeGreaterThan(0);
    expect(await assignments.locator('table').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  }, 120_000);

  it('supervising office: imports a pasted notice, designates its placeholder group and commits it', async () => {
    const supervisor = await session.signIn('supervisor');
    await supervisor.goto(`${session.base}/#/import`);
    // The seed notice as an uploaded file (the GraphQL multipart request): all 35 tasks, beside the source.
    await supervisor.getByTestId('notice-file').setInputFiles(seedNotice);
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(35);
    await supervisor.getByRole('button', { name: '重新选择通知' }).click();

    await supervisor.getByRole('tab', { name: '粘贴文本' }).click();
    await supervisor.getByTestId('notice-text').fill('这不是一份通知。');
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByRole('alert').filter({ hasText: '未找到编号任务' }).count()).toBe(1);

    await supervisor.getByTestId('notice-text').fill(notice);
    await supervisor.getByTestId('parse-notice').click();
    await poll(() => supervisor.getByTestId('draft-task').count()).toBe(3);
    // Warnings are worded by the console from their code, in its language.
    const warning = supervisor.getByTestId('draft-warnings').locator('[data-code=placeholderBody]');
    expect(await warning.textContent()).toBe('待指定：市有关行政主管部门（见任务 1.2），请指定具体单位。');
    await supervisor.locator('[data-testid=draft-task][data-ref="1.2"]').click();
    await poll(() => supervisor.getByTestId('source-pane').locator('mark').textContent()).toContain('清理规范行政审批中介服务事项');
    await supervisor.evaluate(() => window.scrollTo(0, 0));
    await screenshot(supervisor, 'import');

    const placeholder = supervisor.locator('[data-testid=draft-body][data-name="市有关行政主管部门"]');
    expect(await placeholder.getAttribute('data-match')).toBe('placeholder');
    await placeholder.getByRole('combobox').fill('市商务委');
    await supervisor.getByRole('option', { name: '市商务委', exact: true }).click();
    await placeholder.getByRole('button', { name: '替换' }).click();
    await poll(() => placeholder.count()).toBe(0);
    await poll(() => supervisor.locator('[data-testid=draft-task][data-ref="1.2"]').textContent()).toContain('市商务委');
    expect(await supervisor.getByTestId('draft-warnings').count()).toBe(0);

    // The plan's pace margin (序时进度容差), sent with the draft.
    await supervisor.getByTestId('pace-margin').fill('30');
    const committed = supervisor.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('commitPlan'));
    await supervisor.getByTestId('commit-plan').click();
    expect(JSON.parse((await committed).postData()!).variables.draft.paceMarginPoints).toBe(30);
    await supervisor.waitForURL(/#\/plans\/.+\/show/);
    await poll(() => supervisor.getByText('全面推行企业开办“一网通办”', { exact: false }).count()).toBeGreaterThan(0);
    await supervisor.context().close();
  }, 120_000);
});
