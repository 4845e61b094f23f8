import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { layOutPlan, type NoticePlan, type Timeline } from '../../domain/supervision/plan.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { taskWorkflow, taskWorkflowId } from '../../workflows/task.ts';
import { loadRegistry } from './registry.ts';

/** A parsed (and possibly corrected) notice, ready to become tracked work. */
export interface PlanDraft extends NoticePlan {
  title: string;
  issuer: string | null;
  basis: string | null;
  warnings: string[];
  sourceText: string;
  timeline: Timeline;
  reminderDays?: number[];
}

export interface CommitDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
}

export interface CommitResult {
  planId: string;
  created: boolean;
  tasks: number;
}

/** The same notice on the same timeline is the same plan, however often it is imported. */
export function planId(draft: Pick<PlanDraft, 'title' | 'issuedOn' | 'timeline'>): string {
  const digest = createHash('sha256').update(`${draft.title}\n${draft.issuedOn ?? ''}\n${draft.timeline}`).digest('hex');
  return `plan-${digest.slice(0, 12)}`;
}

/**
 * Stores the plan (document, sections, tasks, requirements) and starts one
 * workflow per task. Idempotent: an existing plan is left as it is, and a
 * workflow already running under a task's id is kept, so a crash halfway
 * through is mended by importing again.
 */
export async function commitPlan({ prisma, temporal, taskQueue }: CommitDeps, draft: PlanDraft, now = new Date()): Promise<CommitResult> {
  const id = planId(draft);
  const layout = layOutPlan(draft, {
    planId: id,
    timeline: draft.timeline,
    importedOn: shanghaiDate(now),
    reminderDays: draft.reminderDays,
    registry: await loadRegistry(prisma),
    taskId: (ref) => taskWorkflowId(id, ref),
  });
  const created = await prisma.$transaction(async (tx) => {
    if (await tx.plan.findUnique({ where: { id }, select: { id: true } })) return false;
    await tx.plan.create({
      data: {
        id,
        title: draft.title,
        issuer: draft.issuer,
        issuedOn: draft.issuedOn,
        basis: draft.basis,
        sourceText: draft.sourceText,
        timeline: draft.timeline,
        shiftDays: layout.shiftDays,
        reminderDays: JSON.stringify(draft.reminderDays ?? [7, 1]),
        warnings: JSON.stringify(draft.warnings),
      },
    });
    for (const section of layout.sections) {
      await tx.section.create({ data: { id: `${id}/${section.ordinal}`, planId: id, ...section } });
    }
    for (const task of layout.tasks) {
      await tx.task.create({
        data: { id: task.state.taskId, planId: id, sectionId: `${id}/${task.sectionOrdinal}`, ref: task.ref, text: task.text },
      });
    }
    for (const [ordinal, r] of draft.requirements.entries()) {
      await tx.requirement.create({
        data: {
          id: `${id}/r${ordinal + 1}`,
          planId: id,
          ordinal: ordinal + 1,
          text: r.text,
          due: r.due ? new Date(Date.parse(r.due) + layout.shiftDays * 86_400_000) : null,
          recurrence: r.recurrence,
          appliesTo: JSON.stringify(r.appliesTo),
        },
      });
    }
    return true;
  });
  for (const task of layout.tasks) {
    await temporal.workflow
      .start(taskWorkflow, {
        taskQueue,
        workflowId: task.state.taskId,
        args: [task.state],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      })
      .catch((error: unknown) => {
        // A task closed long ago keeps its id: it is done, not to be started again.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      });
  }
  return { planId: id, created, tasks: layout.tasks.length };
}
