import {
  allHandlersFinished, condition, defineQuery, defineUpdate, getExternalWorkflowHandle, makeContinueAsNewFunc, ParentClosePolicy,
  proxyActivities, setHandler, startChild,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import {
  applyFilingRoundAction, submissionProblems, validateFilingRoundAction, type CatalogueSubmission, type FilingRoundRequest, type FilingRoundSnapshot, type FilingRoundState,
} from '../domain/filing/round.ts';
import { newUnit, recordUnitEvent, summarize, type RoundEvent, type UnitSnapshot } from '../domain/rounds/unit.ts';
import { shanghaiDate } from '../domain/time/instants.ts';
import { closeUnitSignal, runRoundUnit, unitChangedSignal, type UnitInput } from './round-unit.ts';

const { projectFilingRound, projectBodyFiling, consolidateCatalogue, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface FilingRoundInput {
  roundId: string;
  title: string;
  deadline: string;
  bodies: Array<{ id: string; name: string }>;
  reminderDays: number[];
  openedBy: { accountId: string | null; name: string };
}

export const filingRoundQuery = defineQuery<FilingRoundSnapshot>('filingRound');
/** Consolidate, record the filing: validated synchronously, answered with the recorded event. */
export const filingRoundActUpdate = defineUpdate<RoundEvent, [FilingRoundRequest]>('filingRoundAct');

export const filingUnitId = (roundId: string, bodyId: string) => `${roundId}/${bodyId}`;

/**
 * A supervision catalogue filing round (监管目录备案): one child workflow per
 * approval body; the coordinator consolidates the accepted catalogues and
 * records the filing with the municipal government, which closes the round.
 */
export async function filingRoundWorkflow(input: FilingRoundInput): Promise<FilingRoundSnapshot> {
  const state: FilingRoundState = {
    roundId: input.roundId, title: input.title, deadline: input.deadline, status: 'open', consolidatedAt: null, filedOn: null, filingNumber: null, seq: 0,
    units: input.bodies.map((b) => summarize(newUnit({ roundId: input.roundId, unitId: filingUnitId(input.roundId, b.id), roundLabel: '', bodyId: b.id, bodyName: b.name, due: input.deadline }))),
  };
  const pending: RoundEvent[] = [
    recordUnitEvent(state, { type: 'open', at: new Date(Date.now()).toISOString(), actor: input.openedBy, bodyId: null, comment: null, attachments: [], data: { bodies: input.bodies.map((b) => b.id) } }),
  ];
  const snap = (): FilingRoundSnapshot => ({ ...state, at: new Date(Date.now()).toISOString() });
  const project = () => projectFilingRound(snap(), pending.splice(0));

  setHandler(filingRoundQuery, snap);
  setHandler(unitChangedSignal, (summary) => {
    const index = state.units.findIndex((u) => u.bodyId === summary.bodyId);
    if (index >= 0) state.units[index] = summary;
  });
  setHandler(
    filingRoundActUpdate,
    async (request) => {
      const event = applyFilingRoundAction(state, request, Date.now());
      if (request.action.type === 'consolidate') {
        await consolidateCatalogue(state.roundId, event.at, event.actor.name, event.data.included as string[], event.data.overdue as string[]);
      }
      pending.push(event);
      await project();
      return event;
    },
    { validator: (request) => validateFilingRoundAction(state, request, Date.now()) },
  );

  await project();
  const label = `监管目录备案「${input.title}」`;
  const labelEn = `catalogue filing “${input.title}”`;
  for (const body of input.bodies) {
    const unitId = filingUnitId(input.roundId, body.id);
    await startChild(filingUnitWorkflow, {
      workflowId: unitId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{
        state: newUnit<CatalogueSubmission>({ roundId: input.roundId, unitId, roundLabel: label, roundLabelEn: labelEn, bodyId: body.id, bodyName: body.name, due: input.deadline }),
        reminderDays: input.reminderDays,
        roundWorkflowId: input.roundId,
      }],
    });
  }
  await condition(() => state.status === 'filed');
  await condition(allHandlersFinished);
  for (const unit of state.units.filter((u) => u.status !== 'accepted')) {
    await getExternalWorkflowHandle(filingUnitId(input.roundId, unit.bodyId)).signal(closeUnitSignal).catch(() => undefined);
  }
  return snap();
}

/** One approval body's filing: its implementation measures and catalogue, reviewed by the coordinator. */
export async function filingUnitWorkflow(input: UnitInput<CatalogueSubmission>): Promise<UnitSnapshot<CatalogueSubmission>> {
  return runRoundUnit(input, {
    problems: submissionProblems,
    attachments: (s) => [s.measures],
    project: projectBodyFiling,
    deliverNotices,
    continueAsNew: makeContinueAsNewFunc<typeof filingUnitWorkflow>(),
  });
}

/** A round's id: its title is not unique, so the opening instant (Shanghai date) and a caller-chosen key name it. */
export const filingRoundId = (key: string, openedAt: number) => `filing:${shanghaiDate(openedAt)}:${key}`;
