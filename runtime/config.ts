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
  /** The interface the API listens on: loopback unless HOST says otherwise. */
  host: string;
  /** DUBAN_DEMO: demo mode (demo accounts, demo plan, demo logins on the sign-in page) unless "0" (production). */
  demo: boolean;
  /** DUBAN_DEMO_PASSWORD: the demo accounts' password, in demo mode only. */
  demoPassword: string;
  /** DUBAN_ADMIN_PASSWORD: the first administrator's password in production (generated and printed once when unset). */
  adminPassword: string | undefined;
  /** GraphiQL, introspection and field suggestions: on in demo mode, off in production; DUBAN_GRAPHIQL=1 or 0 decides. */
  graphiql: boolean;
  /** DUBAN_PUBLIC_URL: the origin users reach (absolute links; a https origin makes the session cookie Secure). */
  publicUrl: string | undefined;
  /** DUBAN_TRUST_PROXY: express's "trust proxy" (e.g. `loopback`, `1`, an address list); unset trusts no proxy header. */
  trustProxy: boolean | number | string;
  /** DUBAN_CORS_ORIGINS: origins (comma-separated) allowed to call the API from a browser; none by default. */
  corsOrigins: string[];
  /** DUBAN_SESSION_IDLE_MINUTES: a console session unused this long ends (default 30). */
  sessionIdleMinutes: number;
  /** DUBAN_JWT_SECRET: the key that signs tokens and Temporal payloads; unset, a random key kept in the data directory. */
  secret: string | undefined;
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

function trustProxy(value: string | undefined): boolean | number | string {
  if (!value) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  const demo = env.DUBAN_DEMO !== '0';
  const publicUrl = env.DUBAN_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`DUBAN_PUBLIC_URL must be an http(s) origin, got "${publicUrl}"`);
  return {
    port,
    dataDir: dataDir(env),
    databaseUrl: databaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.DUBAN_TASK_QUEUE ?? 'duban',
    host: env.HOST || '127.0.0.1',
    demo,
    demoPassword: env.DUBAN_DEMO_PASSWORD || 'duban2026',
    adminPassword: env.DUBAN_ADMIN_PASSWORD || undefined,
    graphiql: env.DUBAN_GRAPHIQL === '1' || (demo && env.DUBAN_GRAPHIQL !== '0'),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    trustProxy: trustProxy(env.DUBAN_TRUST_PROXY),
    corsOrigins: (env.DUBAN_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    sessionIdleMinutes: positive('DUBAN_SESSION_IDLE_MINUTES', env.DUBAN_SESSION_IDLE_MINUTES, 30),
    secret: env.DUBAN_JWT_SECRET || undefined,
  };
}
