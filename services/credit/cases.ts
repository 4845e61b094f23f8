import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client, type Workflow, type WorkflowStartOptions } from '@temporalio/client';
import { roundPlanProblems, type RoundPlan } from '../../domain/inspection/round.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { dayMs } from '../../domain/time/instants.ts';
import { workingDayEnds } from '../../domain/time/working-day-calendar.ts';
import { ruleRecord } from '../../readmodel/classes.ts';
import { projectObjectionCase } from '../../readmodel/objections.ts';
import { projectRepairApplication } from '../../readmodel/repairs.ts';
import { fileObjection } from '../../domain/objection/case.ts';
import { config } from '../../runtime/config.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { inspectionRoundWorkflow, inspectionWorkflowId } from '../../workflows/inspection.ts';
import { objectionWorkflow, objectionWorkflowId } from '../../workflows/objection.ts';
import { repairWorkflow, repairWorkflowId } from '../../workflows/repair.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { storedAttachments } from '../attachments.ts';
import { keyedUuid } from '../request-ids.ts';
import { findEntity } from './entities.ts';

export interface CaseDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
}

/** Working days a case's calendar covers: far beyond any time limit, overdue steps included. */
const calendarWorkingDays = 500;
/** The ends of working days from a week back (a workflow's clock may lag the caller's), far past any time limit. */
const calendarFrom = (now: number) => workingDayEnds(now - 7 * dayMs, calendarWorkingDays);
const filer = (actor: Actor) => ({ accountId: actor.accountId, name: actor.name, bodyId: actor.bodyId });

function requireActing(actor: Actor): void {
  if (actor.role !== 'supervisor' && actor.role !== 'department') {
    throw new ForbiddenError('只有督办部门和承办单位可以代市场主体提出申请。 Only the supervising office and departments file for an entity.');
  }
}

const openObjection = ['filed', 'verifying', 'awaitingProvider'];

/**
 * Starts a case workflow. A case id is never run twice: already started (by
 * an earlier try of the same keyed call, or long closed), it is left as it is.
 * A workflow that cannot be started takes the row this call stored away with it.
 */
async function startCase<W extends Workflow>(temporal: Client, workflow: W, options: WorkflowStartOptions<W>, stored: boolean, drop: () => Promise<unknown>): Promise<void> {
  await temporal.workflow.start(workflow, { ...options, workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }).catch(async (error: unknown) => {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    if (stored) await drop();
    throw error;
  });
}

/**
 * Files an objection to a record (or, without a record, to the class) and starts its case workflow.
 * With a request id the case id follows from it: a retried call finds the case it filed.
 */
export async function fileObjectionCase(
  { prisma, temporal, taskQueue }: CaseDeps,
  actor: Actor,
  input: { entityCode: string; recordId: string | null; reasons: string; evidence: string[]; requestId?: string | null },
  now = Date.now(),
): Promise<string> {
  requireActing(actor);
  const caseId = objectionWorkflowId(input.requestId ? keyedUuid(actor, input.requestId) : randomUUID());
  const filedBefore = input.requestId ? await prisma.objectionCase.findUnique({ where: { id: caseId } }) : null;
  const entity = await findEntity(prisma, input.entityCode);
  const record = input.recordId ? await prisma.creditRecord.findFirst({ where: { id: input.recordId, entityCode: entity.code } }) : null;
  if (input.recordId && !record) throw new NotFoundError('该主体没有这条信用记录。 The entity has no such credit record.');
  const args = {
    caseId, entityCode: entity.code, recordId: record?.id ?? null, providerBodyId: record?.providerBodyId ?? null, reasons: input.reasons,
    evidence: input.evidence, filedBy: filer(actor), limits: config().credit.objectionLimits, calendar: calendarFrom(now),
  };
  if (!filedBefore) {
    if (record && record.status !== 'active') throw new ValidationError('该记录已更正或已修复，不能再提出异议。 The record was already corrected or repaired.');
    if (!input.reasons.trim()) throw new ValidationError('请填写异议理由。 Give the reasons for the objection.');
    await storedAttachments(prisma, input.evidence);
    const open = await prisma.objectionCase.count({ where: { entityCode: entity.code, recordId: input.recordId, status: { in: openObjection } } });
    if (open > 0) throw new ValidationError('同一记录已有正在办理的异议。 An objection to this is already under way.');
    // The case is in the read model before its workflow runs, so a second objection to the same thing is refused at once.
    const { calendar: _calendar, events, ...filed } = fileObjection({ ...args, filedAt: now });
    await projectObjectionCase(prisma, { ...filed, seq: events.length }, []);
  }
  await startCase(temporal, objectionWorkflow, { taskQueue, workflowId: caseId, args: [args] }, !filedBefore, () => prisma.objectionCase.delete({ where: { id: caseId } }));
  return caseId;
}

