import type { Notice } from '../domain/supervision/notices.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import type { TaskEvent } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { deliverNotices, type Mailer } from './notices.ts';
import { projectTask } from '../readmodel/tasks.ts';
import { creditActivities } from './credit-activities.ts';
import { consolidateCatalogue, projectBodyFiling, projectFilingRound } from './filing.ts';
import { listReportingUnits, projectEvaluationRound, projectUnitReport } from './evaluation.ts';
import type { FilingRoundSnapshot } from '../workflows/filing.ts';
import type { EvaluationRoundSnapshot } from '../workflows/evaluation.ts';
import type { UnitSnapshot } from '../workflows/round-unit.ts';
import type { CatalogueSubmission } from '../domain/filing/round.ts';
import type { SelfEvaluationReport } from '../domain/evaluation/report.ts';
import type { RoundEvent } from '../domain/rounds/unit.ts';

export interface ActivityDeps {
  mailer?: Mailer | null;
}

/**
 * Every activity Duban registers, built over its dependencies so tests can pass
 * their own database and mail server. Workflows import only the type of this.
 */
export function createActivities(prisma: PrismaClient, { mailer = null }: ActivityDeps = {}) {
  return {
    projectTask: (snapshot: TaskSnapshot, events: TaskEvent[]) => projectTask(prisma, snapshot, events),
    deliverNotices: (notices: Notice[]) => deliverNotices(prisma, mailer, notices),
    /** One notice at a time: what task workflows started before notices were batched still schedule. */
    deliverNotice: (notice: Notice) => deliverNotices(prisma, mailer, [notice]),
    ...creditActivities(prisma),
    projectFilingRound: (s: FilingRoundSnapshot, events: RoundEvent[]) => projectFilingRound(prisma, s, events),
    projectBodyFiling: (s: UnitSnapshot<CatalogueSubmission>, events: RoundEvent[]) => projectBodyFiling(prisma, s, events),
    consolidateCatalogue: (roundId: string, at: string, by: string, included: string[], overdue: string[]) =>
      consolidateCatalogue(prisma, roundId, at, by, included, overdue),
    projectEvaluationRound: (s: EvaluationRoundSnapshot, events: RoundEvent[]) => projectEvaluationRound(prisma, s, events),
    projectUnitReport: (s: UnitSnapshot<SelfEvaluationReport>, events: RoundEvent[]) => projectUnitReport(prisma, s, events),
    listReportingUnits: () => listReportingUnits(prisma),
  };
}

export type Activities = ReturnType<typeof createActivities>;
