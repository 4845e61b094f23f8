import { databaseUrl, isPostgresUrl } from './config.ts';
import { migratePostgres } from './postgres-migrate.ts';
import { runPrismaCli } from './prisma-cli.ts';

/** Brings the read model's tables up to the committed migrations, on SQLite or PostgreSQL. */
export async function migrateReadModel(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = databaseUrl(env);
  if (isPostgresUrl(url)) await migratePostgres(url);
  else runPrismaCli(['migrate', 'deploy'], env);
}
