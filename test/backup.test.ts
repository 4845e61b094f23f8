import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { noopWorkflow } from '../workflows/noop.ts';
import { eventually } from './helpers/eventually.ts';
import { graphqlClient } from './helpers/graphql.ts';
import { npmStart, type NpmStart } from './helpers/npm-start.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-backup-'));
const dataDir = path.join(root, 'data');
const backupDir = path.join(root, 'backup');

async function runningWorkflows(stack: NpmStart): Promise<string[]> {
  const connection = await Connection.connect({ address: `127.0.0.1:${stack.temporalPort}` });
  try {
    const ids: string[] = [];
    for await (const w of new Client({ connection }).workflow.list({ query: "ExecutionStatus = 'Running'" })) ids.push(w.workflowId);
    return ids.sort();
  } finally {
    await connection.close();
  }
}

/** What a user sees: counts of every kind, the published inspection round, the running processes. */
async function observe(stack: NpmStart) {
  const base = `http://127.0.0.1:${stack.port}`;
  const api = graphqlClient(base);
  const { data } = await api.request('{ bodies { totalCount } tasks { totalCount } plans { totalCount } assignments { totalCount } }', {}, await api.login('supervisor', 'duban2026'));
  return {
    data,
    round: await (await fetch(`${base}/public/inspections/DEMO-2026-01.json`)).json(),
    credit: await (await fetch(`${base}/public/credit.json?limit=200`)).json(),
    workflows: await runningWorkflows(stack),
  };
}

function stop(stack: NpmStart): Promise<number | null> {
  stack.process.kill('SIGTERM');
  return stack.exited;
}

describe('npm run backup / restore', () => {
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('backs up under load, and a restore into an empty data directory brings back every record with its live process', async () => {
    const first = await npmStart(dataDir);
    let before: Awaited<ReturnType<typeof observe>>;
    try {
      // A process the demo loader would not make again: only a true restore brings it back.
      const connection = await Connection.connect({ address: `127.0.0.1:${first.temporalPort}` });
      await new Client({ connection }).workflow.start(noopWorkflow, { args: [365 * 86_400_000], workflowId: 'kept-by-the-backup', taskQueue: 'duban' });
      await connection.close();
      // The demo's evaluation round starts its units after start-up: observe once the running set holds still.
      await eventually(async () => {
        const running = await runningWorkflows(first);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await runningWorkflows(first)).toEqual(running);
      }, 120_000);
      before = await observe(first);
      expect(before.workflows).toContain('kept-by-the-backup');
      // Load while the copy is taken: sign-ins write sessions and audit rows to the read model all along.
      let loading = true;
      const api = graphqlClient(`http://127.0.0.1:${first.port}`);
      const load = (async () => {
        let n = 0;
        while (loading) n += (await api.login('supervisor', 'duban2026').then(() => 1, () => 0));
        return n;
      })();
      const env = { ...process.env, DUBAN_DATA_DIR: dataDir, TEMPORAL_ADDRESS: '' };
      let output: string;
      try {
        output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', backupDir], { env, encoding: 'utf8' });
      } finally {
        loading = false;
      }
      expect(await load).toBeGreaterThan(0);
      expect(output).toMatch(/^backup: .*read model \(sqlite, \d+ rows\), Temporal database, \d+ files/);
    } finally {
      expect(await stop(first)).toBe(0);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ versions: { readModel: 'sqlite' }, temporal: true, counts: expect.objectContaining({ Task: 35, Plan: 1 }) });

    fs.rmSync(dataDir, { recursive: true, force: true });
    const restored = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', backupDir], { env: { ...process.env, DUBAN_DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(restored).toContain('restore: the backup of');
    // The restored read model is the copy, row for row (the sessions the load wrote up to the copy included).
    const db = new Database(path.join(dataDir, 'duban.db'), { readonly: true });
    const counts = Object.fromEntries(Object.keys(manifest.counts).map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]));
    db.close();
    expect(counts).toEqual(manifest.counts);
    // A second restore over the restored directory is refused: nothing is overwritten.
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', backupDir], { env: { ...process.env, DUBAN_DATA_DIR: dataDir }, stdio: 'pipe' })).toThrow(/must be empty/);

    const second = await npmStart(dataDir);
    try {
      const after = await observe(second);
      expect(after).toEqual(before);
      expect(after.workflows.length).toBeGreaterThanOrEqual(35);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 600_000);
});
