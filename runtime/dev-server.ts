import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { portInUse, portOpen, startChild, waitFor } from './processes.ts';
import { temporalTools } from './tools.ts';

export interface DevServerOptions {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** SQLite pragmas as `name=value`; an empty list leaves SQLite's own defaults. Default: {@link defaultSqlitePragmas}. */
  sqlitePragmas?: readonly string[];
  /** Called as soon as the server's process exists, so its owner can stop it even before it is ready. */
  onSpawn?: (child: ChildProcess) => void;
}

/** WAL, synced at checkpoints rather than every commit; bench/devserver.bench.ts measures it against SQLite's defaults. */
export const defaultSqlitePragmas: readonly string[] = ['journal_mode=wal', 'synchronous=normal'];

/**
 * The real Temporal server (`temporal server start-dev`), persisting to a file in
 * the data directory so workflows and timers survive restarts.
 */
export async function startDevServer(options: DevServerOptions): Promise<ChildProcess> {
  for (const port of [options.port, options.uiPort]) if (await portOpen(port)) throw portInUse(port);
  const { cli } = temporalTools();
  const child = startChild('temporal', cli, [
    'server', 'start-dev',
    '--db-filename', path.join(options.dataDir, 'temporal.db'),
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', options.namespace,
    '--log-level', 'error',
    '--ui-disable-news-fetch',
    ...(options.sqlitePragmas ?? defaultSqlitePragmas).flatMap((pragma) => ['--sqlite-pragma', pragma]),
    // No look-up of version-info.temporal.io: nothing leaves the machine at run time.
  ], { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' });
  options.onSpawn?.(child);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the Temporal dev server exited with code ${code}`))),
  );
  // Only an exit before it is ready is an error here; a later one is its owner's to see.
  exited.catch(() => undefined);
  await Promise.race([waitFor('the Temporal dev server', () => portOpen(options.port), 60_000), exited]);
  return child;
}
