import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../../runtime/processes.ts';
import { freePort } from './ports.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface NpmStart {
  process: ChildProcess;
  output: string[];
  port: number;
  temporalPort: number;
  exited: Promise<number | null>;
}

/** `npm start` (scripts/start.ts) on a data directory and free ports, its own dev server included (`env` adds settings); resolves once it says it is up. */
export async function npmStart(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<NpmStart> {
  const [port, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
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
  return { process: child, output, port, temporalPort, exited };
}
