// Items 3 and 10 of the security issue, on `npm start` in production mode
// (DUBAN_DEMO=0): no demo account or plan, the administrator's password printed
// once and to be changed; GraphiQL, introspection and field suggestions off; CORS
// closed; the API and Temporal reachable on loopback only; every file of the data
// directory owner-only. And the compose topology publishes no Temporal port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { portOpen, waitFor } from '../../runtime/processes.ts';
import { freePort } from '../helpers/ports.ts';
import { bearer, loginMutation, post } from './http.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-production-'));

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
  ports: number[];
}

async function npmStart(ports: number[]): Promise<Started> {
  const [port, temporalPort, uiPort] = ports as [number, number, number];
  const { DUBAN_ADMIN_PASSWORD: _a, HOST: _h, DUBAN_GRAPHIQL: _g, DUBAN_CORS_ORIGINS: _c, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...env, DUBAN_DEMO: '0', DUBAN_DATA_DIR: dataDir, PORT: String(port), DUBAN_TEMPORAL_PORT: String(temporalPort), DUBAN_TEMPORAL_UI_PORT: String(uiPort), TEMPORAL_ADDRESS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  await waitFor('npm start', async () => child.exitCode !== null || output.join('').includes('Press Ctrl-C to stop.'), 240_000);
  if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.join('')}`);
  return { child, output: () => output.join(''), base: `http://127.0.0.1:${port}`, ports };
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  return exited;
}

/** Every file and folder under a directory. */
const entries = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? [full, ...entries(full)] : e.isFile() ? [full] : [];
  });

/** The services of docker-compose.yml and whether each publishes a port (a `ports:` key in its block). */
function publishedServices(): string[] {
  const lines = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8').split('\n');
  const published: string[] = [];
  let service = '';
  let inServices = false;
  for (const line of lines) {
    if (/^\S/.test(line)) inServices = line.startsWith('services:');
    else if (inServices && /^ {2}[\w-]+:/.test(line)) service = line.trim().replace(/:.*$/, '');
    else if (inServices && /^ {4}ports:/.test(line)) published.push(service);
  }
  return published;
}

describe('npm start in production mode (DUBAN_DEMO=0)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no known password or open door', async () => {
    const ports = [await freePort(), await freePort(), await freePort()];
    const first = await npmStart(ports);
    try {
      const printed = first.output().match(/shown only now: (\S+)/)?.[1];
      expect(printed, first.output()).toMatch(/^\S{16}$/);
      expect(first.output()).not.toMatch(/Demo logins|duban2026/);

      for (const login of ['supervisor', 'market', 'performance']) {
        expect((await post(first.base, loginMutation, { l: login, p: 'duban2026' })).data.login.__typename).toBe('ValidationError');
      }
      const signedIn = await post(first.base, loginMutation, { l: 'admin', p: printed });
      const token = signedIn.data.login.data.token as string;
      expect((await post(first.base, '{ me { mustChangePassword } }', {}, bearer(token))).data.me.mustChangePassword).toBe(true);
      expect((await post(first.base, '{ plans { totalCount } }', {}, bearer(token))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const changed = await post(first.base, 'mutation ($c: String!) { changePassword(currentPassword: $c, newPassword: "Supervision-office-2026") { __typename } }', { c: printed }, bearer(token));
      expect(changed.data.changePassword.__typename).toBe('MutationChangePasswordSuccess');
      expect((await post(first.base, '{ plans { totalCount } }', {}, bearer(token))).data.plans.totalCount).toBe(0);
      expect((await post(first.base, '{ demoLogins { password } }')).data.demoLogins).toBeNull();

      // No GraphiQL, no introspection, no field suggestions.
      const page = await fetch(`${first.base}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
      const introspection = await post(first.base, '{ __schema { types { name } } }', {}, bearer(token));
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await post(first.base, '{ plan { totalCount } }', {}, bearer(token));
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);

      // CORS closed: a browser on another origin is not let in.
      const preflight = await fetch(`${first.base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

      // The API, Temporal and its Web UI answer on loopback only.
      for (const port of ports) expect(await portOpen(port)).toBe(true);
      const outside = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
      for (const address of outside) for (const port of ports) expect([address, port, await portOpen(port, address)]).toEqual([address, port, false]);

      // Owner-only: the databases, the key, every folder.
      const open = entries(dataDir).filter((file) => (fs.statSync(file).mode & 0o077) !== 0);
      expect(open).toEqual([]);
      expect(fs.statSync(dataDir).mode & 0o077).toBe(0);
    } finally {
      expect(await stop(first)).toBe(0);
    }

    // The password is printed once: a second start says nothing of it.
    const second = await npmStart(ports);
    try {
      expect(second.output()).not.toMatch(/shown only now/);
      expect(second.output()).toMatch(/Production mode/);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 600_000);

  it('publishes no Temporal port in the compose topology, and runs it in production mode', () => {
    expect(publishedServices().sort()).toEqual(['duban-1', 'duban-2']);
    const compose = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toMatch(/DUBAN_DEMO: "0"/);
  });
});
