import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portOpen } from '../runtime/processes.ts';
import { alive, descendants, npmStart, type NpmStart } from './helpers/npm-start.ts';
import { eventually } from './helpers/eventually.ts';
import { freePort } from './helpers/ports.ts';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-life-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A process as ps shows it, so a failure names what was left. */
function named(pid: number): string {
  try {
    return `${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`;
  } catch {
    return `${pid} (gone)`;
  }
}

/** The stack's processes before the signal, and after its exit: none of them may be left. */
async function expectAllGone(stack: NpmStart, exitCode: number, stop: () => void): Promise<void> {
  const processes = descendants(stack.process.pid!);
  // Temporal, worker and API at least (npm adds its own node process above them).
  expect(processes.length).toBeGreaterThanOrEqual(3);
  stop();
  expect(await stack.exited).toBe(exitCode);
  // A helper process (tsx's esbuild service) leaves once its parent's pipe closes, a moment after the parent.
  await eventually(async () => expect(processes.filter(alive).map(named)).toEqual([]), 10_000);
  for (const port of [stack.port, stack.temporalPort, stack.uiPort]) expect(await portOpen(port)).toBe(false);
}

/** Holds a port as another program would. */
async function occupy(): Promise<{ port: number; release(): void }> {
  const port = await freePort();
  const server = net.createServer().listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port, release: () => void server.close() };
}

describe('process life of npm start', () => {
  it('SIGTERM to the npm process (what a service manager sends) stops every child and exits 0', async () => {
    const stack = await npmStart(dataDir(), {}, { npm: true });
    await expectAllGone(stack, 0, () => process.kill(stack.process.pid!, 'SIGTERM'));
  }, 300_000);

  it('SIGINT to the whole process group (Ctrl-C in a terminal) stops every child and exits 0', async () => {
    const stack = await npmStart(dataDir(), {}, { npm: true });
    await expectAllGone(stack, 0, () => process.kill(-stack.process.pid!, 'SIGINT'));
  }, 300_000);

  it('a child that dies takes the rest down, says which, and exits non-zero', async () => {
    const stack = await npmStart(dataDir());
    const worker = descendants(stack.process.pid!).find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker/main.ts'));
    expect(worker).toBeDefined();
    await expectAllGone(stack, 1, () => process.kill(worker!, 'SIGKILL'));
    expect(stack.output.join('')).toContain('worker stopped unexpectedly (SIGKILL); stopping Duban.');
  }, 300_000);

  it('the API listens before it can reach Temporal: /healthz answers 503 "starting" rather than a closed port', async () => {
    const [port, nowhere] = await Promise.all([freePort(), freePort()]);
    const api = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      env: { ...process.env, DUBAN_DATA_DIR: dataDir(), PORT: String(port), TEMPORAL_ADDRESS: `127.0.0.1:${nowhere}` },
      stdio: 'ignore',
    });
    try {
      const health = await eventually(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        return { status: response.status, body: await response.json() };
      }, 60_000);
      expect(health).toEqual({ status: 503, body: expect.objectContaining({ status: 'starting', failing: ['database', 'temporal'] }) });
    } finally {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
  }, 120_000);

  it.each(['PORT', 'DUBAN_TEMPORAL_PORT', 'DUBAN_TEMPORAL_UI_PORT'])('names a port in use (%s) and exits 1 without starting anything', async (name) => {
    const taken = await occupy();
    try {
      const failure = await npmStart(dataDir(), { [name]: String(taken.port) }).then(() => null, (error: Error) => error.message);
      expect(failure).toContain('exited with 1');
      expect(failure).toContain(`端口 ${taken.port} 已被占用 Port ${taken.port} is already in use`);
    } finally {
      taken.release();
    }
  }, 120_000);
});
