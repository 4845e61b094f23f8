// The fault suite's workload on a Temporal server that is not the dev server (issue 22):
// the official server (go.temporal.io/server, scripts/temporal-server.sh) on PostgreSQL with
// 4 history shards, the stack as separate processes on it; a plan closed out through the API
// while the Temporal server is killed with SIGKILL and started again on the same database;
// then the same invariants as test/faults (workflows = read model, nothing twice, no file lost).
//
// Runs only with DUBAN_CLUSTER_TEST=1: the first run builds the server from the Go module
// proxy (minutes), which `npm test` must not do.
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessStack } from '../faults/stack.ts';

const enabled = process.env.DUBAN_CLUSTER_TEST === '1';
/** As test/helpers/temporal-postgres.ts: the stack is loaded only when the test runs, so a skipped run costs `npm test` nothing. */
const historyShards = 4;

describe.skipIf(!enabled)('the workload on the official Temporal server on PostgreSQL (skipped unless DUBAN_CLUSTER_TEST=1: it builds go.temporal.io/server)', () => {
  let stack: ProcessStack;
  let temporal: Client;

  beforeAll(async () => {
    const { startPostgresTemporal } = await import('../helpers/temporal-postgres.ts');
    const { startProcessStack } = await import('../faults/stack.ts');
    const { Client, Connection } = await import('@temporalio/client');
    stack = await startProcessStack({ temporal: await startPostgresTemporal() });
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  }, 900_000);

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  it(`runs on the PostgreSQL-backed server (${historyShards} history shards), not the dev server`, async () => {
    const { serverVersion, historyShardCount, persistenceStore, visibilityStore } = await temporal.workflowService.getClusterInfo({});
    expect(serverVersion).toBe('1.32.2');
    expect(historyShardCount).toBe(historyShards);
    expect(`${persistenceStore} ${visibilityStore}`).toMatch(/postgres/);
  });

  it('kill -9 the Temporal server in the middle of the workload, restart it: nothing lost, nothing twice', async () => {
    const { checkInvariants, closeOutPlan } = await import('../faults/scenario.ts');
    const { reconcileAll } = await import('../../services/reconcile-all.ts');
    const { eventually } = await import('../helpers/eventually.ts');
    const { planId, expected, injected, calls, retries, doneAtKill } = await closeOutPlan(stack, '集群测试：Temporal 服务被杀', { part: 'temporal' });
    const { checked, differences } = await checkInvariants(stack, temporal, planId, expected);
    expect(injected).toBe(1);
    const all = await eventually(async () => {
      const reports = await reconcileAll({ prisma: stack.db.prisma, client: temporal, taskQueue: 'duban' });
      expect(reports.flatMap((r) => r.differences)).toEqual([]);
      return reports.length;
    }, 120_000);
    console.log(`cluster | PostgreSQL-backed Temporal, ${historyShards} shards | 1 plan (35 tasks), ${expected.length} assignments closed out in ${calls} calls (${retries} retries), server killed after ${doneAtKill} | ${checked} tasks, ${all} kinds reconciled | ${differences.length} differences`);
  }, 900_000);
});
