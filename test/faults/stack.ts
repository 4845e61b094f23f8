// The stack as separate processes, so that each part can be killed with
// SIGKILL and started again on the same data: the Temporal dev server on its
// file, and one or more app replicas (a worker and an API each) on one read
// model and one shared data directory (attachments, plan archives).
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
  /** The API of the first replica. */
  base: string;
  /** Every replica's API. */
  bases: string[];
  temporalAddress: string;
  env: NodeJS.ProcessEnv;
  /** SIGKILL: no shutdown hook runs, as in a crash or a power cut. */
  kill(part: Part, replica?: number): Promise<void>;
  start(part: Part, replica?: number): Promise<void>;
  pid(part: Part, replica?: number): number;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The read model (default: a fresh SQLite file); the stack disposes of it. */
  db?: TestDatabase;
  replicas?: number;
  /** A Temporal server already running instead of the dev server (test/helpers/temporal-postgres.ts); the stack kills, restarts and finally stops it. */
  temporal?: ExternalTemporal;
  /** Node options before the script, per process kind (e.g. `--cpu-prof` for the API). */
  nodeArgs?: Partial<Record<'worker' | 'api', string[]>>;
}

export interface ExternalTemporal {
  address: string;
  child: ChildProcess;
  /** Starts the server process again on the same data. */
  start(): Promise<ChildProcess>;
  /** The server and whatever it stands on. */
  stop(): Promise<void>;
}

export async function startProcessStack(options: StackOptions = {}): Promise<ProcessStack> {
  const db = options.db ?? (await createTestDatabase());
  const replicas = options.replicas ?? 1;
  const [temporalPort, uiPort] = [await freePort(), await freePort()];
  const apiPorts: number[] = [];
  for (let i = 0; i < replicas; i++) apiPorts.push(await freePort());
  const external = options.temporal;
  const temporalAddress = external?.address ?? `127.0.0.1:${temporalPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    DUBAN_DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporalAddress,
    SMTP_URL: '',
  };
  const children = new Map<string, ChildProcess>();
  const key = (part: Part, replica: number) => (part === 'temporal' ? part : `${part}${replica}`);
  const node = (name: string, script: string, replica: number, kind: 'worker' | 'api') =>
    startChild(name, process.execPath, [...(options.nodeArgs?.[kind] ?? []), '--import', 'tsx', `${root}${script}`], { ...env, PORT: String(apiPorts[replica]) });
  const starters: Record<Part, (replica: number) => Promise<ChildProcess>> = {
    temporal: () => external?.start() ?? startDevServer({ dataDir: db.dataDir, port: temporalPort, uiPort, namespace: 'default' }),
    worker: async (replica) => {
      const child = node(replicas > 1 ? `worker${replica}` : 'worker', 'worker/main.ts', replica, 'worker');
      let polling = false;
      child.stdout!.on('data', (chunk) => (polling ||= String(chunk).includes('worker: polling')));
      await waitFor('the worker', async () => polling, 60_000);
      return child;
    },
    api: async (replica) => {
      const child = node(replicas > 1 ? `api${replica}` : 'api', 'api/main.ts', replica, 'api');
      await waitFor('the API', async () => (await fetch(`http://127.0.0.1:${apiPorts[replica]}/healthz`)).ok, 60_000);
      return child;
    },
  };
  const bases = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  const stack: ProcessStack = {
    db,
    base: bases[0]!,
    bases,
    temporalAddress,
    env,
    async kill(part, replica = 0) {
      const child = children.get(key(part, replica));
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    async start(part, replica = 0) {
      children.set(key(part, replica), await starters[part](replica));
    },
    pid(part, replica = 0) {
      return children.get(key(part, replica))!.pid!;
    },
    async stop() {
      for (const part of ['api', 'worker'] as const) for (let i = 0; i < replicas; i++) if (children.has(key(part, i))) await stopChild(children.get(key(part, i))!);
      if (children.has('temporal')) await stopChild(children.get('temporal')!);
      await external?.stop();
      await db.dispose();
    },
  };
  if (external) children.set('temporal', external.child);
  else await stack.start('temporal');
  for (let i = 0; i < replicas; i++) {
    await stack.start('worker', i);
    await stack.start('api', i);
  }
  return stack;
}
