// Issue 21 item 1 in Chromium against `npm start` (the demo plan's task 1.2 reports monthly):
// the compliance grid at phone width with its words, a department filing its monthly report
// with an attachment, the office's 跟催 in one action and the .xlsx export.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { phone, screenshot, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

describe.skipIf(skipWithoutChromium)('period reports (定期报告) in Chromium', () => {
  const session = consoleSession();

  it('shows the office the grid at 390 px with words, urges the missing period in one action and exports it; the department then files that report with an attachment', async () => {
    const office = await session.signIn('supervisor', phone);
    await office.goto(`${session.base}/#/reporting`);
    await poll(() => office.locator('[data-testid="reporting-grid"] [data-status]').count()).toBeGreaterThan(2);
    const words = await office.locator('[data-testid="reporting-grid"] [data-status]').allInnerTexts();
    expect(words.every((w) => ['按时报送', '逾期报送', '逾期未报', '未到期', '待审核'].includes(w))).toBe(true);
    expect(await office.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(office, 'reporting-phone');
    // The demo's one missing period: 跟催 urges it in one action.
    await office.locator('[data-action=urge-missing]').first().click();
    await poll(() => office.getByRole('alert').innerText()).toMatch(/已催报 1 个单位/);
    const [saved] = await Promise.all([office.waitForEvent('download'), office.locator('[data-action=export-reporting]').click()]);
    expect(saved.suggestedFilename()).toMatch(/^定期报告-\d{4}-\d\d-\d\d\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await saved.path())!) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('定期报告')!.getRow(2).getCell(1).value).toBe('任务');
    await office.context().close();

    const page = await session.signIn('market');
    await page.goto(`${session.base}/#/reporting`);
    const missing = page.locator('[data-testid="reporting-grid"] button[data-status="missing"]');
    await poll(() => missing.count()).toBe(1);
    // Every cell is its own unit's, and says its status in words.
    expect(await page.locator('[data-testid="reporting-grid"] tbody tr td:nth-child(2)').allInnerTexts()).toEqual(['市市场监管委']);
    expect(await missing.innerText()).toBe('逾期未报');
    await missing.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('report-comment').fill('本月完成系统上线准备，附测试报告。');
    await dialog.getByTestId('report-percent').fill('45');
    await dialog.getByTestId('attachments-input').setInputFiles({ name: '测试报告.txt', mimeType: 'text/plain', buffer: Buffer.from('系统测试通过。') });
    await poll(() => dialog.getByTestId('attachments-list').innerText()).toContain('测试报告.txt');
    await poll(() => dialog.locator('[data-action=fileReport]').isDisabled()).toBe(false);
    await dialog.locator('[data-action=fileReport]').click();
    await poll(() => missing.count()).toBe(0);
    await poll(() => page.locator('[data-testid="reporting-grid"] [data-status="submitted"]').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'reporting-department');
    await page.context().close();
  });
});
