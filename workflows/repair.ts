import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { CaseEvent } from '../domain/credit/cases.ts';
import {
  applyRepairAction, fileRepair, markRepairOverdue, retimeRepair, validateRepairAction, validateRepairRetime,
  type NewRepairApplication, type RepairRequest, type RepairState, type RepairStatus,
} from '../domain/repair/application.ts';
import { repairNotices } from '../domain/repair/notices.ts';
import type { Notice } from '../domain/supervision/notices.ts';
import { retimeUpdate } from './retime.ts';

export const repairQuery = defineQuery<RepairState>('repair');
/** Approve or refuse: validated synchronously, answered with the recorded event. */
export const repairActUpdate = defineUpdate<CaseEvent, [RepairRequest]>('repairAct');

const { projectRepairApplication, endRecordPublication, deliverNotices } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const repairWorkflowId = (id: string) => `repair:${id}`;

/**
 * One credit repair application (信用修复): checked against the rules when
 * filed (an ineligible one is refused at once with the reasons), then reviewed
 * within its time limit; approval ends the record's publication and recomputes the class.
 */
export async function repairWorkflow(input: Omit<NewRepairApplication, 'filedAt'>): Promise<RepairStatus> {
  const state = fileRepair({ ...input, filedAt: Date.now() });
  const pending: CaseEvent[] = [...state.events];
  const outbox: Notice[] = pending.flatMap((e) => repairNotices(state, e));
  const record = (event: CaseEvent | null) => {
    if (!event) return;
    pending.push(event);
    outbox.push(...repairNotices(state, event));
  };
  const project = async () => {
    const { events, ...rest } = state;
    const refusal = [...events].reverse().find((e) => e.type === 'refused');
    await projectRepairApplication({ ...rest, seq: events.length, reasons: refusal?.comment ?? null }, pending.splice(0));
  };

  setHandler(repairQuery, () => state);
  setHandler(
    repairActUpdate,
    async (request) => {
      record(markRepairOverdue(state, Date.now()));
      const event = applyRepairAction(state, request, Date.now());
      record(event);
      await project();
      if (event.type === 'approved') await endRecordPublication(state.applicationId, state.record.id, Date.now());
      return event;
    },
    { validator: (request) => validateRepairAction(state, request) },
  );
  // The loop wakes for the recorded event: it projects it and waits for the new deadline.
  setHandler(
    retimeUpdate,
    (times) => {
      const event = retimeRepair(state, times, Date.now());
      record(event);
      return event;
    },
    { validator: (times) => validateRepairRetime(state, times) },
  );

  for (;;) {
    record(markRepairOverdue(state, Date.now()));
    if (pending.length > 0) await project();
    if (outbox.length > 0) await deliverNotices(outbox.splice(0));
    if (state.status !== 'underReview') break;
    const wait = state.overdue || state.reviewBy === null ? undefined : Math.max(state.reviewBy - Date.now(), 1);
    await condition(() => pending.length > 0 || outbox.length > 0 || state.status !== 'underReview', wait);
  }
  await condition(allHandlersFinished);
  if (pending.length > 0) await project();
  if (outbox.length > 0) await deliverNotices(outbox.splice(0));
  return state.status;
}
