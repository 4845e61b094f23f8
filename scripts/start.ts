// `npm start`: database, Temporal, worker, API and console on embedded defaults.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { startDevServer } from '../runtime/dev-server.ts';
import { migrateReadModel } from '../runtime/migrate.ts';
import { portInUse, portOpen, startChild, stopChild, waitFor } from '../runtime/processes.ts';
import { allDemoAccounts, loadBodies, loadDemoDrafters, loadReferenceData, prepareProduction, type AdministratorSetup } from '../runtime/reference-data.ts';
import { loadDemoPlan } from '../services/demo.ts';
import { connectClient } from '../runtime/temporal.ts';
import { buildConsoleIfMissing } from './build-console.ts';

// Everything written to the data directory (the databases, attachments, the key) is the owner's alone; children inherit this.
process.umask(0o077);
const config = loadConfig();
const { port: temporalPort, uiPort } = config.devServer;
const children: ChildProcess[] = [];
let stopping: Promise<never> | null = null;

/** Stops every child at once (each gets SIGTERM, then SIGKILL after 8 s), so all is down within 10 s; exits with `code`. */
function shutdown(code: number): Promise<never> {
  stopping ??= Promise.all(children.map((child) => stopChild(child))).then(() => process.exit(code));
  return stopping;
}
// `on`, not `once`: a group signal arrives twice (npm forwards it too), and the second must not kill us mid-shutdown.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

/** A child that stops on its own takes the rest down with it: half a stack must not look like a running one. */
function watch(name: string, child: ChildProcess): void {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping Duban.`);
    void shutdown(1);
  });
  children.push(child);
}

function startNode(name: string, entry: string): void {
  const env = { ...process.env, TZ: 'UTC', TEMPORAL_ADDRESS: address, DUBAN_DATA_DIR: config.dataDir };
  watch(name, startChild(name, process.execPath, ['--import', 'tsx', fileURLToPath(new URL(entry, import.meta.url))], env));
}

/** In demo mode, an empty data directory gets the seed plan with a few tasks under way. */
async function loadDemoData(temporalAddress: string): Promise<void> {
  if (!config.demo) return;
  const prisma = await createPrisma(config.databaseUrl);
  const temporal = await connectClient({ ...config, temporalAddress });
  try {
    const planId = await loadDemoPlan({ prisma, temporal, taskQueue: config.taskQueue, dataDir: config.dataDir });
    if (planId) console.log(`Loaded the demo plan ${planId}: the seed notice, rebased so its deadlines fall around today.`);
  } finally {
    await Promise.all([prisma.$disconnect(), temporal.connection.close()]);
  }
}

/** Demo mode: the demo accounts. Production: no known password (demo accounts disabled, the administrator's password set). */
async function loadAccounts(): Promise<AdministratorSetup> {
  const prisma = await createPrisma(config.databaseUrl);
  try {
    if (config.demo) {
      await loadReferenceData(prisma, config.demoPassword);
      await loadDemoDrafters(prisma, config.demoPassword);
      return null;
    }
    await loadBodies(prisma);
    return await prepareProduction(prisma, { demoPassword: config.demoPassword, adminPassword: config.adminPassword });
  } finally {
    await prisma.$disconnect();
  }
}

function accountsNotice(administrator: AdministratorSetup): string {
  if (config.demo) {
    return `Demo mode (DUBAN_DEMO=0 for production). Demo logins, password "${config.demoPassword}":
${allDemoAccounts.map((a) => `  ${a.login.padEnd(12)} ${a.role.padEnd(12)} ${a.displayName}`).join('\n')}`;
  }
  if (!administrator) return 'Production mode: sign in with your accounts.';
  return administrator.password
    ? `Production mode. The administrator "admin" was given this password, shown only now: ${administrator.password}
  It must be changed at the first sign-in.`
    : 'Production mode. The administrator "admin" has the password DUBAN_ADMIN_PASSWORD; it must be changed at the first sign-in.';
}

let address = config.temporalAddress ?? `127.0.0.1:${temporalPort}`;
try {
  const probeHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  // Every port we would listen on, named before anything starts.
  const ports = [config.port, ...(config.temporalAddress ? [] : [temporalPort, uiPort])];
  for (const port of ports) if (await portOpen(port, port === config.port ? probeHost : '127.0.0.1')) throw portInUse(port);
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(config.dataDir, 0o700);
  await buildConsoleIfMissing();
  await migrateReadModel();
  const administrator = await loadAccounts();

  if (!config.temporalAddress) {
    await startDevServer({ dataDir: config.dataDir, port: temporalPort, uiPort, namespace: config.temporalNamespace, onSpawn: (child) => watch('temporal', child) });
    address = `127.0.0.1:${temporalPort}`;
  }
  startNode('worker', '../worker/main.ts');
  startNode('api', '../api/main.ts');
  const base = `http://${probeHost}:${config.port}`;
  await waitFor('Duban', async () => (await fetch(`${base}/healthz`)).ok, 120_000);
  await loadDemoData(address);

  console.log(`
督办 Duban is running (data in ${config.dataDir})
  Console          ${base}/
  GraphQL          ${base}/graphql${config.graphiql ? ' (GraphiQL)' : ''}
  Health           ${base}/healthz
  Temporal         ${address}${config.temporalAddress ? '' : `\n  Temporal Web UI  http://localhost:${uiPort}`}
${accountsNotice(administrator)}
Press Ctrl-C to stop.`);
} catch (error) {
  const message = (error as Error).message;
  console.error(message.startsWith('端口') ? message : `Duban could not start: ${message}`);
  await shutdown(1);
}
