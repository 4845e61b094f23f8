import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client, type Workflow, type WorkflowStartOptions } from '@temporalio/client';
import { beaconSourceProblem, roundPlanProblems, type RoundPlan } from '../../domain/inspection/round.ts';
import { recordInForce } from '../../domain/credit/record-actions.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { ruleRecord } from '../../readmodel/classes.ts';
import { projectObjectionCase } from '../../readmodel/objections.ts';
import { projectRepairApplication } from '../../readmodel/repairs.ts';
import { fileObjection } from '../../domain/objection/case.ts';
import { config } from '../../runtime/config.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { caseWorkingDays } from '../../services/holiday-calendar.ts';
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

const filer = (actor: Actor) => ({ accountId: actor.accountId, name: actor.name, bodyId: actor.bodyId });

function requireActing(actor: Actor): void {
  if (actor.role !== 'supervisor' && actor.role !== 'department') {
    throw new ForbiddenError('只有督办部门和承办单位可以代市场主体提出申请。 Only the supervising office and departments file for an entity.');
  }
}

const openObjection = ['filed', 'verifying', 'awaitingProvider'];

/**
 * Starts a case workflow, before any row of it is written: a crash at any
 * instant leaves either nothing or a running case (which projects its own row).
 * A case id is never run twice: already started (by an earlier try of the same
 * keyed call, or long closed), it is left as it is.
 */
async function startCase<W extends Workflow>(temporal: Client, workflow: W, options: WorkflowStartOptions<W>): Promise<void> {
  await temporal.workflow.start(workflow, { ...options, workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE }).catch((error: unknown) => {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
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
    evidence: input.evidence, filedBy: filer(actor), limits: config().credit.objectionLimits, ...(await caseWorkingDays(prisma, now)),
  };
  if (!filedBefore) {
    if (record && !recordInForce(record)) throw new ValidationError('该记录已更正或已修复，不能再提出异议。 The record was already corrected or repaired.');
    if (!input.reasons.trim()) throw new ValidationError('请填写异议理由。 Give the reasons for the objection.');
    await storedAttachments(prisma, input.evidence);
    const open = await prisma.objectionCase.count({ where: { entityCode: entity.code, recordId: input.recordId, status: { in: openObjection } } });
    if (open > 0) throw new ValidationError('同一记录已有正在办理的异议。 An objection to this is already under way.');
  }
  await startCase(temporal, objectionWorkflow, { taskQueue, workflowId: caseId, args: [args] });
  if (!filedBefore) {
    // In the read model as soon as its workflow exists, so a second objection to the same thing is refused at once;
    // as version 0, so the workflow's own projection (done already, or to come) wins.
    const { calendar: _calendar, events: _events, ...filed } = fileObjection({ ...args, filedAt: now });
    await projectObjectionCase(prisma, { ...filed, seq: 0 }, []);
  }
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
    commitment: input.commitment, filedBy: filer(actor), policy: config().credit.repairPolicy, ...(await caseWorkingDays(prisma, now)),
  };
  if (!filedBefore) {
    await storedAttachments(prisma, [...input.evidence, ...(input.commitment ? [input.commitment] : [])]);
    const open = await prisma.repairApplication.count({ where: { recordId: record.id, status: 'underReview' } });
    if (open > 0) throw new ValidationError('该记录已有待审核的修复申请。 A repair application for this record is already under review.');
  }
  await startCase(temporal, repairWorkflow, { taskQueue, workflowId: applicationId, args: [args] });
  if (!filedBefore) {
    // Stored as under review as soon as its workflow exists, so a second application is refused at once; the workflow's own projections (newer) win.
    const { calendar: _calendar, ...filed } = args;
    await projectRepairApplication(prisma, { ...filed, status: 'underReview', reviewBy: null, decidedAt: null, overdue: false, filedAt: now, seq: 0, reasons: null }, []);
  }
  return applicationId;
}

/**
 * Announces an inspection round (supervising office only) and starts its
 * workflow, which freezes the population and publishes its hash with the
 * named beacon; the round is drawn once the beacon's value is entered.
 * A round ID once announced is never used again, so every announcement stays public.
 */
export async function announceInspectionRound(
  { prisma, temporal, taskQueue }: CaseDeps, actor: Actor, plan: RoundPlan, beaconSource: string, now = Date.now(),
): Promise<string> {
  if (actor.role !== 'supervisor') throw new ForbiddenError('只有督办部门可以组织双随机抽查。 Only the supervising office opens inspection rounds.');
  const problems = roundPlanProblems(plan);
  const sourceProblem = beaconSourceProblem(beaconSource);
  if (sourceProblem) problems.push(sourceProblem);
  if (problems.length) throw new ValidationError(problems.join('\n'));
  const bodies = await prisma.body.findMany({ where: { id: { in: plan.bodies.map((b) => b.bodyId) } }, select: { id: true } });
  if (bodies.length !== plan.bodies.length) throw new ValidationError('参加单位须为已登记的单位。 Joining bodies must be registered bodies.');
  for (const { bodyId } of plan.bodies) {
    const staff = await prisma.enforcementOfficer.count({ where: { bodyId, active: true } });
    if (staff < plan.inspectorsPerBody) throw new ValidationError(`${bodyId} 执法人员名录不足 ${plan.inspectorsPerBody} 人。 ${bodyId} has fewer than ${plan.inspectorsPerBody} inspectors in its pool.`);
  }
  const existing = await prisma.inspectionRound.findUnique({ where: { id: plan.roundId }, select: { status: true, announcedAt: true } });
  if (existing && (existing.status !== 'cancelled' || existing.announcedAt)) throw new ValidationError('该抽查批次编号已使用。 This round ID is already in use.');
  await checkRemits(prisma, plan);
  const workflowId = inspectionWorkflowId(plan.roundId);
  await temporal.workflow.start(inspectionRoundWorkflow, {
    taskQueue,
    workflowId,
    args: [{ plan, limits: config().credit.inspectionLimits, ...(await caseWorkingDays(prisma, now)), createdBy: { accountId: actor.accountId, name: actor.name }, beaconSource: beaconSource.trim() }],
  }).catch((error: unknown) => {
    // Announced a moment ago (its round not yet in the read model): the same answer as for any used ID.
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw new ValidationError('该抽查批次编号已使用。 This round ID is already in use.');
    throw error;
  });
  return workflowId;
}

/** Every industry of the population must be in some joining body's remit, or the draw could not send anyone. */
async function checkRemits(prisma: PrismaClient, plan: RoundPlan): Promise<void> {
  if (plan.bodies.some((b) => b.industries.length === 0)) return;
  const covered = new Set(plan.bodies.flatMap((b) => b.industries));
  const industries = await prisma.marketEntity.groupBy({
    by: ['industry'],
    where: {
      creditClass: 'good',
      ...(plan.filter.districts.length ? { district: { in: plan.filter.districts } } : {}),
      ...(plan.filter.industries.length ? { industry: { in: plan.filter.industries } } : {}),
    },
  });
  const uncovered = industries.map((i) => i.industry).filter((i) => !covered.has(i));
  if (uncovered.length) throw new ValidationError(`没有参加单位负责以下行业：${uncovered.join('、')}。 No joining body's remit covers: ${uncovered.join(', ')}.`);
}
