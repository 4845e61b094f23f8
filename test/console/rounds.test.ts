import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { phone, skipWithoutChromium } from './stack.ts';

/** Waits for what the page shows after a round trip through the API and the workflow. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

async function catalogue(items: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('监管目录');
  sheet.addRow(['审批事项', '保留/取消/下放', '监管对象', '监管内容', '监管方式', '监管标准', '监管措施', '监管程序']);
  for (const item of items) sheet.addRow([item, '保留', '规范性文件', '合法性', '书面审查', '立法法', '纠正', '受理—审查—反馈']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const menu = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();

/** The supervising office opens a filing round from its page, which then shows it. */
async function openFilingRound(page: Page, title: string, deadline: string): Promise<void> {
  await menu(page, '监管目录备案');
  await page.getByLabel('轮次标题').fill(title);
  await page.getByLabel('截止').fill(deadline);
  await page.locator('[data-action=open-filing]').click();
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
}

describe.skipIf(skipWithoutChromium)('filing, evaluation and scores pages in Chromium', () => {
  const session = consoleSession();

  it('the supervising office opens a filing round for every approval body', async () => {
    const page = await session.signIn('supervisor');
    await openFilingRound(page, '2026 年监管目录备案', '2027-01-31');
    await poll(() => page.getByTestId('round-status').textContent()).toBe('报送中');
    await poll(() => page.locator('tr[data-testid^=filing-]').count()).toBeGreaterThan(10);
    await poll(() => page.getByTestId('filing-legal-affairs-office').textContent()).toContain('待报送');
    await page.context().close();
  }, 120_000);

  it('a body uploads its catalogue: row errors are shown and nothing is saved; the corrected file is submitted and accepted', async () => {
    // A round of this test's own: the page shows the newest round.
    const supervisor = await session.signIn('supervisor');
    await openFilingRound(supervisor, '2026 年监管目录备案（上传）', '2027-01-31');
    await poll(() => supervisor.getByTestId('filing-legal-affairs-office').textContent()).toContain('待报送');

    // On a phone: the unit's own filing is a block of its own above the round's table.
    const legal = await session.signIn('legal', phone);
    await legal.goto(`${session.base}/#/filing`);
    await poll(() => legal.getByRole('heading', { level: 1 }).textContent()).toBe('2026 年监管目录备案（上传）');
    const row = legal.getByTestId('filing-legal-affairs-office');
    const own = legal.getByTestId('own-filing');
    const submit = own.locator('[data-action=submit]');
    const button = (await submit.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(phone.width);
    await own.getByTestId('measures-file').setInputFiles({ name: '实施办法.docx', mimeType: 'application/msword', buffer: Buffer.from('实施办法') });
    await own.getByTestId('catalogue-file').setInputFiles({ name: '目录.xlsx', mimeType: 'application/octet-stream', buffer: await catalogue(['法规审查', '法规审查']) });
    await submit.click();
    await poll(() => legal.getByTestId('filing-error').textContent()).toContain('3: 审批事项"法规审查"与第 2 行重复 Duplicate of row 2.');
    expect(await row.textContent()).toContain('待报送');
    await own.getByTestId('catalogue-file').setInputFiles({ name: '目录.xlsx', mimeType: 'application/octet-stream', buffer: await catalogue(['法规审查', '规章备案']) });
    await submit.click();
    await poll(() => row.textContent()).toContain('待审核');
    expect(await own.count()).toBe(0);
    expect(await legal.locator('[data-action=accept]').count()).toBe(0);
    await legal.context().close();

    await supervisor.reload();
    const reviewed = supervisor.getByTestId('filing-legal-affairs-office');
    await reviewed.locator('[data-action=accept]').click();
    await poll(() => reviewed.textContent()).toContain('已通过');
    expect(await reviewed.textContent()).toContain('审核通过');
    await supervisor.context().close();
  }, 120_000);

  it('a body types its catalogue row by row: row errors show at the row; the coordinator accepts and the consolidated view lists the rows and the overdue bodies', async () => {
    const supervisor = await session.signIn('supervisor');
    // A deadline already past, so the coordinator may consolidate without every body.
    await openFilingRound(supervisor, '2025 年监管目录备案（补报）', '2025-12-31');
    await poll(() => supervisor.getByTestId('filing-legal-affairs-office').textContent()).toContain('待报送');

    const legal = await session.signIn('legal');
    await menu(legal, '监管目录备案');
    await poll(() => legal.getByRole('heading', { level: 1 }).textContent()).toBe('2025 年监管目录备案（补报）');
    await legal.getByTestId('own-filing').locator('[data-action=edit-rows]').click();
    const editor = legal.getByTestId('catalogue-editor');
    const fill = async (row: number, values: Record<string, string>) => {
      for (const [label, value] of Object.entries(values)) await editor.getByLabel(`${label} ${row}`, { exact: true }).fill(value);
    };
    const full = { 监管对象: '规范性文件', 监管内容: '合法性', 监管方式: '书面审查', 监管标准: '立法法', 监管措施: '纠正', 监管程序: '受理—审查—反馈' };
    await fill(1, { 审批事项: '法规审查', ...full });
    await editor.locator('[data-action=add-row]').click();
    await fill(2, { 审批事项: '法规审查', ...full, 监管方式: '' });
    await editor.getByTestId('rows-measures-file').setInputFiles({ name: '实施办法.docx', mimeType: 'application/msword', buffer: Buffer.from('逐行填写的实施办法') });
    await editor.locator('[data-action=submit-rows]').click();
    const errors = editor.getByTestId('row-error-2');
    await poll(() => errors.textContent()).toContain('缺少监管方式 Missing Method.');
    expect(await errors.textContent()).toContain('审批事项"法规审查"与第 1 行重复 Duplicate of row 1.');
    expect(await editor.getByTestId('row-error-1').count()).toBe(0);
    expect(await legal.getByTestId('filing-legal-affairs-office').textContent()).toContain('待报送');
    await fill(2, { 审批事项: '规章备案', 监管方式: '备案审查' });
    await editor.locator('[data-action=submit-rows]').click();
    await poll(() => editor.count()).toBe(0);
    await poll(() => legal.getByTestId('filing-legal-affairs-office').textContent()).toContain('待审核');
    await legal.context().close();

    await supervisor.reload();
    const reviewed = supervisor.getByTestId('filing-legal-affairs-office');
    await poll(() => reviewed.locator('[data-action=accept]').count()).toBe(1);
    await reviewed.locator('[data-action=accept]').click();
    await poll(() => reviewed.textContent()).toContain('已通过');
    await supervisor.locator('[data-action=consolidate]').click();
    const consolidated = supervisor.getByTestId('consolidated');
    await poll(() => consolidated.getByTestId('consolidated-row').allTextContents()).toEqual([
      expect.stringMatching(/^市法制办法规审查保留规范性文件书面审查$/),
      expect.stringMatching(/^市法制办规章备案保留规范性文件备案审查$/),
    ]);
    expect(await consolidated.getByTestId('consolidated-overdue').textContent()).toContain('市市场监管委');
    expect(await consolidated.getByTestId('consolidated-overdue').textContent()).not.toContain('市法制办');
    await poll(() => supervisor.getByTestId('round-status').textContent()).toBe('已汇总');
    await supervisor.context().close();
  }, 180_000);

  it('a district reports in the round opened by hand; the coordinator sees it awaiting review', async () => {
    const supervisor = await session.signIn('supervisor');
    await menu(supervisor, '年度自查评估');
    // Next year's round: the demo's scoring scenario holds this year's, and the newest round is shown first.
    await supervisor.getByLabel('年度').fill(String(new Date().getFullYear() + 1));
    await supervisor.locator('[data-action=open-evaluation]').click();
    // This year's round is shown until next year's appears: wait for next year's, with its units.
    await supervisor.getByRole('heading', { name: `${new Date().getFullYear() + 1} 年度自查评估` }).waitFor({ timeout: 60_000 });
    await poll(() => supervisor.locator('tr[data-testid^=report-]').count()).toBeGreaterThan(20);
    await supervisor.locator('[data-action=open-evaluation]').click();
    await poll(() => supervisor.getByTestId('evaluation-error').textContent()).toContain('already open');

    // On a phone: the unit writes its report in full width above the round's table.
    const heping = await session.signIn('heping', phone);
    await heping.goto(`${session.base}/#/evaluation`);
    const form = heping.getByTestId('own-report');
    const submit = form.locator('[data-action=submit]');
    const button = (await submit.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(phone.width);
    await submit.click();
    await poll(() => heping.getByTestId('evaluation-error').textContent()).toContain('Fill in');
    for (const [label, text] of [['取消和调整审批事项的运行及后续监管情况', '均已落实'], ['企业和群众受益情况', '时限缩短'], ['市场活力', '主体增长'], ['监管效能', '全覆盖']]) {
      await form.getByLabel(label!).fill(text!);
    }
    await submit.click();
    await poll(() => heping.getByTestId('report-district-heping').textContent()).toContain('待审核');
    expect(await form.count()).toBe(0);
    await heping.context().close();

    await supervisor.reload();
    await poll(() => supervisor.getByTestId('report-district-heping').locator('[data-action=accept]').count()).toBe(1);
    await supervisor.context().close();
  }, 120_000);

  it('the performance office computes, reviews, announces and publishes, and reads the reasons behind a deduction', async () => {
    const page = await session.signIn('performance');
    await menu(page, '绩效评分');
    await page.getByLabel('年度').fill('2026');
    await page.locator('[data-action=compute]').click();
    await poll(() => page.getByTestId('sheet-status').textContent()).toBe('草稿');
    await poll(() => page.locator('tr[data-testid^=score-]').count()).toBeGreaterThan(20);
    // The demo plan's deadlines fell two days ago: the market commission's overdue leads are deducted, each with its events.
    await page.getByTestId('score-market-commission').click();
    await poll(() => page.getByTestId('deduction').first().textContent()).toContain('逾期');
    await poll(() => page.getByTestId('deduction').first().textContent()).toMatch(/\d{2}:\d{2}/);
    await page.locator('[data-action=review]').click();
    await page.getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').textContent()).toBe('已审核');
    // 公示 without an appeal period (0 working days), so it may be published at once.
    await page.locator('[data-action=announce]').click();
    await page.getByTestId('appeal-days').fill('0');
    await page.getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').textContent()).toBe('公示中');
    await page.locator('[data-action=publish]').click();
    await page.getByTestId('confirm-action').click();
    await poll(() => page.getByTestId('sheet-status').textContent()).toBe('已发布');
    expect(await page.locator('[data-action=review], [data-action=announce], [data-action=publish]').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
