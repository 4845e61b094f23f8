// Item 10 of the security issue (forged updates): the workflows trust the actor an
// update carries, so an update must come from Duban. Client and worker sign every
// payload with a key derived from the installation's secret (the signature, never
// the key, travels in the payload); the worker marks what it cannot verify and
// every update validator refuses it. A forged update — by the Temporal CLI, by a
// client without the key, or a signed one moved to another workflow — is refused
// before it is recorded, and the workflow goes on taking Duban's own updates.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { register } from 'tsx/cjs/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../../services/plans/commit.ts';
import type { ActionRequest } from '../../domain/supervision/actions.ts';
import { payloadConverterPath, SigningCodec } from '../../runtime/payload-signing.ts';
import { derivedKey } from '../../runtime/secret.ts';
import { temporalTools } from '../../runtime/tools.ts';
import { createWorker, workflowsPath } from '../../worker/create.ts';
import { actUpdate, taskEventsQuery, taskWorkflowId } from '../../workflows/task.ts';
import { actors } from '../helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { devServerEnvironment } from '../helpers/temporal.ts';

const key = derivedKey(new TextEncoder().encode('installation secret of this test'), 'temporal-payloads');
const urge = (comment: string): ActionRequest => ({ actor: actors.supervisor, action: { type: 'urge', bodyName: '市市场监管委', comment } });
const histories = fileURLToPath(new URL('../../workflows/histories/', import.meta.url));

describe('updates not signed by Duban', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: Worker;
  let running: Promise<void>;
  let duban: Client;
  let taskIds: string[];

  /** A client as the Duban API builds it, or with another codec. */
  const client = (codec?: PayloadCodec) => new Client({ connection: env.connection, dataConverter: codec ? { payloadCodecs: [codec] } : {} });
  /** Updates the workflow accepted into its history (a refused one never appears there). */
  const history = async (id: string) => ((await duban.workflow.getHandle(id).fetchHistory()).events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  const urged = async (id: string) => (await duban.workflow.getHandle(id).query(taskEventsQuery)).filter((e) => e.type === 'urge').length;

  beforeAll(async () => {
    // The worker require()s its payload converter, as the Duban processes do under `node --import tsx`.
    register();
    [env, db] = await Promise.all([devServerEnvironment(), createTestDatabase()]);
    worker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: 'duban', prisma: db.prisma, dataDir: db.dataDir, payloadKey: key });
    running = worker.run();
    duban = client(new SigningCodec(key, false));
    const { planId } = await commitPlan({ prisma: db.prisma, temporal: duban, taskQueue: 'duban', dataDir: db.dataDir }, {
      title: '签名测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: ['1.1', '1.2'].map((ref) => ({ ref, section: '一', text: '任务。', leads: ['市市场监管委'], supports: [] })),
      requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * 86_400_000).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    });
    taskIds = ['1.1', '1.2'].map((ref) => taskWorkflowId(planId, ref));
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), db?.dispose()]);
  });

  it('takes Duban\'s own signed updates', async () => {
    const before = await urged(taskIds[0]!);
    await duban.workflow.getHandle(taskIds[0]!).executeUpdate(actUpdate, { args: [urge('请报送进展。')] });
    expect(await urged(taskIds[0]!)).toBe(before + 1);
  });

  it('refuses an update from a client without the key, records nothing, and keeps working', async () => {
    const [before, urgedBefore] = [await history(taskIds[0]!), await urged(taskIds[0]!)];
    const forged = client().workflow.getHandle(taskIds[0]!).executeUpdate(actUpdate, { args: [urge('冒充督办部门。')] });
    await expect(forged).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(forged).rejects.toMatchObject({ cause: { message: expect.stringMatching(/未经督办系统签名|not signed by Duban/) } });
    expect(await history(taskIds[0]!)).toBe(before);
    expect(await urged(taskIds[0]!)).toBe(urgedBefore);
    await duban.workflow.getHandle(taskIds[0]!).executeUpdate(actUpdate, { args: [urge('再次催办。')] });
    expect(await urged(taskIds[0]!)).toBe(urgedBefore + 1);
  });

  it('refuses an update signed with another key, or signed for another workflow', async () => {
    const otherKey = client(new SigningCodec(derivedKey(new TextEncoder().encode('guessed'), 'temporal-payloads'), false));
    await expect(otherKey.workflow.getHandle(taskIds[1]!).executeUpdate(actUpdate, { args: [urge('伪造签名。')] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    const real = new SigningCodec(key, false);
    const elsewhere: PayloadCodec = {
      encode: (payloads, context) => real.encode(payloads, context?.type === 'workflow' ? { ...context, workflowId: taskIds[0]! } : context),
      decode: (payloads, context) => real.decode(payloads, context),
    };
    await expect(client(elsewhere).workflow.getHandle(taskIds[1]!).executeUpdate(actUpdate, { args: [urge('挪用签名。')] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    expect(await urged(taskIds[1]!)).toBe(0);
  });

  it('refuses an update sent with the Temporal CLI', async () => {
    const { cli } = temporalTools();
    const before = await history(taskIds[1]!);
    const sent = promisify(execFile)(cli, [
      'workflow', 'update', 'execute', '--address', env.address, '--namespace', 'default', '--workflow-id', taskIds[1]!, '--name', 'act',
      '--input', JSON.stringify(urge('命令行冒充。')),
    ]);
    await expect(sent).rejects.toMatchObject({ stderr: expect.stringMatching(/not signed by Duban/) });
    expect(await history(taskIds[1]!)).toBe(before);
    expect(await urged(taskIds[1]!)).toBe(0);
  });

  it('replays the recorded histories (unsigned, from before signing) under the signing worker unchanged', async () => {
    const files = fs.readdirSync(histories).filter((f) => f.endsWith('.json'));
    const recorded = files.map((file) => ({ workflowId: file, history: historyFromJSON(JSON.parse(fs.readFileSync(`${histories}${file}`, 'utf8'))) }));
    // One worker and one bundle for every history (a bundle per history outgrew the test's time on a loaded machine).
    const results = Worker.runReplayHistories(
      { workflowsPath, dataConverter: { payloadConverterPath, payloadCodecs: [new SigningCodec(key, true)] }, interceptors: { workflowModules: [payloadConverterPath] } },
      recorded,
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
