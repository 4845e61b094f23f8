// The API server process: GraphQL at /graphql, health at /healthz, the console at /.
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { connectClient } from '../runtime/temporal.ts';
import { ensureEvaluationSchedule } from '../services/evaluation-schedule.ts';
import { installationSecret } from '../runtime/secret.ts';
import { createApp } from './app.ts';

// Files the API writes in the data directory (attachments, plan archives) are its owner's alone.
process.umask(0o077);
const config = loadConfig();
const prisma = await createPrisma(config.databaseUrl);
const temporal = await connectClient(config);
// The yearly evaluation round's schedule: created on first start, brought to the configured dates after.
await ensureEvaluationSchedule(temporal, config.taskQueue).catch((error) => console.error('api: could not ensure the evaluation schedule:', error));
const app = createApp({ prisma, temporal, taskQueue: config.taskQueue, signingKey: installationSecret(config.dataDir, config.secret), dataDir: config.dataDir, config });
// Loopback unless HOST says otherwise (a container or a host behind a reverse proxy).
const server = app.listen(config.port, config.host, () => {
  console.log(`api: listening on http://${config.host}:${config.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void Promise.all([prisma.$disconnect(), temporal.connection.close()]).finally(() => process.exit(0));
  });
}
