// Faults under a workload (`npm run test:faults`): each part of the stack is
// killed with SIGKILL in the middle of a scripted workload and started again
// on the same data. Afterwards every workflow must have reached the state the
// workload asked for, the read model must equal the workflows (reconciliation
// finds no difference), no action may have taken effect twice, and no
// attachment may be missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../runtime/db.ts';
import { migrateReadModel } from '../../runtime/migrate.ts';
import { loadReferenceData } from '../../runtime/reference-data.ts';
import { checkInvariants, closeOutPlan } from './scenario.ts';
import { startProcessStack, type ProcessStack } from './stack.ts';
import { checkCreditCases, runCreditCases } from './credit-workload.ts';
import { Workload, type Expected } from './workload.ts';
import { eventually } from '../helpers/eventually.ts';
import { reconcileAll, reconcileLines } from '../../services/reconcile-all.ts';

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

  async function check(planId: string, expected: Expected[]) {
    temporal ??= new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    return checkInvariants(stack, temporal, planId, expected);
  }

  /**
   * What must survive of a plan: every row its task workflows, the plan archive and the files give
   * back. The plans other fault tests ran under their faults are theirs to check.
   */
  async function readModel(planId: string) {
    const { prisma } = stack.db;
    const task = { startsWith: `task:${planId}:` };
    const events = await prisma.taskEvent.findMany({ where: { taskId: task }, orderBy: { id: 'asc' } });
    const named = [...new Set(events.flatMap((e) => (JSON.parse(e.attachments) as Array<{ id: string }>).map((a) => a.id)))];
    return {
      plans: await prisma.plan.findMany({ where: { id: planId }, omit: { createdAt: true } }),
      tasks: await prisma.task.findMany({ where: { planId }, orderBy: { id: 'asc' }, omit: { updatedAt: true, projectedAt: true } }),
      assignments: await prisma.assignment.findMany({ where: { taskId: task }, orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
      events,
      audit: await prisma.auditEntry.findMany({ where: { target: task }, orderBy: { key: 'asc' }, omit: { id: true } }),
      inbox: await prisma.notification.findMany({ where: { taskId: task }, orderBy: { id: 'asc' }, omit: { createdAt: true, emailedAt: true } }),
      attachments: await prisma.attachment.findMany({ where: { id: { in: named } }, orderBy: { id: 'asc' }, select: { id: true, size: true, type: true } }),
    };
  }

  it('rebuilds a deleted read model from the workflows with the reconciliation command', async () => {
    const { planId, expected } = await closeOutPlan(stack, '故障测试：读模型被删', null);
    await check(planId, expected);
    const before = await readModel(planId);
    await stack.kill('api');
    await stack.kill('worker');
    await stack.db.prisma.$disconnect();
    const file = stack.db.url.replace(/^file:/, '');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    await migrateReadModel(stack.env);
    stack.db.prisma = await createPrisma(stack.db.url);
    await loadReferenceData(stack.db.prisma, 'test-password');
    expect(await stack.db.prisma.task.count()).toBe(0);
    await stack.start('worker');
    const rebuilt = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', '--rebuild'], { env: stack.env, encoding: 'utf8' });
    expect(rebuilt).toMatch(/rebuilt: \d+ plans, \d+ tasks/);
    await stack.start('api');
    const after = await readModel(planId);
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
    const plan = closeOutPlan(stack, title, { part });
    const [{ planId, expected, injected, calls, retries, doneAtKill }, batches] = await Promise.all([plan, runCreditCases(creditLane, plan, firstEntity, `kill-${part}`)]);
    const { checked, differences } = await check(planId, expected);
    const creditChecked = await eventually(() => checkCreditCases(stack.db.prisma, temporal, stack.db.dataDir, batches), 120_000);
    expect(injected).toBe(1);
    // Every kind of process against its rows: no case row without its workflow, no workflow without its row.
    const all = await eventually(async () => {
      const reports = await reconcileAll({ prisma: stack.db.prisma, client: temporal, taskQueue: 'duban' });
      expect(reports.flatMap((r) => r.differences)).toEqual([]);
      return reconcileLines(reports).at(-1);
    }, 120_000);
    report.push(`reconcile after kill -9 ${part} | every kind of process | 0 | ${all} | 0`);
    report.push(
      `kill -9 ${part} | 1 plan (35 tasks), ${expected.length} assignments closed out in ${calls} calls (${retries} retries), killed after ${doneAtKill}; ` +
        `${batches.length * 3} credit entities, ${batches.length * 2} objections and ${batches.length} repairs in ${creditLane.calls} calls (${creditLane.retries} retries) | ${injected} | ${checked} tasks + ${creditChecked} credit cases | ${differences.length}`,
    );
  }, 600_000);
});
