// Run inside a network namespace with only loopback (see offline.test.ts): starts the stack,
// uses it as a supervisor would (API and console), and prints one JSON line of what it saw.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildConsoleIfStale, launchBrowser, signIn, skipWithoutChromium } from '../console/stack.ts';
import { graphqlClient } from '../helpers/graphql.ts';
import { npmStart } from '../helpers/npm-start.ts';

/** How connecting to an address outside the machine fails (no route in an empty namespace). */
function reachOut(host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: 443, timeout: 5_000 }, () => resolve((socket.destroy(), 'connected')));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.on('timeout', () => resolve((socket.destroy(), 'timeout')));
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-offline-'));
const seen: Record<string, unknown> = { outside: await reachOut('1.1.1.1') };
try {
  const stack = await npmStart(dataDir);
  const base = `http://127.0.0.1:${stack.port}`;
  try {
    seen.health = (await fetch(`${base}/healthz`)).status;
    const api = graphqlClient(base);
    const { data } = await api.request('{ tasks { totalCount } plans { totalCount } }', {}, await api.login('supervisor', 'duban2026'));
    seen.tasks = data.tasks.totalCount;
    seen.plans = data.plans.totalCount;
    if (!skipWithoutChromium) {
      await buildConsoleIfStale();
      const browser = await launchBrowser();
      try {
        const page = await signIn(browser, base, 'supervisor');
        seen.console = await page.title();
      } finally {
        await browser.close();
      }
    }
  } finally {
    stack.process.kill('SIGTERM');
    seen.exit = await stack.exited;
  }
} catch (error) {
  seen.error = (error as Error).message;
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`OFFLINE ${JSON.stringify(seen)}`);
