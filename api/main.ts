// The API server process: GraphQL at /graphql, health at /healthz, the console at /.
import http from 'node:http';
import type { Client } from '@temporalio/client';
import { loadConfig } from '../runtime/config.ts';
import { createPrisma, type PrismaClient } from '../runtime/db.ts';
import { portInUse, waitFor } from '../runtime/processes.ts';
import { connectClient } from '../runtime/temporal.ts';
import { ensureBulletinSchedule } from '../services/bulletin-schedule.ts';
import { ensureEvaluationSchedule } from '../services/evaluation-schedule.ts';
import { installationSecret } from '../runtime/secret.ts';
import { createApp } from './app.ts';
import { startingHealth } from './health.ts';

// Files the API writes in the data directory (attachments, plan archives) are its owner's alone.
process.umask(0o077);
const config = loadConfig();

// Listen first, so start-up answers 503 rather than a closed port; the full app takes over once connected.
let handler: http.RequestListener = (req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify(req.url?.startsWith('/healthz') ? startingHealth : { error: '服务正在启动 Duban is starting.' }));
};
const server = http.createServer((req, res) => handler(req, res));
server.once('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? portInUse(config.port).message : `api: cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});
// Loopback unless HOST says otherwise (a container or a host behind a reverse proxy).
server.listen(config.port, config.host, () => console.log(`api: listening on http://${config.host}:${config.port}`));

let prisma: PrismaClient | undefined;
let temporal: Client | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.all([prisma?.$disconnect(), temporal?.connection.close()]).finally(() => process.exit(0));
  });
}

prisma = await createPrisma(config.databaseUrl);
// The server may still be starting (or briefly away): keep trying, /healthz says 503 meanwhile.
await waitFor('Temporal', async () => ((temporal = await connectClient(config)), true), 10 * 60_000);
const client = temporal!;
// The yearly evaluation round's schedule: created on first start, brought to the configured dates after.
await ensureEvaluationSchedule(client, config.taskQueue).catch((error) => console.error('api: could not ensure the evaluation schedule:', error));
// The monthly bulletins' schedule: on the configured day (DUBAN_BULLETIN_DAY), paused when off.
await ensureBulletinSchedule(client, config.taskQueue, config.bulletinDay).catch((error) => console.error('api: could not ensure the bulletin schedule:', error));
handler = createApp({ prisma, temporal: client, taskQueue: config.taskQueue, signingKey: installationSecret(config.dataDir, config.secret), dataDir: config.dataDir, config });
console.log('api: ready');
