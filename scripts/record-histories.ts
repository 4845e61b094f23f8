// `npm run histories:record`: runs each recorded scenario on the time-skipping
// server, with a real worker and database, and saves its event history as a
// replay fixture under workflows/histories/.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createTestDatabase } from '../test/helpers/database.ts';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { createWorker } from '../worker/create.ts';
import { scenarios } from '../test/histories/scenarios.ts';

const dir = fileURLToPath(new URL('../workflows/histories/', import.meta.url));
const [env, db] = await Promise.all([timeSkippingEnvironment(), createTestDatabase()]);
try {
  const taskQueue = 'record';
  const worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, prisma: db.prisma, dataDir: db.dataDir });
  await worker.runUntil(async () => {
    // `npm run histories:record -- <name>…` records only the scenarios named.
    const only = process.argv.slice(2);
    for (const scenario of scenarios.filter((s) => only.length === 0 || only.includes(s.name))) {
      const handle = await scenario.run({ env, prisma: db.prisma, taskQueue, dataDir: db.dataDir });
      await handle.result();
      const history = await handle.fetchHistory();
      fs.writeFileSync(`${dir}${scenario.name}.json`, historyToJSON(history));
      console.log(`recorded ${scenario.name}: ${history.events?.length} events`);
    }
  });
} finally {
  await Promise.all([env.teardown(), db.dispose()]);
}
