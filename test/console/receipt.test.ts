// 签收 and 序时进度 in Chromium: the supervising office sees how many assignments are not
// acknowledged and filters the ledger to them; a department acknowledges one from its own
// list and reports its progress with a percentage.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { phone, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The dashboard's count of assignments not acknowledged, as its link says it (未签收 N 项). */
async function unacknowledgedCount(page: Page): Promise<number> {
  const link = page.getByTestId('unacknowledged');
  await link.waitFor();
  return Number(/未签收 (\d+) 项/.exec((await link.textContent()) ?? '')?.[1] ?? NaN);
}

describe.skipIf(skipWithoutChromium)('receipt (签收) in Chromium', () => {
  const session = consoleSession();

  it('counts and filters what is not acknowledged; a department acknowledges its assignment and reports progress in percent', async () => {
    const supervisor = await session.signIn('supervisor');
    const before = await unacknowledgedCount(supervisor);
    expect(before).toBeGreaterThan(0);
    await supervisor.getByTestId('unacknowledged').click();
    await supervisor.waitForURL(/#\/assignments/);
    await poll(() => supervisor.locator('tbody tr').count()).toBeGreaterThan(0);
    const rows = await supervisor.locator('tbody tr').count();
    expect(await supervisor.locator('tbody tr').filter({ has: supervisor.getByTestId('unacknowledged-chip') }).count()).toBe(rows);

    const market = await session.signIn('market', phone);
    await market.waitForURL(/#\/my-assignments/);
    const card = market.locator('[data-testid=my-assignment]').filter({ has: market.getByTestId('unacknowledged-chip') }).first();
    const ref = (await card.getAttribute('data-ref'))!;
    const same = market.locator(`[data-testid=my-assignment][data-ref="${ref}"]`);
    await same.locator('[data-action=acknowledge]').click();
    const dialog = market.getByRole('dialog');
    await poll(() => dialog.textContent()).toContain('确认本单位已收到该项任务');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => same.getByTestId('unacknowledged-chip').count()).toBe(0);
    expect(await same.locator('[data-action=acknowledge]').count()).toBe(0);

    // A progress report with its percentage (序时进度): the card shows it.
    await same.locator('[data-action=progress]').click();
    await dialog.getByTestId('progress-percent').fill('30');
    await dialog.getByLabel('说明').fill('已完成调研，正在起草。');
    await dialog.getByTestId('confirm-action').click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => same.getByTestId('progress-chip').textContent()).toBe('进度 30%');
    expect(await overflow(market)).toBeLessThanOrEqual(0);
    await market.context().close();

    await supervisor.goto(`${session.base}/#/`);
    await poll(() => unacknowledgedCount(supervisor)).toBe(before - 1);
    await supervisor.context().close();
  }, 240_000);
});
