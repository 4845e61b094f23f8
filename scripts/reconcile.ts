// `npm run reconcile [-- --repair]`: compares every task workflow with the read
// model, lists the differences, and with --repair rewrites the read model from
// the workflow histories. Exits 1 when differences remain unrepaired.
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { reconcile } from '../runtime/reconcile.ts';
import { connectClient } from '../runtime/temporal.ts';

const repair = process.argv.includes('--repair');
const config = loadConfig();
const prisma = await createPrisma(config.databaseUrl);
const client = await connectClient(config);
const { checked, differences } = await reconcile(prisma, client, { repair });
for (const d of differences) {
  console.log(`${d.taskId}  ${d.field}: workflow=${JSON.stringify(d.workflow)} readModel=${JSON.stringify(d.readModel)}`);
}
console.log(`${checked} tasks checked, ${differences.length} differences${repair && differences.length ? ' (repaired)' : ''}`);
await Promise.all([prisma.$disconnect(), client.connection.close()]);
process.exitCode = differences.length && !repair ? 1 : 0;
