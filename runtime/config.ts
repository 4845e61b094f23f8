import path from 'node:path';
import { classRuleFrom, defaultClassRule, type ClassRule } from '../domain/credit/classes.ts';
import { calendarProblems, defaultEvaluationCalendar, type EvaluationCalendar } from '../domain/evaluation/round.ts';
import { defaultRoundLimits, type RoundLimits } from '../domain/inspection/round.ts';
import { defaultObjectionLimits, type ObjectionLimits } from '../domain/objection/case.ts';
import { defaultRepairPolicy, type RepairPolicy } from '../domain/repair/eligibility.ts';
import { bulletinDayRange } from '../domain/bulletin/schedule.ts';
import { defaultReceiptWorkingDays } from '../domain/supervision/receipt.ts';
import { maxAppealWorkingDays } from '../domain/scoring/appeals.ts';

/**
 * Every setting Duban reads from its environment, with the embedded defaults
 * `npm start` relies on. Nothing else reads a setting from `process.env` (child
 * processes are handed it whole); the README's Configuration lists the variables.
 */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** Unset means: start the embedded Temporal dev server. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  taskQueue: string;
  /** The embedded dev server's frontend and Web UI ports. */
  devServer: { port: number; uiPort: number };
  /** Where task pages link to their workflow in the Temporal Web UI. */
  temporalUiUrl: string;
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
  /** DUBAN_URGE_INTERVAL_HOURS: urging an assignment again this soon is refused (RecentlyUrgedError) unless forced (default 24). */
  urgeIntervalHours: number;
  /** DUBAN_JWT_SECRET: the key that signs tokens and Temporal payloads; unset, a random key kept in the data directory. */
  secret: string | undefined;
  /** Mail every notice through SMTP as well as to the in-app inbox; null: inbox only. */
  smtp: { url: string; from: string } | null;
  /** When the yearly evaluation round opens and its reports are due (MM-DD, China Standard Time). */
  evaluation: EvaluationCalendar;
  /** DUBAN_RECEIPT_WORKING_DAYS: working days a body has to acknowledge a new assignment (签收) before it is reminded (default 2). */
  receiptWorkingDays: number;
  credit: { classRule: ClassRule; objectionLimits: ObjectionLimits; repairPolicy: RepairPolicy; inspectionLimits: RoundLimits };
  /** DUBAN_SCORE_APPEAL_WORKING_DAYS: working days a unit has to appeal a line of its announced score (公示期, default 5). */
  scoreAppealWorkingDays: number;
  /** DUBAN_BULLETIN_DAY: the day of the month (1–28, default 1) the monthly bulletins fire; `off`: no monthly bulletins (null). */
  bulletinDay: number | null;
  /** The worker's Temporal options: DUBAN_WORKER_MAX_CACHED_WORKFLOWS (workflows kept in memory between their tasks). */
  worker: { maxCachedWorkflows: number };
}

/**
 * Workflows a worker keeps in memory between their tasks (the SDK's sticky cache). The SDK's own default grows
 * with the heap limit (2,310 with Node's 4 GB heap). bench/cache.bench.ts (bench/results/cache.md) measured,
 * with 3,500 open task workflows queried in random order: max RSS 1,325 MB at 500, 1,866 MB at 1000 and
 * 2,215 MB at the SDK's default (about 1.1 MB per cached workflow), for the same queries/s (0.97, 0.98 × the
 * SDK's). A cache of 250 keeps a worker near 1 GB at any number of open workflows.
 */
export const defaultMaxCachedWorkflows = 250;

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

function portOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = Number(env[name] ?? fallback);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name} must be a TCP port number, got "${env[name]}"`);
  return port;
}

/** A JSON object over the defaults (DUBAN_CREDIT_RULE and the like). */
function json<T>(env: NodeJS.ProcessEnv, name: string): Partial<T> {
  const text = env[name];
  if (!text) return {};
  try {
    return JSON.parse(text) as Partial<T>;
  } catch {
    throw new Error(`${name} must be a JSON object, got ${text}`);
  }
}

function creditConfig(env: NodeJS.ProcessEnv): Config['credit'] {
  const repair = json<RepairPolicy>(env, 'DUBAN_REPAIR_POLICY');
  return {
    classRule: classRuleFrom(json<ClassRule>(env, 'DUBAN_CREDIT_RULE'), defaultClassRule),
    objectionLimits: { ...defaultObjectionLimits, ...json<ObjectionLimits>(env, 'DUBAN_OBJECTION_LIMITS') },
    repairPolicy: { ...defaultRepairPolicy, ...repair, minimumMonths: { ...defaultRepairPolicy.minimumMonths, ...repair.minimumMonths } },
    inspectionLimits: { ...defaultRoundLimits, ...json<RoundLimits>(env, 'DUBAN_INSPECTION_LIMITS') },
  };
}

function evaluationCalendar(env: NodeJS.ProcessEnv): EvaluationCalendar {
  const calendar = { opens: env.DUBAN_EVALUATION_OPENS ?? defaultEvaluationCalendar.opens, due: env.DUBAN_EVALUATION_DUE ?? defaultEvaluationCalendar.due };
  const problems = calendarProblems(calendar);
  if (problems.length) throw new Error(`DUBAN_EVALUATION_OPENS/DUE: ${problems.join(' ')}`);
  return calendar;
}

function appealDays(value: string | undefined): number {
  if (value === undefined || value === '') return 5;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > maxAppealWorkingDays) throw new Error(`DUBAN_SCORE_APPEAL_WORKING_DAYS must be a whole number from 0 to ${maxAppealWorkingDays}, got "${value}"`);
  return n;
}

function bulletinDay(value: string | undefined): number | null {
  if (value === undefined || value === '') return 1;
  if (value === 'off') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < bulletinDayRange.min || n > bulletinDayRange.max) {
    throw new Error(`DUBAN_BULLETIN_DAY must be a day of the month from ${bulletinDayRange.min} to ${bulletinDayRange.max}, or off, got "${value}"`);
  }
  return n;
}

function cacheSize(value: string | undefined): number {
  if (value === undefined || value === '') return defaultMaxCachedWorkflows;
  const n = Number(value);
  // The SDK takes 0 (no cache) or at least 2.
  if (!Number.isInteger(n) || n < 0 || n === 1) throw new Error(`DUBAN_WORKER_MAX_CACHED_WORKFLOWS must be 0 (no cache) or a whole number ≥ 2, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const devServer = { port: portOf(env, 'DUBAN_TEMPORAL_PORT', 7233), uiPort: portOf(env, 'DUBAN_TEMPORAL_UI_PORT', 8233) };
  const demo = env.DUBAN_DEMO !== '0';
  const publicUrl = env.DUBAN_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`DUBAN_PUBLIC_URL must be an http(s) origin, got "${publicUrl}"`);
  return {
    port: portOf(env, 'PORT', 4000),
    dataDir: dataDir(env),
    databaseUrl: databaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.DUBAN_TASK_QUEUE ?? 'duban',
    devServer,
    temporalUiUrl: env.DUBAN_TEMPORAL_UI_URL ?? `http://localhost:${devServer.uiPort}`,
    host: env.HOST || '127.0.0.1',
    demo,
    demoPassword: env.DUBAN_DEMO_PASSWORD || 'duban2026',
    adminPassword: env.DUBAN_ADMIN_PASSWORD || undefined,
    graphiql: env.DUBAN_GRAPHIQL === '1' || (demo && env.DUBAN_GRAPHIQL !== '0'),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    trustProxy: trustProxy(env.DUBAN_TRUST_PROXY),
    corsOrigins: (env.DUBAN_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    sessionIdleMinutes: positive('DUBAN_SESSION_IDLE_MINUTES', env.DUBAN_SESSION_IDLE_MINUTES, 30),
    urgeIntervalHours: positive('DUBAN_URGE_INTERVAL_HOURS', env.DUBAN_URGE_INTERVAL_HOURS, 24),
    secret: env.DUBAN_JWT_SECRET || undefined,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? '督办系统 <duban@localhost>' } : null,
    evaluation: evaluationCalendar(env),
    receiptWorkingDays: Math.round(positive('DUBAN_RECEIPT_WORKING_DAYS', env.DUBAN_RECEIPT_WORKING_DAYS, defaultReceiptWorkingDays)),
    credit: creditConfig(env),
    scoreAppealWorkingDays: appealDays(env.DUBAN_SCORE_APPEAL_WORKING_DAYS),
    bulletinDay: bulletinDay(env.DUBAN_BULLETIN_DAY),
    worker: { maxCachedWorkflows: cacheSize(env.DUBAN_WORKER_MAX_CACHED_WORKFLOWS) },
  };
}

let loaded: Config | undefined;

/** This process's configuration, read from its environment once. */
export function config(): Config {
  loaded ??= loadConfig();
  return loaded;
}
