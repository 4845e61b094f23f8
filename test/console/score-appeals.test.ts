// Issue 19 in Chromium against `npm start`: the performance office announces the demo
// year's sheet (公示), 和平区 sees its own line and appeals it with a file, the performance
// office reads the appeal with its evidence and corrects it (a new version); and the
// office writes a rubric version with who is scored (kinds of body, bodies left out).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { pageGraphql, phone, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);


describe.skipIf(skipWithoutChromium)('公示与申诉 in Chromium', () => {
  const session = consoleSession();
  const year = String(new Date().getFullYear());

  it('a unit appeals its own line with a file within the period; the performance office sees the evidence and corrects the line', async () => {
    const office = await session.signIn('performance');
    await office.goto(`${session.base}/#/scores`);
    await office.getByLabel('年度').fill(year);
    await office.locator('[data-action=compute]').click();
    await poll(() => office.getByTestId('sheet-status').innerText()).toBe('草稿');
    await office.locator('[data-action=review]').click();
    await office.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => office.getByTestId('sheet-status').innerText()).toBe('已审核');
    // Announced with the configured period (5 working days): not publishable while it runs.
    await office.locator('[data-action=announce]').click();
    await office.getByRole('dialog').getByText('各单位将看到本单位的得分和扣分依据').waitFor();
    await office.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => office.getByTestId('sheet-status').innerText()).toBe('公示中');
    await poll(() => office.getByTestId('window-status').innerText()).toBe('申诉期中');
    expect(await office.locator('[data-action=publish]').count()).toBe(0);

    // 和平区 (its report late in the demo year) sees its own line at phone width and appeals it with a file.
    const unit = await session.signIn('heping', phone);
    await unit.goto(`${session.base}/#/scores`);
    await poll(() => unit.getByTestId('sheet-status').innerText()).toBe('公示中');
    const line = unit.getByTestId('own-line').filter({ hasText: '逾期' }).filter({ hasText: '专题报告' });
    await poll(() => line.count()).toBe(1);
    await poll(() => overflow(unit)).toBeLessThanOrEqual(0);
    await line.locator('[data-action=appeal]').click();
    const dialog = unit.getByRole('dialog');
    await dialog.getByTestId('appeal-reason').fill('报告已于截止当日报送，系统延迟受理，附报送回执。');
    await dialog.getByTestId('attachments-input').setInputFiles({ name: '报送回执.txt', mimeType: 'text/plain', buffer: Buffer.from('和平区专题报告报送回执') });
    await poll(() => dialog.getByTestId('attachments-list').innerText()).toContain('报送回执.txt');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => unit.getByTestId('appeal').count()).toBe(1);
    expect(await unit.getByTestId('appeal-status').innerText()).toBe('待处理');
    expect(await line.innerText()).toContain('已申诉');
    // A unit decides nothing.
    expect(await unit.locator('[data-action=uphold], [data-action=correct]').count()).toBe(0);

    // The performance office reads the appeal with its evidence and corrects the line: a new version, still announced.
    await office.reload();
    const appeal = office.getByTestId('appeal').filter({ hasText: '和平区' });
    await poll(() => appeal.count()).toBe(1);
    expect(await appeal.getByTestId('appeal-evidence').innerText()).toContain('报送回执.txt');
    expect(await appeal.innerText()).toContain('系统延迟受理');
    await appeal.locator('[data-action=correct]').click();
    await office.getByRole('dialog').getByTestId('decision-reason').fill('回执证明按时报送，核减该项。');
    await office.getByRole('dialog').getByTestId('confirm-action').click();
    await poll(() => office.getByText(`${year} 年度评分（第 2 版）`).count()).toBe(1);
    await poll(() => office.getByTestId('appeal-status').innerText()).toBe('已更正');
    expect(await office.getByTestId('sheet-status').innerText()).toBe('公示中');

    // The unit sees the decision and its corrected score.
    await unit.reload();
    await poll(() => unit.getByTestId('appeal-decision').innerText()).toContain('回执证明按时报送');
    await poll(() => unit.getByText(`${year} 年度评分（第 2 版）`).count()).toBe(1);
    await Promise.all([office.context().close(), unit.context().close()]);
  }, 180_000);

  it('the performance office writes a rubric version that scores regulators and leaves a body out', async () => {
    const office = await session.signIn('performance');
    await office.goto(`${session.base}/#/scores`);
    await office.locator('[data-action=new-rubric]').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByTestId('rubric-version').fill('console-2026');
    await dialog.locator('[data-weight=reportLate]').fill('4');
    // The latest version's population is the start: departments and districts, the performance office left out.
    expect(await dialog.locator('[data-kind=department]').isChecked()).toBe(true);
    expect(await dialog.locator('[data-kind=regulator]').isChecked()).toBe(false);
    await dialog.locator('[data-kind=regulator]').check();
    await dialog.getByTestId('excluded-bodies').locator('input').fill('市商务委');
    await office.getByRole('option', { name: '市商务委', exact: true }).click();
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    const { rubricVersions } = await pageGraphql(office, '{ rubricVersions { version rubric { reportLate scoredBodyKinds excludedBodies } } }');
    expect(rubricVersions.find((r: { version: string }) => r.version === 'console-2026').rubric).toEqual({
      reportLate: 4, scoredBodyKinds: ['department', 'district', 'regulator'], excludedBodies: ['performance-office', 'commerce'],
    });
    await office.context().close();
  }, 120_000);
});
