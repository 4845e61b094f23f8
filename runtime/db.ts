import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { PrismaClient } from '../prisma/generated/client.ts';
import { databaseUrl, isPostgresUrl } from './config.ts';

export type { PrismaClient };

/** A transaction client: the same model accessors as PrismaClient. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Prisma's P2002: a row with that unique key exists already (often one a concurrent writer just made). */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * One Prisma client on the read model: the SQLite file by default, or
 * PostgreSQL when DATABASE_URL says so (replicas sharing one database).
 */
export async function createPrisma(url: string = databaseUrl(), onQuery?: (sql: string) => void): Promise<PrismaClient> {
  const log = onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  const postgres = isPostgresUrl(url);
  const prisma = postgres ? await createPostgresPrisma(url, log) : createSqlitePrisma(url, log);
  if (onQuery) prisma.$on('query' as never, (event: { query: string }) => onQuery(event.query));
  if (!postgres) {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  }
  return prisma;
}

type Log = Array<{ emit: 'event'; level: 'query' }>;

/** Under load a transaction may wait for the connection (PostgreSQL's pool, SQLite's one writer) longer than Prisma's default 2 s. */
const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

/**
 * The better-sqlite3 adapter, keeping the connection it opened: Prisma runs
 * every statement, and a transaction's BEGIN and COMMIT, on that one connection.
 *
 * Every transaction begins IMMEDIATE, taking the write lock before it reads.
 * The API and the worker write the same file, and SQLite refuses at once,
 * without waiting, a transaction that read and then writes after another
 * connection wrote. That covers the transactions Prisma opens by itself too (an
 * upsert with nothing to update reads, then inserts), so each waits its turn.
 */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connection: Database.Database | null = null;
  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client: Database.Database }).client;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof connection.prepare;
    this.connection = connection;
    return adapter;
  }
}

/**
 * The SQLite connection behind a client made by {@link createPrisma} or one of
 * its transaction clients (they share the adapter), for bulk statements that
 * must not pay Prisma's cost per parameter and per row (runtime/sql.ts); null
 * on PostgreSQL or before the client connected.
 */
export function sqliteConnection(client: object): Database.Database | null {
  const adapter = (client as { _engineConfig?: { adapter?: unknown } })._engineConfig?.adapter;
  return adapter instanceof SqliteAdapterFactory ? adapter.connection : null;
}

/** The worker and the API are separate processes writing the same file, so a write waits on a lock rather than failing. */
function createSqlitePrisma(url: string, log: Log): PrismaClient {
  return new PrismaClient({ adapter: new SqliteAdapterFactory({ url, timeout: 30_000 }), log, transactionOptions });
}

/**
 * The client generated from the derived PostgreSQL schema has the same models,
 * so it stands in for the SQLite client's type; loaded only when asked for.
 */
async function createPostgresPrisma(url: string, log: Log): Promise<PrismaClient> {
  const [{ PrismaPg }, postgres] = await Promise.all([import('@prisma/adapter-pg'), import('../prisma/postgres/generated/client.ts')]);
  return new postgres.PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log, transactionOptions }) as unknown as PrismaClient;
}
