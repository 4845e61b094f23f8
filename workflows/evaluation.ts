import {
  allHandlersFinished, condition, defineQuery, defineUpdate, getExternalWorkflowHandle, makeContinueAsNewFunc, ParentClosePolicy,
  proxyActivities, setHandler, startChild, WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities/index.ts';
import { reportProblems, type SelfEvaluationReport } from '../domain/evaluation/report.ts';
import {
  applyEvaluationRoundAction, reportDeadline, shanghaiYear, validateEvaluationRoundAction, type EvaluationRoundRequest, type EvaluationRoundSnapshot, type EvaluationRoundState,
} from '../domain/evaluation/round.ts';
import { newUnit, recordUnitEvent, summarize, type RoundEvent, type UnitSnapshot } from '../domain/rounds/unit.ts';
import { closeUnitSignal, runRoundUnit, unitChangedSignal, type UnitInput } from './round-unit.ts';

const { projectEvaluationRound, projectUnitReport, listReportingUnits, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface EvaluationRoundInput {
  year: number;
  deadline: string;
  reminderDays: number[];
  openedBy: { accountId: string | null; name: string };
}

export const evaluationRoundQuery = defineQuery<EvaluationRoundSnapshot>('evaluationRound');
/** Consolidate into the round summary: validated synchronously, answered with the recorded event. */
export const evaluationRoundActUpdate = defineUpdate<RoundEvent, [EvaluationRoundRequest]>('evaluationRoundAct');

/** One round per year, whoever opens it: the schedule and a person cannot open it twice. */
export const evaluationRoundId = (year: number) => `evaluation:${year}`;
export const reportUnitId = (year: number, bodyId: string) => `${evaluationRoundId(year)}/${bodyId}`;
export const scheduleOpener = { accountId: null, name: '年度评估计划 Yearly schedule' };

/**
 * A yearly evaluation round (年度自查评估): one child workflow per reporting
 * unit collects its special report; the coordinator consolidates them into the
 * round summary for the municipal government, which closes the round.
 */
export async function evaluationRoundWorkflow(input: EvaluationRoundInput): Promise<EvaluationRoundSnapshot> {
  const roundId = evaluationRoundId(input.year);
  const units = await listReportingUnits();
  const state: EvaluationRoundState = {
    roundId, year: input.year, deadline: input.deadline, status: 'open', consolidatedAt: null, summaryDate: null, seq: 0,
    units: units.map((u) => summarize(newUnit({ roundId, unitId: reportUnitId(input.year, u.id), roundLabel: '', bodyId: u.id, bodyName: u.name, due: input.deadline }))),
  };
  const pending: RoundEvent[] = [
    recordUnitEvent(state, { type: 'open', at: new Date(Date.now()).toISOString(), actor: input.openedBy, bodyId: null, comment: null, attachments: [], data: { units: units.map((u) => u.id) } }),
  ];
  const snap = (): EvaluationRoundSnapshot => ({ ...state, at: new Date(Date.now()).toISOString(), openedBy: input.openedBy.accountId ?? 'schedule' });
  const project = () => projectEvaluationRound(snap(), pending.splice(0));

  setHandler(evaluationRoundQuery, snap);
  setHandler(unitChangedSignal, (summary) => {
    const index = state.units.findIndex((u) => u.bodyId === summary.bodyId);
    if (index >= 0) state.units[index] = summary;
  });
  setHandler(
    evaluationRoundActUpdate,
    async (request) => {
      const event = applyEvaluationRoundAction(state, request, Date.now());
      pending.push(event);
      await project();
      return event;
    },
    { validator: (request) => validateEvaluationRoundAction(state, request, Date.now()) },
  );

  await project();
  const label = `${input.year} 年度自查评估专题报告`;
  const labelEn = `the ${input.year} self-evaluation report`;
  for (const unit of units) {
    const unitId = reportUnitId(input.year, unit.id);
    await startChild(reportUnitWorkflow, {
      workflowId: unitId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{
        state: newUnit<SelfEvaluationReport>({ roundId, unitId, roundLabel: label, roundLabelEn: labelEn, bodyId: unit.id, bodyName: unit.name, due: input.deadline }),
        reminderDays: input.reminderDays,
        roundWorkflowId: roundId,
      }],
    });
  }
  await condition(() => state.status === 'consolidated');
  await condition(allHandlersFinished);
  for (const unit of state.units.filter((u) => u.status !== 'accepted')) {
    await getExternalWorkflowHandle(reportUnitId(input.year, unit.bodyId)).signal(closeUnitSignal).catch(() => undefined);
  }
  return snap();
}

/** One reporting unit's self-evaluation special report (专题报告). */
export async function reportUnitWorkflow(input: UnitInput<SelfEvaluationReport>): Promise<UnitSnapshot<SelfEvaluationReport>> {
  return runRoundUnit(input, {
    problems: reportProblems,
    attachments: (r) => r.attachments,
    project: projectUnitReport,
    deliverNotices,
    continueAsNew: makeContinueAsNewFunc<typeof reportUnitWorkflow>(),
  });
}

export interface ScheduledOpening {
  /** MM-DD (China Standard Time) reports are due in the year the schedule fires. */
  due: string;
  reminderDays: number[];
}

/**
 * What the yearly Temporal Schedule starts: opens the round of the current
 * Shanghai year unless it was already opened (by hand, or by an earlier firing).
 */
export async function scheduledEvaluationWorkflow(opening: ScheduledOpening): Promise<string> {
  const year = shanghaiYear(Date.now());
  try {
    await startChild(evaluationRoundWorkflow, {
      workflowId: evaluationRoundId(year),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ year, deadline: reportDeadline(year, opening.due), reminderDays: opening.reminderDays, openedBy: scheduleOpener }],
    });
    return `opened ${evaluationRoundId(year)}`;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return `${evaluationRoundId(year)} was already open`;
    throw error;
  }
}
