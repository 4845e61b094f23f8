// Faults under a workload (`npm run test:faults`): each part of the stack is
// killed with SIGKILL in the middle of a scripted workload and started again
// on the same data. Afterwards every workflow must have reached the state the
// workload asked for, the read model must equal the workflows (reconciliation
// finds no difference), no action may have taken effect twice, and no
// attachment may be missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDir } from '../../api/files/attachments.ts';
import { createPrisma } from '../../runtime/db.ts';
import { runPrismaCli } from '../../runtime/prisma-cli.ts';
import { reconcile } from '../../runtime/reconcile.ts';
import { loadReferenceData } from '../../runtime/reference-data.ts';
import { taskQuery } from '../../workflows/task.ts';
import { eventually } from '../helpers/eventually.ts';
import { startProcessStack, type Part, type ProcessStack } from './stack.ts';
import { checkCreditCases, runCreditCases } from './credit-workload.ts';
import { departments, Workload, type Expected } from './workload.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const report: string[] = [];

describe('faults under a workload', () => {
  let stack: ProcessStack;
  let temporal: Client;

  beforeAll(async () => {
    stack = await startProcessStack();
  }, 180_000);

  afterAll(async () => {
    await temporal?.connection.close();
    await stack?.stop();
    console.log(['fault | workload | faults injected | workflows checked | differences', ...report].join('\n'));
  });

  /** Imports a plan and closes out every department lead assignment, while `fault` runs beside it. */
  async function run(part: Part | null, title: string) {
    const workload = new Workload(stack.base);
    const planId = await workload.importSeed(title);
    const { prisma } = stack.db;
    await eventually(async () => expect(await prisma.task.count({ where: { planId, projectedAt: { not: null } } })).toBe(35), 120_000);
    const assignments = await prisma.assignment.findMany({
      where: { task: { planId }, role: 'lead', bodyId: { in: Object.keys(departments) } },
      orderBy: { id: 'asc' },
    });
    let injected = 0;
    let doneAtKill = 0;
    const expected: Expected[] = [];
    const fault = (async () => {
      if (!part) return;
      await sleep(1500);
      await stack.kill(part);
      injected++;
      doneAtKill = expected.length;
      await sleep(2000);
      await stack.start(part);
    })();
    // Four lanes: enough concurrent calls that the kill lands in the middle of several.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < assignments.length) {
          const i = next++;
          const a = assignments[i]!;
          expected.push(await workload.closeOut(a.taskId, a.bodyName, a.bodyId!, a.due, i));
        }
      }),
    );
    await fault;
    // The kill must land in the middle of the workload, not after it.
    if (part) expect(doneAtKill).toBeLessThan(assignments.length);
    return { planId, expected, injected, workload, doneAtKill };
  }

  async function check(planId: string, expected: Expected[]) {
    const { prisma } = stack.db;
    temporal ??= new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    const result = await eventually(async () => {
      const found = await reconcile(prisma, temporal);
      expect(found.differences).toEqual([]);
      return found;
    }, 120_000);
    for (const e of expected) {
      const id = `${e.taskId}/${e.bodyName}`;
      const row = await prisma.assignment.findUniqueOrThrow({ where: { id } });
      expect(row.status, id).toBe('accepted');
      const state = await temporal.workflow.getHandle(e.taskId).query(taskQuery);
      expect(state.assignments.find((a) => a.bodyName === e.bodyName)?.status, id).toBe('accepted');
      const events = await prisma.taskEvent.findMany({ where: { taskId: e.taskId, bodyName: e.bodyName } });
      expect(events.filter((ev) => ev.type === 'submit'), `${id}: submissions`).toHaveLength(e.submits);
      expect(events.filter((ev) => ev.type === 'return'), `${id}: returns`).toHaveLength(e.returns);
      expect(events.filter((ev) => ev.type === 'accept'), `${id}: acceptances`).toHaveLength(1);
      expect(events.filter((ev) => ev.type === 'decideExtension'), `${id}: extension decisions`).toHaveLength(e.extended ? 1 : 0);
      for (const attachment of e.attachments) {
        expect(fs.existsSync(path.join(attachmentDir(stack.db.dataDir), attachment)), `${id}: file ${attachment}`).toBe(true);
        expect(await prisma.attachment.findUnique({ where: { id: attachment } }), `${id}: attachment row`).not.toBeNull();
        expect(events.some((ev) => ev.attachments.includes(attachment)), `${id}: attachment referenced`).toBe(true);
      }
    }
    const tasks = await prisma.task.findMany({ where: { planId }, include: { events: { select: { seq: true } } } });
    for (const task of tasks) {
      const seqs = task.events.map((e) => e.seq).sort((a, b) => a - b);
      expect(seqs, `${task.id}: events 1…n, none twice`).toEqual(seqs.map((_, i) => i + 1));
      expect(await prisma.auditEntry.count({ where: { key: { startsWith: `${task.id}#` } } }), `${task.id}: audit`).toBe(seqs.length);
    }
    return result;
  }

  /** What must survive: every projected row that the workflows, the archive and the files can give back. */
  async function readModel() {
    const { prisma } = stack.db;
    return {
      plans: await prisma.plan.findMany({ orderBy: { id: 'asc' }, omit: { createdAt: true } }),
      tasks: await prisma.task.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true, projectedAt: true } }),
      assignments: await prisma.assignment.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
      events: await prisma.taskEvent.findMany({ orderBy: { id: 'asc' } }),
      audit: await prisma.auditEntry.findMany({ orderBy: { key: 'asc' }, omit: { id: true } }),
      inbox: await prisma.notification.findMany({ orderBy: { id: 'asc' }, omit: { createdAt: true, emailedAt: true } }),
      attachments: await prisma.attachment.findMany({ orderBy: { id: 'asc' }, select: { id: true, size: true, type: true } }),
    };
  }

  it('rebuilds a deleted read model from the workflows with the reconciliation command', async () => {
    const { planId, expected } = await run(null, '故障测试：读模型被删');
    await check(planId, expected);
    const before = await readModel();
    await stack.kill('api');
    await stack.kill('worker');
    await stack.db.prisma.$disconnect();
    const file = stack.db.url.replace(/^file:/, '');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    runPrismaCli(['migrate', 'deploy'], stack.env);
    stack.db.prisma = await createPrisma(stack.db.url);
    await loadReferenceData(stack.db.prisma, 'test-password');
    expect(await stack.db.prisma.task.count()).toBe(0);
    await stack.start('worker');
    const rebuilt = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', '--rebuild'], { env: stack.env, encoding: 'utf8' });
    expect(rebuilt).toMatch(/rebuilt: \d+ plans, \d+ tasks/);
    await stack.start('api');
    const after = await readModel();
    for (const key of Object.keys(before) as Array<keyof typeof before>) expect(after[key], key).toEqual(before[key]);
    const { checked, differences } = await check(planId, expected);
    report.push(`read model deleted | ${before.plans.length} plans, ${before.events.length} events, ${before.inbox.length} notifications, ${before.attachments.length} attachments | 1 | ${checked} | ${differences.length}`);
  }, 600_000);

  it.each([
    ['worker', '故障测试：工作进程被杀', 10_000],
    ['api', '故障测试：接口进程被杀', 20_000],
    ['temporal', '故障测试：Temporal 服务被杀', 30_000],
  ] as const)('kill -9 the %s in the middle, restart it: nothing lost, nothing twice', async (part, title, firstEntity) => {
    // Credit cases in a lane of their own, batch after batch while the plan is closed out and the fault strikes.
    const creditLane = new Workload(stack.base);
    const plan = run(part, title);
    const [{ planId, expected, injected, workload, doneAtKill }, batches] = await Promise.all([plan, runCreditCases(creditLane, plan, firstEntity, `kill-${part}`)]);
    const { checked, differences } = await check(planId, expected);
    const creditChecked = await eventually(() => checkCreditCases(stack.db.prisma, temporal, stack.db.dataDir, batches), 120_000);
    expect(injected).toBe(1);
    report.push(
      `kill -9 ${part} | 1 plan (35 tasks), ${expected.length} assignments closed out in ${workload.calls} calls (${workload.retries} retries), killed after ${doneAtKill}; ` +
        `${batches.length * 3} credit entities, ${batches.length * 2} objections and ${batches.length} repairs in ${creditLane.calls} calls (${creditLane.retries} retries) | ${injected} | ${checked} tasks + ${creditChecked} credit cases | ${differences.length}`,
    );
  }, 600_000);
});
