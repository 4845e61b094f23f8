import { createHash } from 'node:crypto';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { BodyRegistry } from '../../domain/bodies/registry.ts';
import type { PlanWarning } from '../../domain/plan/types.ts';
import { layOutPlan, type NoticePlan, type PlanLayout, type Timeline } from '../../domain/supervision/plan.ts';
import { defaultPaceMarginPoints } from '../../domain/supervision/pace.ts';
import { defaultReminderDays } from '../../domain/supervision/reminders.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { importWorkflow, importWorkflowId } from '../../workflows/import.ts';
import { taskWorkflowId } from '../../workflows/task.ts';
import { archivePlan, type PlanRows } from '../../readmodel/plan-archive.ts';
import { defaultRegistryId } from './registry.ts';
import { resolveDraftBodies, type DraftBodyResolution } from './resolve-bodies.ts';
import { acknowledgeBy } from '../receipt.ts';

/** A parsed (and possibly corrected) notice, ready to become tracked work. */
export interface PlanDraft extends NoticePlan {
  title: string;
  issuer: string | null;
  basis: string | null;
  warnings: PlanWarning[];
  sourceText: string;
  timeline: Timeline;
  reminderDays?: number[];
  /** 序时进度: points an assignment may fall behind the elapsed share of its time before it turns yellow (default 20). */
  paceMarginPoints?: number;
  /** Recurring reports (定期报告) are owed for periods due after this instant (default: the import). */
  reportsFrom?: string | null;
  /** The registry of the issuing government the notice's names are matched in (default: Tianjin). */
  registryId?: string;
  /** How the office settled the names the registry does not know. */
  resolutions?: DraftBodyResolution[];
}

export interface CommitDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Where the plan's rows are archived (see archive.ts). */
  dataDir: string;
}

export interface CommitResult {
  planId: string;
  created: boolean;
  tasks: number;
  /** Bodies registered by the draft's resolutions. */
  registered: Array<{ name: string; bodyId: string }>;
}

/** The same notice on the same timeline is the same plan, however often it is imported. */
export function planId(draft: Pick<PlanDraft, 'title' | 'issuedOn' | 'timeline'>): string {
  const digest = createHash('sha256').update(`${draft.title}\n${draft.issuedOn ?? ''}\n${draft.timeline}`).digest('hex');
  return `plan-${digest.slice(0, 12)}`;
}

export { importWorkflowId };

/**
 * Settles the draft's names in the registry (refusing a draft naming bodies
 * the registry does not know unless each is resolved: UnresolvedBodiesError),
 * archives the plan (document, sections, tasks, requirements and each task's
 * first state) in the data directory, then runs its import workflow, which
 * stores the rows and starts one workflow per task. Once the workflow has
 * started, a crash of the API at any instant is finished by the worker; before
 * that, nothing is visible. Idempotent: importing again runs the import again,
 * which keeps what exists and starts what is missing.
 */
export async function commitPlan(deps: CommitDeps, draft: PlanDraft, now = new Date()): Promise<CommitResult> {
  const id = planId(draft);
  const { registry, registered } = await resolveDraftBodies(deps.prisma, draft.registryId ?? defaultRegistryId, draft.tasks, draft.resolutions ?? []);
  const layout = layOutPlan(draft, {
    planId: id,
    timeline: draft.timeline,
    importedOn: shanghaiDate(now),
    reminderDays: draft.reminderDays,
    acknowledgeBy: await acknowledgeBy(deps.prisma, now.getTime()),
    pace: { from: now.toISOString(), marginPoints: draft.paceMarginPoints ?? defaultPaceMarginPoints },
    reportsFrom: draft.reportsFrom ?? null,
    registry,
    taskId: (ref) => taskWorkflowId(id, ref),
  });
  // The plan keeps the final draft: warnings about bodies now registered are settled.
  const warnings = draft.warnings.filter((w) => !settled(w, registry));
  const { temporal, taskQueue, dataDir } = deps;
  archivePlan(dataDir, { ...planRows(id, { ...draft, warnings }, layout), taskStates: layout.tasks.map((task) => task.state) });
  const result = await resumeImport(temporal, taskQueue, id);
  return { planId: id, ...result, registered };
}

/** Runs (or joins) a plan's import workflow and waits for it: what commit does, and what reconcile --repair does for a plan with missing tasks. */
export async function resumeImport(temporal: Client, taskQueue: string, id: string) {
  return temporal.workflow.execute(importWorkflow, {
    taskQueue,
    workflowId: importWorkflowId(id),
    args: [id],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
  });
}

/** A warning about a body the registry now knows (an unknown name), or knows as concrete bodies (a placeholder). */
function settled(warning: PlanWarning, registry: BodyRegistry): boolean {
  const entry = warning.body ? registry.find(warning.body) : undefined;
  if (!entry) return false;
  return warning.code === 'unknownBody' || (warning.code === 'placeholderBody' && entry.kind !== 'placeholder');
}

/** The rows a plan is stored as: the document, its sections, tasks and requirements. */
function planRows(id: string, draft: PlanDraft, layout: PlanLayout): PlanRows {
  return {
    plan: {
      id,
      title: draft.title,
      issuer: draft.issuer,
      issuedOn: draft.issuedOn,
      basis: draft.basis,
      sourceText: draft.sourceText,
      timeline: draft.timeline,
      shiftDays: layout.shiftDays,
      reminderDays: JSON.stringify(draft.reminderDays ?? defaultReminderDays),
      warnings: JSON.stringify(draft.warnings),
      registryId: draft.registryId ?? defaultRegistryId,
      paceMarginPoints: draft.paceMarginPoints ?? defaultPaceMarginPoints,
    },
    sections: layout.sections.map((section) => ({ id: `${id}/${section.ordinal}`, planId: id, ...section })),
    tasks: layout.tasks.map((task) => ({ id: task.state.taskId, planId: id, sectionId: `${id}/${task.sectionOrdinal}`, ref: task.ref, text: task.text })),
    requirements: draft.requirements.map((r, i) => ({
      id: `${id}/r${i + 1}`,
      planId: id,
      ordinal: i + 1,
      text: r.text,
      due: r.due ? new Date(Date.parse(r.due) + layout.shiftDays * 86_400_000) : null,
      recurrence: r.recurrence,
      appliesTo: JSON.stringify(r.appliesTo),
    })),
  };
}
