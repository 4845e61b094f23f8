import type { CaseEvent } from '../domain/credit/cases.ts';
import type { EvaluationRoundSnapshot } from '../domain/evaluation/round.ts';
import type { SelfEvaluationReport } from '../domain/evaluation/report.ts';
import type { CatalogueSubmission, FilingRoundSnapshot } from '../domain/filing/round.ts';
import type { Finding, RoundPlan, RoundSnapshot } from '../domain/inspection/round.ts';
import type { ObjectionSnapshot, RecordCorrection } from '../domain/objection/case.ts';
import type { RepairSnapshot } from '../domain/repair/application.ts';
import type { AppealWindowSnapshot, ScoreAppeal } from '../domain/scoring/appeals.ts';
import type { RoundEvent, UnitSnapshot } from '../domain/rounds/unit.ts';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import type { TaskEvent } from '../domain/supervision/types.ts';
import { projectEvaluationRound, projectUnitReport } from '../readmodel/evaluation.ts';
import { projectBodyFiling, projectFilingRound } from '../readmodel/filing.ts';
import { projectInspectionRound } from '../readmodel/inspections.ts';
import { projectObjectionCase } from '../readmodel/objections.ts';
import { projectRepairApplication } from '../readmodel/repairs.ts';
import { projectScoreAppeals } from '../readmodel/score-appeals.ts';
import { projectTask } from '../readmodel/tasks.ts';
import { config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { correctCreditRecord, endRecordPublication, markRecordUnderObjection, recordFinding } from './credit-records.ts';
import { drawAnnouncedRound, freezeRoundPopulation } from './announced-draw.ts';
import { bulletinWorkingDays, issueMonthlyBulletin, monthlyBulletinPlans } from './bulletins.ts';
import { archivedTaskStates, startArchivedTasks, storeArchivedPlan } from './imports.ts';
import { ladderActivities } from './ladder.ts';
import type { LadderPorts } from '../domain/supervision/slips.ts';
import { drawInspectionSample } from './inspection.ts';
import { deliverNotices, storeNoticesInInbox, type Mailer } from './notices.ts';
import { consolidateCatalogue, listReportingUnits } from './rounds.ts';
import { correctScoreLine, publishFinalSheet } from './score-appeals.ts';

export interface ActivityDeps {
  mailer?: Mailer | null;
  /** Where the API archives committed plans (the import workflow stores and starts them from there). */
  dataDir?: string;
  /** The escalation ladder's reads and documents (services/supervision/ladder-ports.ts), handed in by the worker. */
  ladder?: LadderPorts | null;
}

/**
 * Every activity Duban registers: what workflows do outside themselves (project
 * their state into the read model, deliver notices, draw a sample, correct a
 * record), built over their dependencies so tests can pass their own database
 * and mail server. Workflows import only the type of this.
 */
export function createActivities(prisma: PrismaClient, { mailer = null, dataDir = config().dataDir, ladder = null }: ActivityDeps = {}) {
  return {
    ...ladderActivities(ladder),
    storeArchivedPlan: (planId: string) => storeArchivedPlan(prisma, dataDir, planId),
    archivedTaskStates: (planId: string, offset: number, limit: number) => archivedTaskStates(dataDir, planId, offset, limit),
    startArchivedTasks: (planId: string, offset: number, limit: number) => startArchivedTasks(dataDir, planId, offset, limit),
    projectTask: (snapshot: TaskSnapshot, events: TaskEvent[]) => projectTask(prisma, snapshot, events),
    /** Takes the old bilingual shape too: workflows started before notices were written in each language still send it. */
    deliverNotices: (notices: DeliveredNotice[]) => deliverNotices(prisma, mailer, notices),
    storeNoticesInInbox: (notices: DeliveredNotice[]) => storeNoticesInInbox(prisma, mailer, notices),
    /** A task's projection and the notices it queued with it, in one local activity (taskWorkflowV2); answers as storeNoticesInInbox. */
    projectTaskWithNotices: async (snapshot: TaskSnapshot, events: TaskEvent[], notices: DeliveredNotice[]) => {
      await projectTask(prisma, snapshot, events);
      return storeNoticesInInbox(prisma, mailer, notices);
    },
    /** One notice at a time: what task workflows started before notices were batched still schedule. */
    deliverNotice: (notice: DeliveredNotice) => deliverNotices(prisma, mailer, [notice]),
    projectObjectionCase: (s: ObjectionSnapshot, events: CaseEvent[]) => projectObjectionCase(prisma, s, events),
    markRecordUnderObjection: (caseId: string, recordId: string, under: boolean) => markRecordUnderObjection(prisma, caseId, recordId, under),
    correctCreditRecord: (caseId: string, entityCode: string, recordId: string | null, correction: RecordCorrection, at: number) =>
      correctCreditRecord(prisma, caseId, entityCode, recordId, correction, at),
    projectRepairApplication: (s: RepairSnapshot, events: CaseEvent[]) => projectRepairApplication(prisma, s, events),
    endRecordPublication: (applicationId: string, recordId: string, at: number) => endRecordPublication(prisma, applicationId, recordId, at),
    drawInspectionSample: (plan: RoundPlan, at: number) => drawInspectionSample(prisma, plan, at),
    freezeRoundPopulation: (plan: RoundPlan, announcedAt: number) => freezeRoundPopulation(prisma, plan, announcedAt),
    drawAnnouncedRound: (plan: RoundPlan, announcedAt: number, beacon: string, at: number) => drawAnnouncedRound(prisma, plan, announcedAt, beacon, at),
    projectInspectionRound: (s: RoundSnapshot, events: CaseEvent[]) => projectInspectionRound(prisma, s, events),
    recordFinding: (roundId: string, entityCode: string, finding: Finding, providerBodyId: string | null, at: number) =>
      recordFinding(prisma, roundId, entityCode, finding, providerBodyId, at),
    projectFilingRound: (s: FilingRoundSnapshot, events: RoundEvent[]) => projectFilingRound(prisma, s, events),
    projectBodyFiling: (s: UnitSnapshot<CatalogueSubmission>, events: RoundEvent[]) => projectBodyFiling(prisma, s, events),
    consolidateCatalogue: (roundId: string, at: string, by: string, included: string[], overdue: string[]) =>
      consolidateCatalogue(prisma, roundId, at, by, included, overdue),
    projectEvaluationRound: (s: EvaluationRoundSnapshot, events: RoundEvent[]) => projectEvaluationRound(prisma, s, events),
    projectUnitReport: (s: UnitSnapshot<SelfEvaluationReport>, events: RoundEvent[]) => projectUnitReport(prisma, s, events),
    listReportingUnits: () => listReportingUnits(prisma),
    projectScoreAppeals: (s: AppealWindowSnapshot, events: CaseEvent[]) => projectScoreAppeals(prisma, s, events),
    correctScoreLine: (input: { appeal: Pick<ScoreAppeal, 'appealId' | 'bodyId' | 'criterion' | 'source'>; fromSheetId: string; by: string; at: string }) =>
      correctScoreLine(prisma, input),
    publishFinalSheet: (sheetId: string, by: string, at: string) => publishFinalSheet(prisma, sheetId, by, at),
    bulletinWorkingDays: (firedOn: string) => bulletinWorkingDays(prisma, firedOn),
    monthlyBulletinPlans: (periodEnd: string) => monthlyBulletinPlans(prisma, periodEnd),
    issueMonthlyBulletin: (planId: string, periodEnd: string, now: number) => issueMonthlyBulletin({ prisma, mailer, dataDir }, planId, periodEnd, now),
  };
}

export type Activities = ReturnType<typeof createActivities>;
