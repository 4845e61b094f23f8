// A Temporal server that is not the dev server: the official server binary
// (go.temporal.io/server, built once by scripts/temporal-server.sh into .tools/)
// on a private PostgreSQL (Debian's package, test/helpers/postgres.ts), its
// schema set up by Temporal's own SQL tool, 4 history shards, every service
// (frontend, history, matching, worker) in one process on loopback ports.
// Used by `npm run bench -- cluster` and the DUBAN_CLUSTER_TEST=1 test; never by `npm test`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { portOpen, stopChild, waitFor } from '../../runtime/processes.ts';
import { freePort } from './ports.ts';
import { startPostgres, type PostgresServer } from './postgres.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const historyShards = 4;

/** The built server's directory (temporal-server, temporal-sql-tool, schema/); builds it on first use (minutes). */
export function temporalServerTools(): { dir: string; server: string; sqlTool: string; version: string } {
  const dir = execFileSync('bash', [path.join(root, 'scripts', 'temporal-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  return { dir, server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool'), version: path.basename(dir).replace(/^temporal-server-/, '') };
}

export interface PostgresTemporal {
  /** host:port of the frontend. */
  address: string;
  namespace: string;
  version: string;
  /** The server process (kill it and call start() again to restart it on the same data). */
  child: ChildProcess;
  pid(): number;
  /** Starts the server process again (after a kill) on the same PostgreSQL. */
  start(): Promise<ChildProcess>;
  /** The server, then PostgreSQL, then the files. */
  stop(): Promise<void>;
}

/** Sets up the two databases with Temporal's SQL tool, as its docs do: create-database, setup-schema 0.0, update-schema to the versioned dir. */
function setUpSchema(sqlTool: string, schemaDir: string, port: number): void {
  const common = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(port), '-u', 'postgres'];
  for (const [db, dir] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']] as const) {
    const run = (...args: string[]) => execFileSync(sqlTool, [...common, '--db', db, ...args], { stdio: 'pipe' });
    run('create-database');
    run('setup-schema', '-v', '0.0');
    run('update-schema', '-d', path.join(schemaDir, 'postgresql', 'v12', dir, 'versioned'));
  }
}

function configYaml(pgPort: number, ports: Record<'frontend' | 'http' | 'history' | 'matching' | 'worker' | 'mFrontend' | 'mHistory' | 'mMatching' | 'mWorker', number>, dynamicConfig: string): string {
  const store = (db: string, conns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: "${db}"
        connectAddr: "127.0.0.1:${pgPort}"
        connectProtocol: "tcp"
        user: "postgres"
        password: ""
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, http?: number) =>
    `    rpc:\n      grpcPort: ${grpc}\n      membershipPort: ${membership}\n      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `log:
  stdout: true
  level: error
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${historyShards}
  datastores:
    postgres-default:
${store('temporal', 20)}
    postgres-visibility:
${store('temporal_visibility', 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:
  frontend:
${service(ports.frontend, ports.mFrontend, ports.http)}
  matching:
${service(ports.matching, ports.mMatching)}
  history:
${service(ports.history, ports.mHistory)}
  worker:
${service(ports.worker, ports.mWorker)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "${dynamicConfig}"
  pollInterval: "10s"
`;
}

/** PostgreSQL, the schema, the server, and the namespace registered: ready for a worker and clients. */
export async function startPostgresTemporal(namespace = 'default'): Promise<PostgresTemporal> {
  const tools = temporalServerTools();
  const postgres: PostgresServer = await startPostgres('duban_unused');
  const pgPort = Number(new URL(postgres.url).port);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-temporal-pg-'));
  try {
    setUpSchema(tools.sqlTool, path.join(tools.dir, 'schema'), pgPort);
    const names = ['frontend', 'http', 'history', 'matching', 'worker', 'mFrontend', 'mHistory', 'mMatching', 'mWorker'] as const;
    const ports = {} as Record<(typeof names)[number], number>;
    for (const name of names) ports[name] = await freePort();
    const dynamicConfig = path.join(dir, 'dynamicconfig.yaml');
    // As the dev server: updates and visibility reads right after a write.
    fs.writeFileSync(dynamicConfig, 'system.forceSearchAttributesCacheRefreshOnRead:\n  - value: true\n    constraints: {}\n');
    const configFile = path.join(dir, 'config.yaml');
    fs.writeFileSync(configFile, configYaml(pgPort, ports, dynamicConfig));
    const address = `127.0.0.1:${ports.frontend}`;
    const logFile = path.join(dir, 'server.log');
    const launch = async () => {
      // Its log (JSON lines, stack traces at shutdown) goes to a file beside its config, not to the test's output.
      const out = fs.openSync(logFile, 'a');
      const child = spawn(tools.server, ['--config-file', configFile, '--allow-no-auth', 'start'], { env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' }, stdio: ['ignore', out, out], detached: true });
      fs.closeSync(out);
      const exited = new Promise<never>((_, reject) =>
        child.once('exit', (code) => reject(new Error(`the Temporal server exited with code ${code}: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`))),
      );
      exited.catch(() => undefined);
      await Promise.race([waitFor('the Temporal server (PostgreSQL)', () => portOpen(ports.frontend), 120_000), exited]);
      return child;
    };
    let child = await launch();
    // A real server has no namespace until one is registered; it is usable once the frontend's namespace cache has it.
    const connection = await Connection.connect({ address });
    try {
      await waitFor('the namespace to be registered', async () => {
        try {
          await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('3 days') });
        } catch (error) {
          if (!/already exists|AlreadyExists/i.test(String(error))) return false;
        }
        return true;
      }, 60_000);
      await waitFor('the namespace to be usable', async () => {
        try {
          await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
          return true;
        } catch {
          return false;
        }
      }, 60_000);
    } finally {
      await connection.close();
    }
    const handle: PostgresTemporal = {
      address,
      namespace,
      version: tools.version,
      child,
      pid: () => handle.child.pid!,
      async start() {
        handle.child = child = await launch();
        return child;
      },
      async stop() {
        await stopChild(handle.child, 15_000);
        await postgres.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    return handle;
  } catch (error) {
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
