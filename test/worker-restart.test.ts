import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { commitPlan } from '../services/plans/commit.ts';
import type { TaskAction } from '../domain/supervision/actions.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { payloadKey, SigningCodec } from '../runtime/payload-signing.ts';
import { waitFor } from '../runtime/processes.ts';
import { reconcile } from '../services/reconcile.ts';
import { actUpdate, taskWorkflowId } from '../workflows/task.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { eventually } from './helpers/eventually.ts';
import { devServerEnvironment } from './helpers/temporal.ts';

const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };

describe('a worker killed in the middle of a lifecycle', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let worker: ChildProcess | undefined;

  /** The production worker entry point, as its own process, so it can really be killed. */
  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
      env: { ...process.env, TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, DUBAN_DATA_DIR: db.dataDir, DUBAN_TASK_QUEUE: 'restart' },
      stdio: 'ignore',
    });
    return child;
  }

  beforeAll(async () => {
    [env, db] = await Promise.all([devServerEnvironment(), createTestDatabase()]);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await Promise.all([env?.teardown(), db?.dispose()]);
  });

  it('resumes on restart with every submission, decision and deadline intact', async () => {
    worker = startWorker();
    // The production worker takes only updates signed with the installation's key, as the API signs them.
    const signed = new Client({ connection: env.connection, dataConverter: { payloadCodecs: [new SigningCodec(payloadKey(db.dataDir), false)] } });
    const act = (taskId: string, actor: Actor, action: TaskAction) => signed.workflow.getHandle(taskId).executeUpdate(actUpdate, { args: [{ actor, action }] });
    const stopWorker = async () => {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker!.kill('SIGKILL');
      await exited;
    };
    // The deadline must pass while no worker runs, after the submission and the return were recorded.
    // The window starts at 15 s and doubles whenever the machine took longer than that to get there.
    let run: { taskId: string; due: number } | undefined;
    for (let window = 15_000; !run; window *= 2) {
      const due = Date.now() + window;
      const { planId } = await commitPlan(
        { prisma: db.prisma, temporal: env.client, taskQueue: 'restart', dataDir: db.dataDir },
        {
          title: `重启测试 ${window}`, issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic', reminderDays: [],
          tasks: [{ ref: '1', section: '任务', text: '制定实施细则。', leads: ['市法制办'], supports: [] }],
          requirements: [{ text: '制定实施细则', due: new Date(due).toISOString(), recurrence: null, appliesTo: ['市法制办'] }],
        },
      );
      const taskId = taskWorkflowId(planId, '1');
      await act(taskId, legal, { type: 'submit', bodyName: '市法制办', comment: '第一稿' });
      await act(taskId, supervisor, { type: 'return', bodyName: '市法制办', comment: '请补充监管目录' });
      await stopWorker();
      if (Date.now() < due) run = { taskId, due };
      else worker = startWorker();
    }
    const { taskId, due } = run;
    // The deadline passes while no worker runs: its timer must still fire.
    await waitFor('the deadline to pass', async () => Date.now() > due + 500, due - Date.now() + 5_000);
    const resubmitted = act(taskId, legal, { type: 'submit', bodyName: '市法制办', comment: '第二稿' });

    worker = startWorker();
    await resubmitted;
    await eventually(async () => {
      const events = await db.prisma.taskEvent.findMany({ where: { taskId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => [e.seq, e.type, e.comment])).toEqual([
        [1, 'submit', '第一稿'],
        [2, 'return', '请补充监管目录'],
        [3, 'overdue', null],
        [4, 'submit', '第二稿'],
      ]);
    }, 30_000);
    const assignment = await db.prisma.assignment.findUniqueOrThrow({ where: { id: `${taskId}/市法制办` } });
    expect(assignment).toMatchObject({ status: 'submitted', returnCount: 1, due: new Date(due) });
    const { differences } = await reconcile(db.prisma, env.client);
    expect(differences.filter((d) => d.taskId === taskId)).toEqual([]);
  }, 300_000);
});
