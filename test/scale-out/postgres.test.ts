// Scale-out (issue 9): the read model on PostgreSQL (Debian's package, started
// here on loopback), two app replicas (a worker and an API each) sharing it,
// one Temporal dev server. The scripted workload goes through both APIs, one
// replica's worker is killed in the middle, and the same invariants as the
// fault tests must hold.
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatamodel } from '../../prisma/generated/pothos-types.ts';
import { migratePostgres } from '../../runtime/postgres-migrate.ts';
import { checkCreditCases, runCreditCases } from '../faults/credit-workload.ts';
import { checkInvariants, closeOutPlan } from '../faults/scenario.ts';
import { startProcessStack, type ProcessStack } from '../faults/stack.ts';
import { Workload } from '../faults/workload.ts';
import { eventually } from '../helpers/eventually.ts';
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

  it('has every table and column of the schema after the migrations, and applies none twice', async () => {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    await client.end();
    const columns = (list: Array<[string, string]>) => list.map(([table, column]) => `${table}.${column}`).sort();
    const expected = Object.entries(getDatamodel().datamodel.models).flatMap(([model, { fields }]) =>
      fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => [model, f.name] as [string, string]),
    );
    expect(columns(rows.map((r) => [r.table_name, r.column_name]))).toEqual(columns(expected));
    expect(await migratePostgres(stack.db.url)).toEqual([]);
  });

  it('runs the workload through both APIs, survives one replica losing its worker, and the read model equals the workflows', async () => {
    expect(stack.db.url).toMatch(/^postgresql:/);
    // Credit cases beside the plan, batch after batch, alternating between the two APIs.
    const creditLanes = stack.bases.map((base) => new Workload(base));
    const plan = closeOutPlan(stack, '扩展测试：两个副本', { part: 'worker', replica: 1 });
    const [{ planId, expected, injected, calls, callsPerApi, retries, doneAtKill }, batches] = await Promise.all([plan, runCreditCases(creditLanes, plan, 50_000, 'scale-out')]);
    const { checked, differences } = await checkInvariants(stack, temporal, planId, expected);
    const creditChecked = await eventually(() => checkCreditCases(stack.db.prisma, temporal, stack.db.dataDir, batches), 120_000);
    expect(batches.length).toBeGreaterThan(1);
    expect(injected).toBe(1);
    for (const n of callsPerApi) expect(n).toBeGreaterThan(0);
    console.log(
      `scale-out | PostgreSQL, 2 replicas | 1 plan (35 tasks), ${expected.length} assignments closed out in ${calls} calls (${callsPerApi.join(' + ')} by API) with ${retries} retries, replica 1's worker killed after ${doneAtKill}; ${batches.length * 2} objections and ${batches.length} repairs in ${creditLanes.map((w) => w.calls).join(' + ')} calls | ${checked} tasks + ${creditChecked} credit cases checked | ${differences.length} differences`,
    );
  }, 600_000);
});
