// Scale-out (issue 9): the read model on PostgreSQL (Debian's package, started
// here on loopback), two app replicas (a worker and an API each) sharing it,
// one Temporal dev server. The scripted workload goes through both APIs, one
// replica's worker is killed in the middle, and the same invariants as the
// fault tests must hold.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants, closeOutPlan } from '../faults/scenario.ts';
import { startProcessStack, type ProcessStack } from '../faults/stack.ts';
import { createPostgresTestDatabase } from '../helpers/postgres.ts';

describe('two replicas on one PostgreSQL read model', () => {
  let stack: ProcessStack;
  let temporal: Client;

  beforeAll(async () => {
    stack = await startProcessStack({ db: await createPostgresTestDatabase(), replicas: 2 });
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  }, 240_000);

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
  });

  it('runs the workload through both APIs, survives one replica losing its worker, and the read model equals the workflows', async () => {
    expect(stack.db.url).toMatch(/^postgresql:/);
    const { planId, expected, injected, calls, callsPerApi, retries, doneAtKill } = await closeOutPlan(stack, '扩展测试：两个副本', { part: 'worker', replica: 1 });
    const { checked, differences } = await checkInvariants(stack, temporal, planId, expected);
    expect(injected).toBe(1);
    for (const n of callsPerApi) expect(n).toBeGreaterThan(0);
    console.log(
      `scale-out | PostgreSQL, 2 replicas | 1 plan (35 tasks), ${expected.length} assignments closed out in ${calls} calls (${callsPerApi.join(' + ')} by API) with ${retries} retries, replica 1's worker killed after ${doneAtKill} | ${checked} workflows checked | ${differences.length} differences`,
    );
  }, 600_000);
});
