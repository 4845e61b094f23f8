// The stack as separate processes, so that each part can be killed with
// SIGKILL and started again on the same data: the Temporal dev server on its
// file, the worker, and the API.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChild, stopChild, waitFor } from '../../runtime/processes.ts';
import { startDevServer } from '../../runtime/dev-server.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { freePort } from '../helpers/ports.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export type Part = 'temporal' | 'worker' | 'api';

export interface ProcessStack {
  db: TestDatabase;
  base: string;
  temporalAddress: string;
  env: NodeJS.ProcessEnv;
  /** SIGKILL: no shutdown hook runs, as in a crash or a power cut. */
  kill(part: Part): Promise<void>;
  start(part: Part): Promise<void>;
  pid(part: Part): number;
  stop(): Promise<void>;
}

export async function startProcessStack(): Promise<ProcessStack> {
  const db = await createTestDatabase();
  const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    DUBAN_DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(apiPort),
    SMTP_URL: '',
  };
  const children: Partial<Record<Part, ChildProcess>> = {};
  const node = (script: string) => startChild(script.split('/')[0]!, process.execPath, ['--import', 'tsx', `${root}${script}`], env);
  const starters: Record<Part, () => Promise<ChildProcess>> = {
    temporal: () => startDevServer({ dataDir: db.dataDir, port: temporalPort, uiPort, namespace: 'default' }),
    worker: async () => {
      const child = node('worker/main.ts');
      let polling = false;
      child.stdout!.on('data', (chunk) => (polling ||= String(chunk).includes('worker: polling')));
      await waitFor('the worker', async () => polling, 60_000);
      return child;
    },
    api: async () => {
      const child = node('api/main.ts');
      await waitFor('the API', async () => (await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok, 60_000);
      return child;
    },
  };
  const stack: ProcessStack = {
    db,
    base: `http://127.0.0.1:${apiPort}`,
    temporalAddress,
    env,
    async kill(part) {
      const child = children[part];
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async start(part) {
      children[part] = await starters[part]();
    },
    pid(part) {
      return children[part]!.pid!;
    },
    async stop() {
      for (const part of ['api', 'worker', 'temporal'] as const) if (children[part]) await stopChild(children[part]!);
      await db.dispose();
    },
  };
  for (const part of ['temporal', 'worker', 'api'] as const) await stack.start(part);
  return stack;
}
