// `npm run reconcile [-- --repair | --rebuild]`: checks every kind of process
// (task, import, filing and evaluation rounds and units, objection, repair,
// inspection round) against the read model: rows whose workflow is missing or
// dead, running workflows without a row, and each task's fields. With --repair
// it mends what it can (restarts a plan's import, which starts missing tasks;
// drops a case filing whose workflow never started; rewrites a task's rows).
// --rebuild first refills a lost read model (an empty, migrated database) from
// the archived plans, the workflows, their notices and the stored attachments.
// Prints one line per kind, then a total (details on stderr); exits 0 whenever it ran.
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { reconcileAll, reconcileLines } from '../services/reconcile-all.ts';
import { rebuildReadModel } from '../services/rebuild.ts';
import { connectClient } from '../runtime/temporal.ts';

const rebuild = process.argv.includes('--rebuild');
const repair = rebuild || process.argv.includes('--repair');
const config = loadConfig();
const prisma = await createPrisma(config.databaseUrl);
const client = await connectClient(config);
try {
  if (rebuild) {
    const rebuilt = await rebuildReadModel(prisma, client, config.dataDir);
    console.log(`rebuilt: ${rebuilt.plans} plans, ${rebuilt.tasks} tasks, ${rebuilt.notices} notices, ${rebuilt.attachments} attachments`);
  }
  const reports = await reconcileAll({ prisma, client, taskQueue: config.taskQueue }, { repair });
  for (const r of reports) for (const d of r.differences) console.error(`${r.kind} ${d}`);
  for (const line of reconcileLines(reports)) console.log(line);
} finally {
  await Promise.all([prisma.$disconnect(), client.connection.close()]);
}
