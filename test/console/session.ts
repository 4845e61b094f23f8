import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildConsoleIfStale, desktop, launchBrowser, signIn, startStack, type Stack } from './stack.ts';

export interface ConsoleSession {
  /** The running stack's address; read it inside a test, once the stack is up. */
  readonly base: string;
  signIn(login: string, viewport?: typeof desktop, password?: string): Promise<Page>;
}

/**
 * The console built from its sources, `npm start` on a fresh data directory and one
 * Chromium, for the describe block that calls it: started before its tests, stopped after.
 */
export function consoleSession(): ConsoleSession {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildConsoleIfStale();
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return {
    get base() {
      return stack!.base;
    },
    signIn: (login, viewport, password) => signIn(browser!, stack!.base, login, viewport, password),
  };
}
