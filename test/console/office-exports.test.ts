// Issue 16 items 6, 7, 9 and 10 in Chromium against `npm start`: the ledger's labelled
// filters and its export button, the department's calendar link, the scores page's
// versions and confirmations, the sign-in form without retries, and phone width.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { pageGraphql, phone, screenshot, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });


/** Clicks what starts a download and reads the file the browser saved, with the name it was saved under. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await saved.path())!) as unknown as ArrayBuffer);
  return { name: saved.suggestedFilename(), workbook };
}

/** Nothing wider than the window: the page works without sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(skipWithoutChromium)('ledger export, calendar link, scores and phone width in Chromium', () => {
  const session = consoleSession();

  // Signed out, the console asks `{ me }` on load and again on the sign-in page; a retried query would ask more.
  it('shows the sign-in form without retrying `{ me }`', async () => {
    const supervisor = await session.signIn('supervisor');
    const context = await supervisor.context().browser()!.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && /\{\s*me\b/.test(request.postData() ?? '')) asked.push(request.url());
    });
    await page.goto(`${session.base}/`);
    await page.getByLabel('登录名').waitFor();
    expect(asked.length).toBeLessThanOrEqual(2);
    await context.close();
    await supervisor.context().close();
  });

  it('labels each filter of the ledger, adds one per click, and exports what the filters show', async () => {
    const page = await session.signIn('supervisor');
    await page.goto(`${session.base}/#/assignments`);
    await poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '添加筛选' }).click();
    const items = page.getByRole('menuitemcheckbox');
    await poll(() => items.allInnerTexts()).toEqual(expect.arrayContaining(['状态灯', '办理状态', '到期时间', '部分', '牵头/配合', '方案']));
    const before = await page.locator('form [data-source]').count();
    await items.filter({ hasText: '牵头/配合' }).click();
    await poll(() => page.locator('form [data-source]').count()).toBe(before + 1);
    await page.getByLabel('牵头/配合').click();
    await page.getByRole('option', { name: '配合' }).click();
    await page.getByLabel('排序').click();
    await page.getByRole('option', { name: '按单位' }).click();
    await poll(async () => decodeURIComponent(page.url())).toMatch(/"role":"support"/);
    await poll(async () => decodeURIComponent(page.url())).toMatch(/"orderBy":"body"/);

    const expected = await pageGraphql(
      page,
      'query ($f: AssignmentFilter) { assignments(filter: $f, orderBy: body, first: 500) { totalCount edges { node { bodyName task { ref } } } } }',
      { f: { role: 'support' } },
    );
    expect(expected.assignments.totalCount).toBeGreaterThan(0);
    const { name, workbook } = await download(page, () => page.getByTestId('export-ledger').click());
    expect(name).toMatch(/^督办台账-\d{4}-\d\d-\d\d\.xlsx$/);
    const sheet = workbook.getWorksheet('督办台账')!;
    const rows = sheet.getRows(3, sheet.rowCount - 2) ?? [];
    expect(rows.map((r) => `${r.getCell(3).value} ${r.getCell(5).value}`)).toEqual(
      expected.assignments.edges.map((e: { node: { bodyName: string; task: { ref: string } } }) => `${e.node.task.ref} ${e.node.bodyName}`),
    );
    expect(new Set(rows.map((r) => r.getCell(6).value))).toEqual(new Set(['配合']));
    await screenshot(page, 'ledger-export');
    await page.context().close();
  });

  it('gives a department its calendar link to copy, and a new one that revokes the old', async () => {
    const page = await session.signIn('market');
    const field = page.getByTestId('calendar-url');
    await poll(() => field.inputValue()).toMatch(new RegExp(`^${session.base.replace(/[.]/g, '\\.')}/calendar/market-commission\\.ics\\?token=`));
    const first = await field.inputValue();
    const feed = await page.request.get(first);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('calendar-feed').scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-link');
    await page.locator('[data-action=copy-calendar-url]').click();
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await page.locator('[data-action=regenerate-calendar-url]').click();
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => field.inputValue()).not.toBe(first);
    expect((await page.request.get(first)).status()).toBe(403);
    expect((await page.request.get(await field.inputValue())).status()).toBe(200);
    await page.context().close();
  });

  it('lets the performance office compute, confirm review, announce and publish, recompute, and still see and export the published version', async () => {
    const page = await session.signIn('performance');
    const year = new Date().getFullYear();
    await page.goto(`${session.base}/#/scores`);
    await page.getByLabel('年度').fill(String(year));
    await page.locator('[data-action=compute]').click();
    await poll(() => page.getByTestId('sheet-status').innerText()).toBe('草稿');
    await page.locator('[data-action=review]').click();
    await page.getByRole('dialog').getByText(`确认审核 ${year} 年度评分表第 1 版？`).waitFor();
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').innerText()).toBe('已审核');
    // 公示 without an appeal period (0 working days), so it may be published at once.
    await page.locator('[data-action=announce]').click();
    await page.getByTestId('appeal-days').fill('0');
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').innerText()).toBe('公示中');
    await page.locator('[data-action=publish]').click();
    await page.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').innerText()).toBe('已发布');
    const ranks = (await page.getByTestId('rank').allInnerTexts()).map(Number);
    expect(ranks.length).toBeGreaterThan(1);
    expect(ranks[0]).toBe(1);
    // Standard competition ranking: each rank is one more than the rows scored above it.
    const scores = await pageGraphql(page, 'query ($y: Int) { scoreSheets(year: $y) { version scores { score rank } } }', { y: year });
    for (const s of scores.scoreSheets[0].scores) expect(s.rank).toBe(1 + scores.scoreSheets[0].scores.filter((o: { score: number }) => o.score > s.score).length);

    await page.locator('[data-action=compute]').click();
    await poll(() => page.getByText(`${year} 年度评分（第 2 版）`).count()).toBe(1);
    await page.getByTestId('sheet-version').click();
    await page.getByRole('option', { name: '第 1 版（已发布）' }).click();
    await poll(() => page.getByTestId('sheet-status').innerText()).toBe('已发布');
    await screenshot(page, 'scores-versions');
    const { name, workbook } = await download(page, () => page.locator('[data-action=export-scores]').click());
    expect(name).toBe(`绩效评分-${year}-v1.xlsx`);
    const table = workbook.getWorksheet('得分 Scores')!;
    expect(table.getRows(2, table.rowCount - 1)!.map((r) => r.getCell(1).value)).toEqual(ranks);
    // Opened again, the page starts on the latest year that has a sheet.
    await page.goto(`${session.base}/#/`);
    await page.goto(`${session.base}/#/scores`);
    await poll(() => page.getByLabel('年度').inputValue()).toBe(String(year));
    await page.context().close();
  });

  it('fits the supervisor pages into a 390 px phone screen', async () => {
    const page = await session.signIn('supervisor', phone);
    await poll(() => overflow(page)).toBeLessThanOrEqual(0);
    const task = await pageGraphql(page, '{ tasks(first: 1) { edges { node { id plan { id } } } } }');
    const paths = [
      '/', '/tasks', '/assignments', `/tasks/${encodeURIComponent(task.tasks.edges[0].node.id)}/show`, '/plans', `/plans/${encodeURIComponent(task.tasks.edges[0].node.plan.id)}/show`,
      '/import', '/filing', '/evaluation', '/scores', '/bodies', '/entities', '/objections', '/repairs', '/inspections', '/staff', '/credit-import',
      '/holiday-calendar', '/accounts',
    ];
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(`${session.base}/#${path}`);
      await page.waitForLoadState('networkidle');
      // Measured once the page's rows are in (lists) and nothing is loading any more.
      await page.locator('tbody tr, [data-testid]').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
      await page.locator('.MuiLinearProgress-root, .MuiCircularProgress-root').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
      await page.waitForLoadState('networkidle');
      // The widest of a few looks: a page whose data arrives late must not pass for having none.
      let extra = 0;
      for (let look = 0; look < 3; look += 1, await page.waitForTimeout(250)) extra = Math.max(extra, await overflow(page));
      if (extra > 0) wide.push(`${path}: ${extra}px`);
    }
    expect(wide).toEqual([]);
    await page.goto(`${session.base}/#/assignments`);
    await screenshot(page, 'ledger-phone');
    await page.context().close();
  }, 180_000);
});
