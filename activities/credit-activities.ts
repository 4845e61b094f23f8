import type { CaseEvent } from '../domain/credit/cases.ts';
import type { Finding, RoundPlan } from '../domain/inspection/round.ts';
import type { RecordCorrection } from '../domain/objection/case.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { drawAnnouncedRound, freezeRoundPopulation } from './announced-draw.ts';
import { drawInspectionSample, projectInspectionRound, recordFinding, type RoundSnapshot } from './inspection.ts';
import { correctCreditRecord, markRecordUnderObjection, projectObjectionCase, type ObjectionSnapshot } from './objection.ts';
import { endRecordPublication, projectRepairApplication, type RepairSnapshot } from './repair.ts';

/** The activities of objection cases, repair applications and inspection rounds. */
export function creditActivities(prisma: PrismaClient) {
  return {
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
  };
}
