import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { skipWithoutChromium } from '../console/stack.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** A user and network namespace: possible for an unprivileged user on most Linux machines, not on all. */
const namespaces = spawnSync('unshare', ['-rn', 'true']).status === 0;

describe.skipIf(!namespaces)('no network at run time (skipped: this machine does not permit `unshare -rn`)', () => {
  it('starts and works in a network namespace with only loopback: no route out', async () => {
    const inside = spawn('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && exec node --import tsx test/offline/inside.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    inside.stdout.on('data', (chunk) => (output += chunk));
    inside.stderr.on('data', (chunk) => (output += chunk));
    expect(await new Promise((resolve) => inside.once('exit', resolve))).toBe(0);
    const line = output.split('\n').find((l) => l.startsWith('OFFLINE '));
    expect(line, output).toBeDefined();
    const seen = JSON.parse(line!.slice('OFFLINE '.length));
    expect(seen).toEqual({
      outside: 'ENETUNREACH',
      health: 200,
      tasks: 35,
      plans: 1,
      ...(skipWithoutChromium ? {} : { console: expect.any(String) }),
      exit: 0,
    });
  }, 400_000);
});
