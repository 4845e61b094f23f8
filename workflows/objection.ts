import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { CaseEvent } from '../domain/credit/cases.ts';
import {
  applyObjectionAction, fileObjection, markObjectionOverdue, nextObjectionDeadline, objectionClosed, retimeObjection, validateObjectionAction,
  validateObjectionRetime, type NewObjection, type ObjectionRequest, type ObjectionState, type ObjectionStatus,
} from '../domain/objection/case.ts';
import { objectionNotices } from '../domain/objection/notices.ts';
import type { Notice } from '../domain/supervision/notices.ts';
import { retimeUpdate } from './retime.ts';

/** The case as it stands. */
export const objectionQuery = defineQuery<Omit<ObjectionState, 'calendar'>>('objection');
/** Every step of the review: validated synchronously, answered with the recorded event. */
export const objectionActUpdate = defineUpdate<CaseEvent, [ObjectionRequest]>('objectionAct');

const { projectObjectionCase, markRecordUnderObjection, correctCreditRecord, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const objectionWorkflowId = (id: string) => `objection:${id}`;

/**
 * One objection (异议) from filing to decision: acceptance within its time
 * limit, verification (possibly by the providing body, with its own limit),
 * then uphold or correct. Time limits are instants from the working-day
 * calendar passed in; a passed limit is marked overdue and notified once.
 */
export async function objectionWorkflow(input: Omit<NewObjection, 'filedAt'>): Promise<ObjectionStatus> {
  const state = fileObjection({ ...input, filedAt: Date.now() });
  const pending: CaseEvent[] = [...state.events];
  const outbox: Notice[] = pending.flatMap((e) => objectionNotices(state, e));
  const record = (events: CaseEvent[]) => {
    pending.push(...events);
    outbox.push(...events.flatMap((e) => objectionNotices(state, e)));
  };
  const project = async () => {
    const { calendar: _calendar, events, ...rest } = state;
    await projectObjectionCase({ ...rest, seq: events.length }, pending.splice(0));
  };

  setHandler(objectionQuery, () => {
    const { calendar: _calendar, ...rest } = state;
    return rest;
  });
  setHandler(
    objectionActUpdate,
    async (request) => {
      record(markObjectionOverdue(state, Date.now()));
      const event = applyObjectionAction(state, request, Date.now());
      record([event]);
      await project();
      if (state.recordId && event.type === 'accepted') await markRecordUnderObjection(state.caseId, state.recordId, true);
      if (state.recordId && (event.type === 'refused' || event.type === 'upheld')) await markRecordUnderObjection(state.caseId, state.recordId, false);
      if (event.type === 'corrected') await correctCreditRecord(state.caseId, state.entityCode, state.recordId, state.correction!, Date.now());
      return event;
    },
    { validator: (request) => validateObjectionAction(state, request, Date.now()) },
  );
  // The loop wakes for the recorded event: it projects it and waits for the new deadlines.
  setHandler(
    retimeUpdate,
    (times) => {
      const event = retimeObjection(state, times, Date.now());
      if (event) record([event]);
      return event;
    },
    { validator: (times) => validateObjectionRetime(state, times) },
  );

  for (;;) {
    record(markObjectionOverdue(state, Date.now()));
    if (pending.length > 0) await project();
    if (outbox.length > 0) await deliverNotices(outbox.splice(0));
    if (objectionClosed(state)) break;
    const deadline = nextObjectionDeadline(state);
    await condition(() => pending.length > 0 || outbox.length > 0 || objectionClosed(state), deadline === null ? undefined : Math.max(deadline - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  if (pending.length > 0) await project();
  if (outbox.length > 0) await deliverNotices(outbox.splice(0));
  return state.status;
}
