// Backup and restore of everything Duban keeps: the read model (every table),
// the embedded Temporal server's database (the processes themselves) and the
// data directory's files (attachments, plan archives, keys), with a manifest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isPostgresUrl, type Config } from '../runtime/config.ts';

export interface Manifest {
  createdAt: string;
  versions: { duban: string; node: string; readModel: 'sqlite' | 'postgresql' };
  /** Rows per read-model table, as copied. */
  counts: Record<string, number>;
  /** Whether the embedded Temporal server's database is in the backup (not with an external cluster: use Temporal's own backup). */
  temporal: boolean;
  files: number;
}

const readModelFile = 'duban.db';
const temporalFile = 'temporal.db';
const readModelDump = 'duban.sql';
const filesDir = 'files';
/** SQLite files and their journals: copied through the online backup API, never as files. */
const isDatabaseFile = (name: string) => /^(duban|temporal)\.db(-wal|-shm|-journal)?$/.test(name);

const sqlitePath = (url: string) => url.replace(/^file:/, '');

/** SQLite's online backup: a consistent copy while other processes write. */
async function copySqlite(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

function copyFiles(from: string, to: string, skip: (name: string) => boolean): number {
  let count = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    const relative = path.relative(from, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || skip(relative) || entry.name.endsWith('.part')) continue;
    fs.mkdirSync(path.join(to, path.dirname(relative)), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(from, relative), path.join(to, relative));
    count++;
  }
  return count;
}

function emptyOrMissing(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Writes a backup of everything into `target` (a new or empty directory); answers its manifest. */
export async function backup(config: Config, target: string, dubanVersion: string): Promise<Manifest> {
  if (!emptyOrMissing(target)) throw new Error(`备份目录须为空 The backup directory must be empty: ${target}`);
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const postgres = isPostgresUrl(config.databaseUrl);
  let counts: Record<string, number> = {};
  if (postgres) {
    execFileSync('pg_dump', ['--no-owner', '--file', path.join(target, readModelDump), config.databaseUrl], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    await copySqlite(sqlitePath(config.databaseUrl), path.join(target, readModelFile));
    counts = tableCounts(path.join(target, readModelFile));
  }
  const temporalDb = path.join(config.dataDir, temporalFile);
  const temporal = !config.temporalAddress && fs.existsSync(temporalDb);
  if (temporal) await copySqlite(temporalDb, path.join(target, temporalFile));
  const files = copyFiles(config.dataDir, path.join(target, filesDir), (relative) => isDatabaseFile(relative));
  const manifest: Manifest = {
    createdAt: new Date().toISOString(),
    versions: { duban: dubanVersion, node: process.version, readModel: postgres ? 'postgresql' : 'sqlite' },
    counts,
    temporal,
    files,
  };
  fs.writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores a backup into an empty data directory (and an empty read model); Duban must not be running. */
export function restore(config: Config, source: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8')) as Manifest;
  if (!emptyOrMissing(config.dataDir)) throw new Error(`数据目录须为空 The data directory must be empty: ${config.dataDir}`);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  copyFiles(path.join(source, filesDir), config.dataDir, () => false);
  if (manifest.versions.readModel === 'postgresql') {
    execFileSync('psql', ['--quiet', '--set', 'ON_ERROR_STOP=1', '--file', path.join(source, readModelDump), config.databaseUrl], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    const file = sqlitePath(config.databaseUrl);
    if (fs.existsSync(file)) throw new Error(`读模型数据库已存在 The read model's database already exists: ${file}`);
    fs.copyFileSync(path.join(source, readModelFile), file);
  }
  if (manifest.temporal) fs.copyFileSync(path.join(source, temporalFile), path.join(config.dataDir, temporalFile));
  return manifest;
}
