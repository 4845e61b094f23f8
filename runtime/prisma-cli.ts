import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrl, dataDir } from './config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the Prisma CLI offline. Prisma 6 would download native engines unless
 * these variables point at an existing file; with the JS engine and the
 * better-sqlite3 adapter (prisma.config.ts) it never needs them.
 */
export function runPrismaCli(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  // The CLI opens the adapter's database even to diff schemas: its folder must exist.
  fs.mkdirSync(dataDir(env), { recursive: true });
  const placeholder = path.join(root, 'package.json');
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      ...env,
      DATABASE_URL: databaseUrl(env),
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}
