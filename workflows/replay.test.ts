import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { workflowCode } from '../worker/create.ts';

const dir = fileURLToPath(new URL('./histories/', import.meta.url));
const fixtures = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));

// Histories recorded from real runs (npm run histories:record): today's workflow
// code must replay each of them without a nondeterminism error.
describe('replay of recorded histories', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(`${dir}${file}`, 'utf8')));
    await expect(Worker.runReplayHistory(workflowCode(), history, file)).resolves.toBeUndefined();
  });
});
