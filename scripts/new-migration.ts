// `npm run migration:new -- <name>`: writes the SQL that takes the schema as of
// the last committed migration to prisma/schema.prisma, for SQLite and for the
// derived PostgreSQL schema (under the same name), and rewrites the derived
// schema. (With a driver adapter, Prisma 6 cannot diff against a database or a
// shadow database, only schemas.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPrismaCli } from '../runtime/prisma-cli.ts';
import { derivePostgresSchema, postgresMigrationsPath, postgresSchemaPath } from '../runtime/postgres-schema.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <snake_case_name>');
  process.exit(1);
}
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
const base = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim();
const source = { before: git('show', `${base}:prisma/schema.prisma`), after: fs.readFileSync('prisma/schema.prisma', 'utf8') };
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-migration-'));

fs.writeFileSync(postgresSchemaPath, derivePostgresSchema(source.after));
const variants = [
  { migrations: 'prisma/migrations', before: source.before, after: 'prisma/schema.prisma' },
  { migrations: postgresMigrationsPath, before: derivePostgresSchema(source.before), after: postgresSchemaPath },
];
for (const [i, variant] of variants.entries()) {
  const previous = path.join(scratch, `${i}.prisma`);
  fs.writeFileSync(previous, variant.before);
  const sql = runPrismaCli(['migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', variant.after, '--script']);
  const dir = path.join(variant.migrations, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
