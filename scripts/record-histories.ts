// `npm run histories:record`: runs each recorded scenario on the time-skipping
// server and saves its event history as a replay fixture under workflows/histories/.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { timeSkippingEnvironment } from '../test/helpers/temporal.ts';
import { workflowsPath } from '../worker/create.ts';
import { scenarios } from '../workflows/histories/scenarios.ts';

const dir = fileURLToPath(new URL('../workflows/histories/', import.meta.url));
const env = await timeSkippingEnvironment();
try {
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'record', workflowsPath });
  await worker.runUntil(async () => {
    for (const scenario of scenarios) {
      const handle = await scenario.run(env.client, 'record');
      await handle.result();
      const history = await handle.fetchHistory();
      fs.writeFileSync(`${dir}${scenario.name}.json`, historyToJSON(history));
      console.log(`recorded ${scenario.name}: ${history.events?.length} events`);
    }
  });
} finally {
  await env.teardown();
}
