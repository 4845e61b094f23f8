import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { portOpen } from '../runtime/processes.ts';
import { noopWorkflow } from '../workflows/noop.ts';
import { eventually } from './helpers/eventually.ts';
import { graphqlClient } from './helpers/graphql.ts';
import { npmStart, type NpmStart } from './helpers/npm-start.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-start-'));
const year = 365 * 24 * 60 * 60 * 1000;

/** Stops it as Ctrl-C would; answers its exit code. */
function stop(stack: NpmStart): Promise<number | null> {
  stack.process.kill('SIGTERM');
  return stack.exited;
}

async function withClient<T>(temporalPort: number, use: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  try {
    return await use(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

describe('npm start', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('comes up healthy on an empty data directory, stops cleanly, and finds everything again on restart', async () => {
    const first = await npmStart(dataDir);
    const health = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(health.status).toBe(200);
    expect(first.output.join('')).toContain(`Temporal Web UI  http://localhost:`);
    expect(fs.existsSync(path.join(dataDir, 'duban.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'temporal.db'))).toBe(true);
    await withClient(first.temporalPort, (client) =>
      client.workflow.start(noopWorkflow, { args: [year], workflowId: 'survives-restart', taskQueue: 'duban' }),
    );

    expect(await stop(first)).toBe(0);
    expect(await portOpen(first.port)).toBe(false);
    expect(await portOpen(first.temporalPort)).toBe(false);

    const second = await npmStart(dataDir);
    try {
      const status = await withClient(second.temporalPort, async (client) =>
        (await client.workflow.getHandle('survives-restart').describe()).status.name,
      );
      expect(status).toBe('RUNNING');
      const api = graphqlClient(`http://127.0.0.1:${second.port}`);
      const token = await api.login('supervisor', 'duban2026');
      const { data } = await api.request('{ bodies { totalCount } tasks { totalCount } plans { totalCount } }', {}, token);
      expect(data.bodies.totalCount).toBeGreaterThan(40);
      expect(data).toMatchObject({ tasks: { totalCount: 35 }, plans: { totalCount: 1 } });
      const returned = await api.request('{ assignments(filter: { status: returned }) { edges { node { bodyName returnCount task { ref } } } } }', {}, token);
      expect(returned.data.assignments.edges.map((e: { node: unknown }) => e.node)).toEqual([
        { bodyName: '市市场监管委', returnCount: 1, task: { ref: '1.3' } },
      ]);
      // The demo's inspection round is published, and the Python checker re-draws it from the public data.
      const round = `http://127.0.0.1:${second.port}/public/inspections/DEMO-2026-01.json`;
      expect(await (await fetch(round)).json()).toMatchObject({ status: 'inspecting', populationSize: 12, beacon: expect.any(String), sample: expect.objectContaining({ length: 4 }) });
      const checked = spawnSync('python3', ['scripts/redraw.py', round], { encoding: 'utf8' });
      expect([checked.status, checked.stdout]).toEqual([0, expect.stringContaining('DEMO-2026-01 (')]);
      // The scoring scenario: the performance office computes this year and sees each kind of line.
      const performance = await api.login('performance', 'duban2026');
      const lines = await eventually(async () => {
        const computed = await api.request(`mutation ($y: Int!) { computeScores(year: $y) { __typename ... on MutationComputeScoresSuccess { data {
          scores { bodyId breakdown { criterion deductions { source detail } } } } } } }`, { y: Number(new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 4)) }, performance);
        const scores = computed.data.computeScores.data.scores as Array<{ bodyId: string; breakdown: Array<{ criterion: string; deductions: Array<{ source: string; detail: string }> }> }>;
        const of = (bodyId: string, criterion: string) => scores.find((s) => s.bodyId === bodyId)?.breakdown.find((c) => c.criterion === criterion)?.deductions.map((d) => d.detail) ?? [];
        const found = {
          lateReport: of('district-heping', 'report'), missingReport: of('district-hexi', 'report'), missingCatalogue: of('commerce', 'catalogue'), lateCatalogue: of('environment', 'catalogue'),
          districtOverdue: of('district-hexi', 'overdueAssignments').length > 0, scored: scores.map((s) => s.bodyId),
        };
        expect(found.missingCatalogue).toHaveLength(1);
        expect(found.lateCatalogue).toHaveLength(1);
        return found;
      });
      expect(lines).toMatchObject({
        lateReport: [expect.stringContaining('逾期')], missingReport: [expect.stringContaining('未报送')], missingCatalogue: [expect.stringContaining('未报送')],
        lateCatalogue: [expect.stringMatching(/逾期 \d+ 天报送/)], districtOverdue: true,
      });
      expect(lines.scored).not.toContain('performance-office');
      expect(lines.scored).not.toContain('cbrc-tianjin');
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 400_000);
});
