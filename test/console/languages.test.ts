import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphqlClient } from '../helpers/graphql.ts';
import { consoleSession } from './session.ts';
import { skipWithoutChromium } from './stack.ts';

/** Every page a role has in its menu, and one record page of each kind it may open. */
const pages: Record<string, string[]> = {
  supervisor: ['/', '/decisions', '/inbox', '/tasks', '/assignments', '/plans', '/import', '/filing', '/evaluation', '/scores', '/bulletins', '/reporting', '/bodies', '/entities', '/objections', '/repairs', '/inspections', '/staff', '/credit-import', '/holiday-calendar', '/accounts', '/password'],
  market: ['/', '/inbox', '/my-assignments', '/sign-off', '/tasks', '/plans', '/filing', '/evaluation', '/scores', '/bulletins', '/reporting', '/bodies', '/entities', '/objections', '/repairs', '/inspections', '/staff', '/password'],
  performance: ['/', '/inbox', '/tasks', '/assignments', '/plans', '/filing', '/evaluation', '/scores', '/bodies', '/entities', '/objections', '/repairs', '/inspections', '/holiday-calendar', '/password'],
  admin: ['/', '/inbox', '/tasks', '/assignments', '/plans', '/scores', '/bodies', '/entities', '/inspections', '/holiday-calendar', '/accounts', '/audit', '/password'],
};


/** A message key react-admin shows when it has no translation (duban.x.y, resources.x.fields.y, ra.x.y). */
const rawKey = /\b(?:duban|resources|ra)\.[A-Za-z]+(?:\.[A-Za-z0-9_]+)+/g;
/** Enum values and ids only code should ever see: in either language. */
const rawCode = /\b(?:in_progress|providerAsked|providerReplied|underReview|awaitingProvider|decideExtension|requestExtension|setBlocking|seriouslyDishonest|notApplicable|market-commission)\b/g;
/** Enum values that are English words: raw in the Chinese console (English may say them as words). */
const rawWord = /\b(?:assigned|submitted|returned|withdrawn|designated|inspecting|announced|filed|accepted|refused|upheld|corrected|repaired|retimed|eligible|approved|penalty|abnormal|active|published|overdue|objection|inspection|registered)\b/g;

async function settled(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.locator('.MuiLinearProgress-root, .MuiCircularProgress-root').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => document.body.innerText);
}

describe.skipIf(skipWithoutChromium)('every console page speaks the viewer\'s language', () => {
  const session = consoleSession();

  for (const login of Object.keys(pages)) {
    it(`${login}: no untranslated key or raw enum on any page, in Chinese and in English`, async () => {
      const api = graphqlClient(session.base);
      const token = await api.login(login, 'duban2026');
      const { data } = await api.request(
        `{ tasks(first: 1) { edges { node { id plan { id } } } } objections(first: 1) { edges { node { id } } }
           repairApplications(first: 1) { edges { node { id } } } marketEntities(first: 1) { edges { node { id } } } }`,
        {},
        token,
      );
      const task = data.tasks.edges[0]?.node;
      const firstOf = (resource: string, connection: { edges: Array<{ node: { id: string } }> }) =>
        connection.edges.map((e) => `/${resource}/${encodeURIComponent(e.node.id)}/show`);
      const paths = [
        ...pages[login]!,
        ...(task ? [`/tasks/${encodeURIComponent(task.id)}/show`, `/plans/${encodeURIComponent(task.plan.id)}/show`] : []),
        ...firstOf('objections', data.objections),
        ...firstOf('repairs', data.repairApplications),
        ...firstOf('entities', data.marketEntities),
      ];
      const page = await session.signIn(login);
      const found: string[] = [];
      for (const locale of ['zh', 'en']) {
        await page.evaluate((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
        for (const path of paths) {
          await page.goto(`${session.base}/#${path}`);
          await page.reload();
          const text = await settled(page);
          const matches = [...text.matchAll(rawKey), ...text.matchAll(rawCode), ...(locale === 'zh' ? text.matchAll(rawWord) : [])];
          for (const match of new Set(matches.map((m) => m[0]))) found.push(`${locale} ${path}: ${match}`);
        }
      }
      expect(found).toEqual([]);
      await page.context().close();
    }, 600_000);
  }
});
