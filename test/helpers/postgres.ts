// A throwaway PostgreSQL server from Debian's packages (apt `postgresql`),
// on loopback, in a temporary folder: initdb, postgres, one database.
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrisma } from '../../runtime/db.ts';
import { migrateReadModel } from '../../runtime/migrate.ts';
import { portOpen, startChild, stopChild, waitFor } from '../../runtime/processes.ts';
import { loadReferenceData } from '../../runtime/reference-data.ts';
import type { TestDatabase } from './database.ts';
import { freePort } from './ports.ts';

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder, or an error that says what to install. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install postgresql (Debian) provides /usr/lib/postgresql/<version>/bin');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** initdb and postgres refuse to run as root: as root, run them as the package's `postgres` user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startPostgres(database = 'duban'): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-postgres-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const [initdb, initArgs] = asServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = asServerUser(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=200', '-c', 'log_min_messages=warning']);
  const server: ChildProcess = startChild('postgres', postgres, args);
  await waitFor('PostgreSQL', () => portOpen(port), 30_000);
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const { Client } = (await import('pg')).default;
  await waitFor('PostgreSQL to accept connections', async () => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    return true;
  }, 30_000);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await stopChild(server);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A read model on a fresh PostgreSQL server, migrated as production is and loaded with reference data, beside a data directory. */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const server = await startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-test-'));
  await migrateReadModel({ ...process.env, DATABASE_URL: server.url });
  const prisma = await createPrisma(server.url);
  await loadReferenceData(prisma, 'test-password');
  return {
    dataDir,
    url: server.url,
    prisma,
    async dispose() {
      await prisma.$disconnect();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
