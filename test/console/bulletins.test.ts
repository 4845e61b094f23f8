// Issue 20 in Chromium against `npm start`: the supervising office generates a 督查通报
// from the console and downloads it, a unit of the plan downloads the same bulletin, the
// page fits a 390 px phone, and a second urge within the interval asks for confirmation.
import fs from 'node:fs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSession } from './session.ts';
import { pageGraphql, phone, screenshot, skipWithoutChromium } from './stack.ts';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });


/** Clicks what starts a download and reads the text of the .docx the browser saved. */
async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), click()]);
  const { value } = await mammoth.extractRawText({ buffer: fs.readFileSync((await saved.path())!) });
  return { name: saved.suggestedFilename(), text: value };
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(skipWithoutChromium)('督查通报 and bounded urges in Chromium', () => {
  const session = consoleSession();

  it('the supervising office generates a bulletin on a phone and downloads it; a unit of the plan downloads the same', async () => {
    const page = await session.signIn('supervisor', phone);
    await page.goto(`${session.base}/#/bulletins`);
    await page.getByTestId('bulletins-page').waitFor();
    // The empty state, or the bulletin another test of this file made for the same period (generating it again gives the same one).
    await poll(async () => (await page.getByText('该方案还没有督查通报').count()) + (await page.getByTestId('bulletin').count())).toBeGreaterThan(0);
    await page.locator('[data-action=generate-bulletin]').click();
    const card = page.getByTestId('bulletin').first();
    await card.waitFor();
    const planTitle = (await page.getByTestId('bulletin-plan').locator('[role=combobox]').textContent())!;
    const plans = await pageGraphql(page, '{ plans(first: 100) { edges { node { id title } } } }');
    const planId = plans.plans.edges.find((e: any) => e.node.title === planTitle).node.id;
    const { bulletins } = await pageGraphql(page, 'query ($p: ID!) { bulletins(planId: $p, first: 5) { edges { node { number periodEnd headline { red tasks } } } } }', { p: planId });
    const stored = bulletins.edges[0].node;
    expect(stored.number).toBe(1);
    // The preview shows the bulletin's own headline numbers.
    await poll(() => card.getByTestId('headline-red').textContent()).toBe(`逾期 ${stored.headline.red}`);
    await poll(() => card.getByTestId('bulletin-headline').textContent()).toContain(`任务 ${stored.headline.tasks}`);

    await card.locator('[data-action=bulletin-details]').click();
    await card.getByTestId('bulletin-ranking').waitFor();
    let extra = 0;
    for (let look = 0; look < 3; look += 1, await page.waitForTimeout(250)) extra = Math.max(extra, await overflow(page));
    expect(extra).toBeLessThanOrEqual(0);
    await screenshot(page, 'bulletins-phone');

    const file = await downloadText(page, () => card.locator('[data-action=download-bulletin]').click());
    expect(file.name).toBe(`督查通报-第1期-${stored.periodEnd}.docx`);
    expect(file.text).toContain('督查通报');
    expect(file.text).toContain(`共有任务${stored.headline.tasks}项`);
    expect(file.text).toContain(`红灯（逾期）${stored.headline.red}项`);
    await page.context().close();

    // A unit of the plan reads the same bulletin, whole, and downloads it.
    const market = await session.signIn('market');
    await market.goto(`${session.base}/#/bulletins`);
    const seen = market.getByTestId('bulletin').first();
    await seen.waitFor();
    const again = await downloadText(market, () => seen.locator('[data-action=download-bulletin]').click());
    expect(again.text).toBe(file.text);
    await market.context().close();
  });

  it('the office opens a ranking row and an overdue row to the events behind them, on a phone, in Chinese and English; a unit cannot', async () => {
    const page = await session.signIn('supervisor', phone);
    const openDetails = async (p: Page) => {
      await p.goto(`${session.base}/#/bulletins`);
      await p.getByTestId('bulletins-page').waitFor();
      const card = p.getByTestId('bulletin').first();
      await card.waitFor();
      await card.locator('[data-action=bulletin-details]').click();
      await card.getByTestId('bulletin-ranking').waitFor();
      return card;
    };
    await page.goto(`${session.base}/#/bulletins`);
    await page.getByTestId('bulletins-page').waitFor();
    if ((await page.getByTestId('bulletin').count()) === 0) {
      await page.locator('[data-action=generate-bulletin]').click();
      await page.getByTestId('bulletin').first().waitFor();
    }
    const card = await openDetails(page);
    const planTitle = (await page.getByTestId('bulletin-plan').locator('[role=combobox]').textContent())!;
    const plans = await pageGraphql(page, '{ plans(first: 100) { edges { node { id title } } } }');
    const planId = plans.plans.edges.find((e: any) => e.node.title === planTitle).node.id;
    const { bulletins } = await pageGraphql(page, `query ($p: ID!) { bulletins(planId: $p, first: 1) { edges { node {
      ranking { unitName events { id type } } overdue { items { unitName taskRef events { id } } } } } } }`, { p: planId });
    const bulletin = bulletins.edges[0].node;
    const traced = page.getByTestId('bulletin-row-events');
    const events = traced.getByTestId('traced-event');

    // A unit's line in the ranking: exactly the events the API names behind it, each in words.
    const ranked = bulletin.ranking.find((r: any) => r.events.length > 0);
    await card.locator(`[data-testid=bulletin-ranking-row][data-unit="${ranked.unitName}"]`).click();
    await poll(() => events.count()).toBe(ranked.events.length);
    await poll(() => traced.getByRole('heading').textContent()).toBe(`${ranked.unitName}：依据的事件`);
    for (const [i, { type }] of ranked.events.entries()) {
      const item = events.nth(i);
      expect(await item.getAttribute('data-type')).toBe(type);
      expect(await item.textContent()).not.toContain(type);
      expect(await item.textContent()).toMatch(/\d{4}/);
    }
    let extra = 0;
    for (let look = 0; look < 3; look += 1, await page.waitForTimeout(250)) extra = Math.max(extra, await overflow(page));
    expect(extra).toBeLessThanOrEqual(0);
    await screenshot(page, 'bulletin-row-events-phone');
    await traced.locator('[data-action=close-row-events]').click();
    await poll(() => traced.count()).toBe(0);

    // An overdue row.
    const item = bulletin.overdue[0].items[0];
    await card.locator('[data-action=trace-overdue]').first().click();
    await poll(() => traced.getByRole('heading').textContent()).toBe(`${item.unitName} ${item.taskRef}：依据的事件`);
    await poll(() => events.count()).toBe(item.events.length);
    await traced.locator('[data-action=close-row-events]').click();

    // In English.
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await page.reload();
    const english = await openDetails(page);
    await english.locator(`[data-testid=bulletin-ranking-row][data-unit="${ranked.unitName}"]`).click();
    await poll(() => traced.getByRole('heading').textContent()).toBe(`${ranked.unitName}: the events behind it`);
    await poll(() => events.count()).toBe(ranked.events.length);
    expect(await events.first().textContent()).not.toContain('duban.');
    await page.context().close();

    // A unit reads the bulletin as sent: no row opens its events.
    const market = await session.signIn('market', phone);
    const seen = await openDetails(market);
    expect(await seen.locator('[data-action=trace-overdue]').count()).toBe(0);
    expect(await seen.locator('[data-testid=bulletin-ranking-row][role=button]').count()).toBe(0);
    expect(await seen.getByTestId('bulletin-ranking-row').count()).toBe(bulletin.ranking.length);
    await market.context().close();
  });

  it('a second urge of the same assignment within the interval asks for confirmation, then urges', async () => {
    const page = await session.signIn('supervisor');
    const row = page.locator('[data-testid=overdue-row][data-body="市市场监管委"]').filter({ has: page.locator('[data-action=urge]') }).first();
    await row.waitFor();
    const ref = (await row.getAttribute('data-ref'))!;
    const urge = async () => {
      await page.locator(`[data-testid=overdue-row][data-body="市市场监管委"][data-ref="${ref}"] [data-action=urge]`).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('confirm-action').click();
      return dialog;
    };
    const first = await urge();
    await poll(() => first.count()).toBe(0);
    const second = await urge();
    await poll(() => second.getByRole('alert').textContent()).toContain('确认要再次催办吗');
    await poll(() => second.getByTestId('confirm-action').textContent()).toBe('仍要催办');
    await second.getByTestId('confirm-action').click();
    await poll(() => second.count()).toBe(0);
    await page.context().close();
  });
});
