import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChild, stopChild, waitFor } from '../../runtime/processes.ts';
import { freePort } from '../helpers/ports.ts';
import type { TestStack } from '../helpers/stack.ts';

/** A second API replica as its own process, on the test stack's read model, data directory and Temporal. */
export async function startReplica(stack: TestStack, env: NodeJS.ProcessEnv = {}): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = startChild('api-2', process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../api/main.ts', import.meta.url))], {
    ...process.env, DUBAN_DATA_DIR: stack.db.dataDir, DATABASE_URL: stack.db.url, TEMPORAL_ADDRESS: stack.env.address, PORT: String(port), ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the second API', async () => (await fetch(`${base}/healthz`)).ok, 60_000);
  return { base, stop: () => stopChild(child) };
}
