// The scripted workload and the invariants checked after it, shared by the
// fault tests and the scale-out test: a plan imported, every department lead
// assignment closed out through the replicas' APIs while a fault may strike,
// then the workflows, the read model, the audit log and the files compared.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { expect } from 'vitest';
import { attachmentFile } from '../../services/attachments.ts';
import { reconcile } from '../../services/reconcile.ts';
import { taskQuery } from '../../workflows/task.ts';
import { eventually } from '../helpers/eventually.ts';
import type { Part, ProcessStack } from './stack.ts';
import { departments, Workload, type Expected } from './workload.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Fault {
  part: Part;
  replica?: number;
}

/** Imports a plan and closes out every department lead assignment, lanes spread over the replicas, while `fault` kills and restarts a part. */
export async function closeOutPlan(stack: ProcessStack, title: string, fault: Fault | null) {
  const workloads = stack.bases.map((base) => new Workload(base));
  const planId = await workloads[0]!.importSeed(title);
  const { prisma } = stack.db;
  await eventually(async () => expect(await prisma.task.count({ where: { planId, projectedAt: { not: null } } })).toBe(35), 120_000);
  const assignments = await prisma.assignment.findMany({
    where: { task: { planId }, role: 'lead', bodyId: { in: Object.keys(departments) } },
    orderBy: { id: 'asc' },
  });
  let injected = 0;
  let doneAtKill = 0;
  const expected: Expected[] = [];
  const faulting = (async () => {
    if (!fault) return;
    // Strike once a few assignments are through, so that work is both done and in flight.
    while (expected.length < 2) await sleep(100);
    await stack.kill(fault.part, fault.replica);
    injected++;
    doneAtKill = expected.length;
    await sleep(2000);
    await stack.start(fault.part, fault.replica);
  })();
  // Four lanes: enough concurrent calls that the kill lands in the middle of several.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, lane) => {
      const workload = workloads[lane % workloads.length]!;
      while (next < assignments.length) {
        const i = next++;
        const a = assignments[i]!;
        expected.push(await workload.closeOut(a.taskId, a.bodyName, a.bodyId!, a.due, i));
      }
    }),
  );
  await faulting;
  // The kill must land in the middle of the workload, not after it.
  if (fault) expect(doneAtKill).toBeLessThan(assignments.length);
  const callsPerApi = workloads.map((w) => w.calls);
  const calls = callsPerApi.reduce((sum, n) => sum + n, 0);
  const retries = workloads.reduce((sum, w) => sum + w.retries, 0);
  return { planId, expected, injected, calls, callsPerApi, retries, doneAtKill };
}

/** Every workflow in the state the workload asked for, the read model equal to them, nothing twice, no file lost. */
export async function checkInvariants(stack: ProcessStack, temporal: Client, planId: string, expected: Expected[]) {
  const { prisma } = stack.db;
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
      expect(fs.existsSync(attachmentFile(stack.db.dataDir, attachment)), `${id}: file ${attachment}`).toBe(true);
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
