import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { roundCaseId } from '../domain/inspection/notices.ts';
import { taskWorkflowTypes, workflowTypeIn } from '../domain/supervision/task-workflow-type.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { scoreAppealsWorkflowId } from '../workflows/score-appeals.ts';
import { importWorkflowId, resumeImport } from './plans/commit.ts';
import { compareTask, repairTask } from './reconcile.ts';

/** A read-model row that claims a process: the workflow that owns it, and whether the row says it is still under way. */
interface Claim {
  id: string;
  workflowId: string;
  open: boolean;
  /** The plan a task or import belongs to (its import restarts what is missing). */
  planId?: string;
}

interface Kind {
  name: string;
  /** Every type its workflows run as (a task's first and second). */
  workflowTypes: string[];
  claims(prisma: PrismaClient): Promise<Claim[]>;
  /** Restarts (or closes) the process of a claim whose workflow is missing; false if only a backup can mend it. */
  mend?(deps: ReconcileDeps, claim: Claim): Promise<boolean>;
}

export interface ReconcileDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
}

export interface KindReport {
  kind: string;
  checked: number;
  differences: string[];
  repaired: number;
}

const claim = (workflowId: (id: string) => string, openStatuses: string[]) => (row: { id: string; status: string }): Claim => ({
  id: row.id, workflowId: workflowId(row.id), open: openStatuses.includes(row.status),
});
const same = (id: string) => id;
const unitOpen = ['pending', 'submitted', 'returned'];
const restartImport = async ({ client, taskQueue }: ReconcileDeps, c: Claim) => (await resumeImport(client, taskQueue, c.planId!), true);

/**
 * A case row whose workflow never ran (no event of it projected): the filing never happened, so the
 * row goes (the filer was told it failed, or retries with the same request id). A case that did run
 * and lost its workflow (a lost Temporal database) is left for a backup to mend.
 */
async function unstarted(prisma: PrismaClient, caseId: string): Promise<boolean> {
  return (await prisma.caseEvent.count({ where: { caseId } })) === 0;
}

/** Every kind of process and the rows that claim one (processes added later join here). */
export const kinds: Kind[] = [
  {
    name: 'task', workflowTypes: taskWorkflowTypes,
    claims: async (prisma) => (await prisma.task.findMany({ select: { id: true, status: true, planId: true }, orderBy: { id: 'asc' } }))
      .map((t) => ({ ...claim(same, ['open'])(t), planId: t.planId })),
    mend: restartImport,
  },
  {
    name: 'import', workflowTypes: ['importWorkflow'],
    claims: async (prisma) => (await prisma.plan.findMany({ select: { id: true }, orderBy: { id: 'asc' } }))
      .map((p) => ({ id: p.id, workflowId: importWorkflowId(p.id), open: false, planId: p.id })),
    mend: restartImport,
  },
  { name: 'filingRound', workflowTypes: ['filingRoundWorkflow'], claims: async (prisma) => (await prisma.filingRound.findMany({ select: { id: true, status: true } })).map(claim(same, ['open'])) },
  { name: 'filingUnit', workflowTypes: ['filingUnitWorkflow'], claims: async (prisma) => (await prisma.bodyFiling.findMany({ select: { id: true, status: true } })).map(claim(same, unitOpen)) },
  { name: 'evaluationRound', workflowTypes: ['evaluationRoundWorkflow'], claims: async (prisma) => (await prisma.evaluationRound.findMany({ select: { id: true, status: true } })).map(claim(same, ['open'])) },
  { name: 'reportUnit', workflowTypes: ['reportUnitWorkflow'], claims: async (prisma) => (await prisma.unitReport.findMany({ select: { id: true, status: true } })).map(claim(same, unitOpen)) },
  {
    name: 'objection', workflowTypes: ['objectionWorkflow'],
    claims: async (prisma) => (await prisma.objectionCase.findMany({ select: { id: true, status: true } })).map(claim(same, ['filed', 'verifying', 'awaitingProvider'])),
    mend: async ({ prisma }, c) => (await unstarted(prisma, c.id)) && (await prisma.objectionCase.deleteMany({ where: { id: c.id } })).count > 0,
  },
  {
    name: 'repair', workflowTypes: ['repairWorkflow'],
    claims: async (prisma) => (await prisma.repairApplication.findMany({ select: { id: true, status: true } })).map(claim(same, ['underReview'])),
    mend: async ({ prisma }, c) => (await unstarted(prisma, c.id)) && (await prisma.repairApplication.deleteMany({ where: { id: c.id } })).count > 0,
  },
  {
    name: 'scoreAppeals', workflowTypes: ['scoreAppealsWorkflow'],
    claims: async (prisma) => (await prisma.scoreAppealWindow.findMany({ select: { id: true, status: true } })).map(claim(scoreAppealsWorkflowId, ['open', 'closed'])),
  },
  { name: 'inspectionRound', workflowTypes: ['inspectionRoundWorkflow'], claims: async (prisma) => (await prisma.inspectionRound.findMany({ select: { id: true, status: true } })).map(claim(roundCaseId, ['announced', 'drawing', 'inspecting'])) },
];

