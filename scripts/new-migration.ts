// `npm run migration:new -- <name>`: writes the SQL that takes the schema as of
// the last committed migration to prisma/schema.prisma. (With a driver adapter,
// Prisma 6 cannot diff against a database or a shadow database, only schemas.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPrismaCli } from '../runtime/prisma-cli.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <snake_case_name>');
  process.exit(1);
}
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
const base = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim();
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'duban-migration-')), 'schema.prisma');
fs.writeFileSync(previous, git('show', `${base}:prisma/schema.prisma`));

const sql = runPrismaCli(['migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script']);
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql`);