/**
 * Files a repair application for a record and starts its workflow, which checks eligibility at once.
 * With a request id the application id follows from it: a retried call finds the application it filed.
 */
export async function fileRepairApplication(
  { prisma, temporal, taskQueue }: CaseDeps,
  actor: Actor,
  input: { recordId: string; statement: string; evidence: string[]; commitment: string | null; requestId?: string | null },
  now = Date.now(),
): Promise<string> {
  requireActing(actor);
  const applicationId = repairWorkflowId(input.requestId ? keyedUuid(actor, input.requestId) : randomUUID());
  const filedBefore = input.requestId ? await prisma.repairApplication.findUnique({ where: { id: applicationId } }) : null;
  const record = await prisma.creditRecord.findUnique({ where: { id: input.recordId } });
  if (!record) throw new NotFoundError('信用记录不存在。 No such credit record.');
  const args = {
    applicationId, entityCode: record.entityCode, record: ruleRecord(record), statement: input.statement.trim(), evidence: input.evidence,
    commitment: input.commitment, filedBy: filer(actor), policy: config().credit.repairPolicy, calendar: calendarFrom(now),
  };
  if (!filedBefore) {
    await storedAttachments(prisma, [...input.evidence, ...(input.commitment ? [input.commitment] : [])]);
    const open = await prisma.repairApplication.count({ where: { recordId: record.id, status: 'underReview' } });
    if (open > 0) throw new ValidationError('该记录已有待审核的修复申请。 A repair application for this record is already under review.');
    // Stored before the workflow runs (as under review), so a second application is refused at once; the workflow then decides eligibility.
    await projectRepairApplication(prisma, { ...args, status: 'underReview', reviewBy: null, decidedAt: null, overdue: false, filedAt: now, seq: 0, reasons: null }, []);
  }
  await startCase(temporal, repairWorkflow, { taskQueue, workflowId: applicationId, args: [args] }, !filedBefore, () => prisma.repairApplication.delete({ where: { id: applicationId } }));
  return applicationId;
}

/** Opens an inspection round (supervising office only) and starts its workflow, which draws the sample. */
export async function openInspectionRound({ prisma, temporal, taskQueue }: CaseDeps, actor: Actor, plan: RoundPlan, now = Date.now()): Promise<string> {
  if (actor.role !== 'supervisor') throw new ForbiddenError('只有督办部门可以组织双随机抽查。 Only the supervising office opens inspection rounds.');
  const problems = roundPlanProblems(plan);
  if (problems.length) throw new ValidationError(problems.join('\n'));
  const bodies = await prisma.body.findMany({ where: { id: { in: plan.bodies.map((b) => b.bodyId) } }, select: { id: true } });
  if (bodies.length !== plan.bodies.length) throw new ValidationError('参加单位须为已登记的单位。 Joining bodies must be registered bodies.');
  for (const { bodyId } of plan.bodies) {
    const staff = await prisma.enforcementOfficer.count({ where: { bodyId, active: true } });
    if (staff < plan.inspectorsPerBody) throw new ValidationError(`${bodyId} 执法人员名录不足 ${plan.inspectorsPerBody} 人。 ${bodyId} has fewer than ${plan.inspectorsPerBody} inspectors in its pool.`);
  }
  const existing = await prisma.inspectionRound.findUnique({ where: { id: plan.roundId }, select: { status: true } });
  if (existing && existing.status !== 'cancelled') throw new ValidationError('该抽查批次编号已使用。 This round ID is already in use.');
  const workflowId = inspectionWorkflowId(plan.roundId);
  await temporal.workflow.start(inspectionRoundWorkflow, {
    taskQueue,
    workflowId,
    args: [{ plan, limits: config().credit.inspectionLimits, calendar: calendarFrom(now), createdBy: { accountId: actor.accountId, name: actor.name } }],
  });
  return workflowId;
}
