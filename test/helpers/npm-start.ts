import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../../runtime/processes.ts';
import { freePort } from './ports.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface NpmStart {
  process: ChildProcess;
  output: string[];
  port: number;
  temporalPort: number;
  uiPort: number;
  exited: Promise<number | null>;
}

export interface NpmStartOptions {
  /** Through `npm start` itself (what a service manager runs), in a process group of its own, rather than its node process alone. */
  npm?: boolean;
}

/** A port that another process took between our probe and the stack's bind (freePort can only promise "free a moment ago"). */
const portTaken = /address already in use|已被占用/;

/** `npm start` (scripts/start.ts) on a data directory and free ports, its own dev server included (`env` adds settings); resolves once it says it is up. */
export async function npmStart(dataDir: string, env: NodeJS.ProcessEnv = {}, options: NpmStartOptions = {}): Promise<NpmStart> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(dataDir, env, options);
    } catch (error) {
      const portsChosenByCaller = ['PORT', 'DUBAN_TEMPORAL_PORT', 'DUBAN_TEMPORAL_UI_PORT'].some((name) => name in env);
      if (attempt >= 3 || portsChosenByCaller || !portTaken.test(String(error))) throw error;
    }
  }
}

async function startOnce(dataDir: string, env: NodeJS.ProcessEnv, options: NpmStartOptions): Promise<NpmStart> {
  const [port, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const [command, args] = options.npm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'scripts/start.ts']];
  const child = spawn(command, args, {
    cwd: root,
    detached: options.npm ?? false,
    env: {
      ...process.env,
      DUBAN_DATA_DIR: dataDir,
      PORT: String(port),
      DUBAN_TEMPORAL_PORT: String(temporalPort),
      DUBAN_TEMPORAL_UI_PORT: String(uiPort),
      TEMPORAL_ADDRESS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await waitFor('npm start', async () => child.exitCode !== null || output.join('').includes('Press Ctrl-C to stop.'), 240_000).catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.join('')}`);
  return { process: child, output, port, temporalPort, uiPort, exited };
}

/** Every process descended from `pid` (children, grandchildren...), as ps sees them now. */
export function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n').map((row) => row.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length; ) {
    frontier = rows.filter(([, ppid]) => frontier.includes(ppid!)).map(([child]) => child!);
    found.push(...frontier);
  }
  return found;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
