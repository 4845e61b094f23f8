// `npm run reconcile [-- --repair | --rebuild]`: compares every task workflow
// with the read model, lists the differences, and with --repair rewrites the
// read model from the workflows. --rebuild first refills a read model that was
// lost (an empty, migrated database) from the archived plans, the workflows,
// their delivered notices and the stored attachments. Exits 1 when differences
// remain unrepaired.
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { reconcile } from '../services/reconcile.ts';
import { rebuildReadModel } from '../services/rebuild.ts';
import { connectClient } from '../runtime/temporal.ts';

const rebuild = process.argv.includes('--rebuild');
const repair = rebuild || process.argv.includes('--repair');
const config = loadConfig();
const prisma = await createPrisma(config.databaseUrl);
const client = await connectClient(config);
if (rebuild) {
  const rebuilt = await rebuildReadModel(prisma, client, config.dataDir);
  console.log(`rebuilt: ${rebuilt.plans} plans, ${rebuilt.tasks} tasks, ${rebuilt.notices} notices, ${rebuilt.attachments} attachments`);
}
const { checked, differences } = await reconcile(prisma, client, { repair });
for (const d of differences) {
  console.log(`${d.taskId}  ${d.field}: workflow=${JSON.stringify(d.workflow)} readModel=${JSON.stringify(d.readModel)}`);
}
console.log(`${checked} tasks checked, ${differences.length} differences${repair && differences.length ? ' (repaired)' : ''}`);
await Promise.all([prisma.$disconnect(), client.connection.close()]);
process.exitCode = differences.length && !repair ? 1 : 0;
