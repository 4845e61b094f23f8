import { defaultRegistryId } from '../domain/bodies/registry.ts';
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { ActionRefused, ValidationError } from '../domain/errors.ts';
import { reportDeadline, yearProblems } from '../domain/evaluation/round.ts';
import { approvalBodies } from '../domain/filing/bodies.ts';
import { defaultReminderDays } from '../domain/supervision/reminders.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { evaluationRoundId, evaluationRoundWorkflow } from '../workflows/evaluation.ts';
import { filingRoundId, filingRoundWorkflow } from '../workflows/filing.ts';

export interface RoundDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
}

const opener = (actor: Actor) => ({ accountId: actor.accountId, name: actor.name });

/**
 * Opens a catalogue filing round: one unit workflow per body (by default every
 * municipal department with approval functions), reminders and overdue notices
 * as for assignments. Answers the round's id; its workflow projects it.
 */
export async function openFilingRound(
  { prisma, temporal, taskQueue }: RoundDeps, actor: Actor, input: { title: string; deadline: Date; bodyIds?: string[] | null },
): Promise<string> {
  const title = input.title.trim();
  if (!title || title.length > 200) throw new ValidationError('请填写标题（200字以内）。 Give a title of at most 200 characters.');
  const deadline = input.deadline.getTime();
  if (deadline < Date.parse('2000-01-01T00:00:00+08:00') || deadline > Date.parse('2100-01-01T00:00:00+08:00')) {
    throw new ValidationError('截止时间应在 2000 年至 2100 年之间。 The deadline must fall between 2000 and 2100.');
  }
  const candidates = await prisma.body.findMany({ where: { kind: { in: ['department', 'district', 'regulator'] }, mergedIntoId: null, registryId: defaultRegistryId }, orderBy: { id: 'asc' } });
  const ids = input.bodyIds;
  const bodies = ids ? candidates.filter((b) => ids.includes(b.id)) : approvalBodies(candidates);
  if (ids && (bodies.length !== new Set(ids).size || ids.length === 0)) throw new ValidationError('请选择已登记的具体单位。 Choose registered, concrete bodies.');
  const roundId = filingRoundId(randomUUID().slice(0, 8), Date.now());
  await temporal.workflow.start(filingRoundWorkflow, {
    workflowId: roundId,
    taskQueue,
    args: [{
      roundId, title, deadline: input.deadline.toISOString(), bodies: bodies.map((b) => ({ id: b.id, name: b.shortName })),
      reminderDays: defaultReminderDays, openedBy: opener(actor),
    }],
  });
  return roundId;
}

/** Opens a year's evaluation round by hand (the yearly schedule opens it too); one round per year. */
export async function openEvaluationRound({ temporal, taskQueue }: RoundDeps, actor: Actor, year: number): Promise<string> {
  const problems = yearProblems(year, Date.now());
  if (problems.length) throw new ValidationError(problems.join(' '));
  try {
    await temporal.workflow.start(evaluationRoundWorkflow, {
      workflowId: evaluationRoundId(year),
      taskQueue,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ year, deadline: reportDeadline(year, config().evaluation.due), reminderDays: defaultReminderDays, openedBy: opener(actor) }],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw new ActionRefused(`${year} 年度的评估已开启。 The ${year} round is already open.`);
    throw error;
  }
  return evaluationRoundId(year);
}
