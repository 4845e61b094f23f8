import path from 'node:path';

/** Settings from the environment, with the embedded defaults `npm start` relies on. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** Unset means: start the embedded Temporal dev server. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  taskQueue: string;
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DUBAN_DATA_DIR ?? 'data');
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || `file:${path.join(dataDir(env), 'duban.db')}`;
}

/** A PostgreSQL read model (for replicas sharing one database) rather than the embedded SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  return {
    port,
    dataDir: dataDir(env),
    databaseUrl: databaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.DUBAN_TASK_QUEUE ?? 'duban',
  };
}
