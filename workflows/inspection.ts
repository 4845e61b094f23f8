import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { CaseEvent } from '../domain/credit/cases.ts';
import { roundNotices } from '../domain/inspection/notices.ts';
import {
  announceRound, applyDraw, applyRoundAction, failDraw, markRoundOverdue, newRound, nextRoundDeadline, retimeRound, startDraw, validateDraw,
  validateRoundAction, validateRoundRetime, type DrawRequest, type RoundLimits, type RoundPlan, type RoundRequest, type RoundState, type RoundStatus,
} from '../domain/inspection/round.ts';
import type { Notice } from '../domain/supervision/notices.ts';
import type { WorkingDayCalendar } from '../domain/time/calendar.ts';
import { retimeUpdate } from './retime.ts';

export const roundQuery = defineQuery<Omit<RoundState, 'calendar'>>('inspectionRound');
/** Record a result, publish results, or cancel: validated synchronously. */
export const roundActUpdate = defineUpdate<CaseEvent, [RoundRequest]>('inspectionAct');
/** Enter the announced beacon's value and draw: validated synchronously, answered with the drawn (or drawFailed) event. */
export const roundDrawUpdate = defineUpdate<CaseEvent, [DrawRequest]>('inspectionDraw');

const { drawInspectionSample, freezeRoundPopulation, drawAnnouncedRound, projectInspectionRound, recordFinding, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export { roundCaseId as inspectionWorkflowId } from '../domain/inspection/notices.ts';

export interface RoundInput {
  plan: RoundPlan;
  limits: RoundLimits;
  calendar: WorkingDayCalendar;
  /** Absent from rounds started before provisional deadlines were marked. */
  provisionalFrom?: number | null;
  createdBy: { accountId: string | null; name: string };
  /**
   * The public randomness the announcement names. Absent from rounds opened
   * before announcements: those drew at once, with a seed of values the office chose.
   */
  beaconSource?: string;
}

const finished = (status: RoundStatus) => status === 'completed' || status === 'cancelled';

/**
 * One random joint inspection round (双随机、一表共用): the population is frozen
 * and announced with its hash and the public random value to come (beacon);
 * once the supervising office enters that value the round is drawn from the
 * published data (seed from round ID, date, population hash and beacon, never
 * Temporal's randomness); results against the shared checklist by the drawn
 * inspectors, publication within its time limit; a published finding becomes a credit record.
 */
export async function inspectionRoundWorkflow(input: RoundInput): Promise<RoundStatus> {
  const state = newRound(input.plan, input.limits, input.calendar, input.createdBy, Date.now(), input.provisionalFrom ?? null);
  const announcedAt = Date.now();
  const pending: CaseEvent[] = [...state.events];
  const outbox: Notice[] = [];
  const record = (events: CaseEvent[]) => {
    pending.push(...events);
    outbox.push(...events.flatMap((e) => roundNotices(state, e)));
  };
  const project = async () => {
    const { calendar: _calendar, events, ...rest } = state;
    await projectInspectionRound({ ...rest, seq: events.length, createdAt: events[0]!.at }, pending.splice(0));
  };
  const drawn = (result: Awaited<ReturnType<typeof drawInspectionSample>>) =>
    'problem' in result ? failDraw(state, result.problem, Date.now()) : applyDraw(state, result.draw, result.inspectorBodies);

  setHandler(roundQuery, () => {
    const { calendar: _calendar, ...rest } = state;
    return rest;
  });
  setHandler(
    roundActUpdate,
    async (request) => {
      record(markRoundOverdue(state, Date.now()));
      const event = applyRoundAction(state, request, Date.now());
      record([event]);
      await project();
      if (request.action.type === 'publish') {
        for (const code of request.action.entityCodes) {
          const result = state.results[code]!;
          if (result.finding) await recordFinding(state.plan.roundId, code, result.finding, state.inspectorBodies[result.inspectorIds[0]!] ?? null, Date.now());
        }
      }
      return event;
    },
    { validator: (request) => validateRoundAction(state, request) },
  );
  setHandler(
    roundDrawUpdate,
    async ({ action: { beacon } }) => {
      startDraw(state, beacon.trim());
      const event = drawn(await drawAnnouncedRound(state.plan, announcedAt, state.beacon!, Date.now()));
      record([event]);
      await project();
      return event;
    },
    { validator: (request) => validateDraw(state, request) },
  );
  // The loop wakes for the recorded event: it projects it and waits for the new deadlines.
  setHandler(
    retimeUpdate,
    (times) => {
      const event = retimeRound(state, times, Date.now());
      if (event) record([event]);
      return event;
    },
    { validator: (times) => validateRoundRetime(state, times) },
  );

  if (input.beaconSource === undefined) {
    // Opened before announcements (replayed from such a history): drawn at once, without a beacon.
    await project();
    record([drawn(await drawInspectionSample(input.plan, Date.now()))]);
  } else {
    const frozen = await freezeRoundPopulation(input.plan, announcedAt);
    record([announceRound(state, { beaconSource: input.beaconSource, announcedAt, ...frozen }, Date.now())]);
  }
  for (;;) {
    record(markRoundOverdue(state, Date.now()));
    if (pending.length > 0) await project();
    if (outbox.length > 0) await deliverNotices(outbox.splice(0));
    if (finished(state.status)) break;
    const deadline = nextRoundDeadline(state);
    await condition(() => pending.length > 0 || outbox.length > 0 || finished(state.status), deadline === null ? undefined : Math.max(deadline - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  if (pending.length > 0) await project();
  if (outbox.length > 0) await deliverNotices(outbox.splice(0));
  return state.status;
}