/** The workflow's status, or null when Temporal has no such workflow. */
async function statusOf(client: Client, workflowId: string): Promise<string | null> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

const dead = ['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED'];

async function reconcileKind(deps: ReconcileDeps, kind: Kind, repair: boolean): Promise<KindReport> {
  const { prisma, client } = deps;
  const report: KindReport = { kind: kind.name, checked: 0, differences: [], repaired: 0 };
  const claims = await kind.claims(prisma);
  const claimed = new Set(claims.map((c) => c.workflowId));
  const mended = new Set<string>();
  for (const c of claims) {
    report.checked++;
    const status = await statusOf(client, c.workflowId);
    if (status === null || (c.open && dead.includes(status))) {
      report.differences.push(`${c.id}: ${status === null ? 'no workflow' : `workflow ${status.toLowerCase()}`}, the read model shows it${c.open ? ' under way' : ''}`);
      // One restart of an import mends all its plan's tasks.
      const key = c.planId ?? c.id;
      if (repair && kind.mend && status === null && (mended.has(key) || (await kind.mend(deps, c)))) {
        mended.add(key);
        report.repaired++;
      }
      continue;
    }
    if (kind.name !== 'task') continue;
    const fields = await compareTask(prisma, client, c.id);
    if (!fields.length) continue;
    report.differences.push(`${c.id}: ${fields.map((d) => `${d.field} workflow=${JSON.stringify(d.workflow)} readModel=${JSON.stringify(d.readModel)}`).join('; ')}`);
    if (repair) {
      await repairTask(prisma, client, c.id);
      report.repaired++;
    }
  }
  // The other way round: a running process whose row is missing.
  for await (const execution of client.workflow.list({ query: `${workflowTypeIn(kind.workflowTypes)} AND ExecutionStatus = 'Running'` })) {
    if (claimed.has(execution.workflowId)) continue;
    report.checked++;
    report.differences.push(`${execution.workflowId}: workflow running, no row in the read model`);
    if (repair && kind.name === 'task') {
      await repairTask(prisma, client, execution.workflowId);
      report.repaired++;
    }
  }
  return report;
}

/** Checks every kind of process against the read model; with `repair`, restarts or closes what it can. */
export async function reconcileAll(deps: ReconcileDeps, { repair = false } = {}): Promise<KindReport[]> {
  const reports: KindReport[] = [];
  for (const kind of kinds) reports.push(await reconcileKind(deps, kind, repair));
  return reports;
}

/** Exactly one line per kind, then the total. */
export function reconcileLines(reports: KindReport[]): string[] {
  const line = (name: string, r: { checked: number; differences: number; repaired: number }) => `${name}: ${r.checked} checked, ${r.differences} differences, ${r.repaired} repaired`;
  const total = reports.reduce((sum, r) => ({ checked: sum.checked + r.checked, differences: sum.differences + r.differences.length, repaired: sum.repaired + r.repaired }), { checked: 0, differences: 0, repaired: 0 });
  return [...reports.map((r) => line(r.kind, { ...r, differences: r.differences.length })), line('total', total)];
}
