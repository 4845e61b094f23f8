import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseUrl, isPostgresUrl } from './runtime/config.ts';

// Prisma 6's CLI would download a native schema engine; the JS engine with a
// driver adapter keeps migrations fully offline. DATABASE_URL picks the read
// model: SQLite (the default) or PostgreSQL with the derived schema.
const url = databaseUrl();
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: postgres ? path.join('prisma', 'postgres', 'migrations') : path.join('prisma', 'migrations') },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
