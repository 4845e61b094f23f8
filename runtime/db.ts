import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../prisma/generated/client.ts';
import { databaseUrl } from './config.ts';

export type { PrismaClient };

/**
 * One Prisma client on the SQLite read model. The worker and the API are
 * separate processes writing the same file, so waits on a lock rather than failing.
 */
export async function createPrisma(url: string = databaseUrl(), onQuery?: (sql: string) => void): Promise<PrismaClient> {
  const prisma = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }),
    log: onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (onQuery) prisma.$on('query' as never, (event: { query: string }) => onQuery(event.query));
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  return prisma;
}
