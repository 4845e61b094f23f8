import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { npmStart } from '../helpers/npm-start.ts';

export const chromiumPath = '/usr/bin/chromium';
/**
 * Without Debian's Chromium the browser tests are skipped on a developer's
 * machine, but never in CI (`CI` set, as .ci/run does): there they fail.
 */
export const skipWithoutChromium = !fs.existsSync(chromiumPath) && !process.env.CI;

const root = fileURLToPath(new URL('../../', import.meta.url));
const consoleDir = path.join(root, 'admin-ui');
/** docs/screenshots when `DUBAN_SCREENSHOTS=1` (to refresh the README's pictures); otherwise the pictures are taken and kept nowhere. */
const screenshotDir = process.env.DUBAN_SCREENSHOTS === '1' ? path.join(root, 'docs/screenshots') : null;

/** The newest modification time under a directory (the console's sources). */
function newest(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/** Builds the console when it is missing or older than its sources, so the browser sees the code under test. */
export async function buildConsoleIfStale(): Promise<void> {
  const built = path.join(consoleDir, 'dist/index.html');
  const sources = Math.max(newest(path.join(consoleDir, 'src')), fs.statSync(path.join(consoleDir, 'index.html')).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  await build({ configFile: path.join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
}

export interface Stack {
  base: string;
  stop(): Promise<void>;
}

/** `npm start` on a fresh data directory and free ports: Temporal, worker, API, console and the demo plan (`env` adds settings). */
export async function startStack(env: NodeJS.ProcessEnv = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-console-'));
  const started = await npmStart(dataDir, env).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    base: `http://127.0.0.1:${started.port}`,
    async stop() {
      started.process.kill('SIGTERM');
      await started.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium's own networking switched off: no background, update, sync, metrics,
 * safe-browsing or suggestion traffic, and every host name but localhost
 * unresolvable (the stack is reached by 127.0.0.1), so a test looks up no Google host.
 */
export const offlineChromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-pings',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,InterestFeedContentSuggestions',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** Debian's Chromium, headless, on a fresh temporary profile; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', ...offlineChromiumArgs],
  });
}

export const desktop = { width: 1280, height: 800 };
export const tablet = { width: 768, height: 1024 };
export const phone = { width: 390, height: 844 };

/** What the console's own GraphQL call would answer, with the page's session cookie. */
export const pageGraphql = (page: Page, query: string, variables: Record<string, unknown> = {}) =>
  page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), credentials: 'same-origin' });
      return ((await response.json()) as { data: any }).data;
    },
    { query, variables },
  );

/** A new browser context signed in through the login page; the console opens on the role's home page. */
export async function signIn(browser: Browser, base: string, login: string, viewport = desktop, password = 'duban2026'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await page.goto(`${base}/#/login`);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  return page;
}

/** Takes a screenshot of the console once the page has settled and notifications have gone; saved with DUBAN_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 10_000 });
  await page.screenshot({ ...(screenshotDir ? { path: path.join(screenshotDir, `${name}.png`) } : {}), fullPage });
}
