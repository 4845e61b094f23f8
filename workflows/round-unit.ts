import {
  allHandlersFinished, condition, defineQuery, defineSignal, defineUpdate, getExternalWorkflowHandle, setHandler, workflowInfo,
} from '@temporalio/workflow';
import type { Notice } from '../domain/supervision/notices.ts';
import { nextLightChange } from '../domain/supervision/lights.ts';
import { nextReminderAt, reminderDue } from '../domain/supervision/reminders.ts';
import { systemActor, type AttachmentRef, type Light } from '../domain/supervision/types.ts';
import { unitActionNotices, unitReminderNotices } from '../domain/rounds/notices.ts';
import {
  applyUnitAction, recordUnitEvent, summarize, unitLight, unitSnapshot, validateUnitAction, type RoundEvent, type UnitRequest, type UnitSnapshot, type UnitState, type UnitSummary,
} from '../domain/rounds/unit.ts';

/** The unit as it stands. */
export const unitQuery = defineQuery<UnitSnapshot<unknown>>('unit');
/** Submit, accept, return, urge: validated synchronously, answered with the recorded event. */
export const unitActUpdate = defineUpdate<RoundEvent, [UnitRequest<unknown>]>('unitAct');
/** Sent by the round when it is filed or consolidated: the unit stops. */
export const closeUnitSignal = defineSignal('closeUnit');
/** Sent by a unit to its round on every change of status. */
export const unitChangedSignal = defineSignal<[UnitSummary]>('unitChanged');

export interface UnitInput<S> {
  state: UnitState<S>;
  reminderDays: number[];
  /** The round's workflow id, told of every change. */
  roundWorkflowId: string;
  unprojected?: RoundEvent[];
}

export interface UnitRules<S> {
  problems: (submission: S) => string[];
  attachments: (submission: S) => AttachmentRef[];
  project: (snapshot: UnitSnapshot<S>, events: RoundEvent[]) => Promise<void>;
  deliverNotices: (notices: Notice[]) => Promise<void>;
  continueAsNew: (input: UnitInput<S>) => Promise<never>;
}

/**
 * One body's duty in a round, shared by catalogue filings and evaluation
 * reports: reminders before the deadline, an overdue notice at it, weekly
 * after; actions as updates; every change projected and told to the round.
 * Ends when accepted or when the round closes it.
 */
export async function runRoundUnit<S>(input: UnitInput<S>, rules: UnitRules<S>): Promise<UnitSnapshot<S>> {
  const state = input.state;
  const pending: RoundEvent[] = [...(input.unprojected ?? [])];
  const outbox: Notice[] = [];
  let told: string | null = null;
  let projectedLight: Light | null = null;

  const project = async () => {
    const events = pending.splice(0);
    projectedLight = unitLight(state, Date.now());
    await rules.project(unitSnapshot(state, Date.now()), events);
  };

  setHandler(unitQuery, () => unitSnapshot(state, Date.now()) as UnitSnapshot<unknown>);
  setHandler(
    unitActUpdate,
    async (request) => {
      sendDueReminders(state, input.reminderDays, pending, outbox);
      const typed = request as UnitRequest<S>;
      const attachments = typed.action.type === 'submit' ? rules.attachments(typed.action.submission) : [];
      const event = applyUnitAction(state, typed, Date.now(), attachments);
      pending.push(event);
      outbox.push(...unitActionNotices(state, event));
      await project();
      return event;
    },
    { validator: (request) => validateUnitAction(state, request as UnitRequest<S>, rules.problems) },
  );
  setHandler(closeUnitSignal, () => {
    if (state.closed) return;
    state.closed = true;
    pending.push(recordUnitEvent(state, { type: 'roundClosed', at: new Date(Date.now()).toISOString(), actor: systemActor, bodyId: state.bodyId, comment: null, attachments: [], data: {} }));
  });

  // A closed round no longer listens (it may have finished already); an open one hears of every change.
  const untold = () => !state.closed && JSON.stringify(summarize(state)) !== told;
  for (;;) {
    if (!state.closed) sendDueReminders(state, input.reminderDays, pending, outbox);
    if (pending.length > 0 || projectedLight !== unitLight(state, Date.now())) await project();
    if (untold()) {
      told = JSON.stringify(summarize(state));
      await getExternalWorkflowHandle(input.roundWorkflowId).signal(unitChangedSignal, summarize(state));
    }
    if (outbox.length > 0) await rules.deliverNotices(outbox.splice(0));
    // An acceptance that came in while the round was being told of the submission is told before the unit ends.
    if ((state.closed || state.status === 'accepted') && !untold()) break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await rules.continueAsNew({ ...input, state, unprojected: pending });
    }
    const wake = nextWake(state, input.reminderDays, Date.now());
    // An action projects within its update; the round still has to be told of it.
    await condition(() => pending.length > 0 || outbox.length > 0 || state.closed || untold(), wake === null ? undefined : Math.max(wake - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  return unitSnapshot(state, Date.now());
}

function sendDueReminders<S>(state: UnitState<S>, reminderDays: number[], pending: RoundEvent[], outbox: Notice[]): void {
  const now = Date.now();
  const reminder = reminderDue(state, reminderDays, now);
  if (!reminder) return;
  const at = new Date(now).toISOString();
  state.reminders.push(...reminder.settles);
  if (reminder.kind !== 'before') state.lastOverdueNoticeAt = at;
  outbox.push(...unitReminderNotices(state, reminder, at));
  pending.push(recordUnitEvent(state, {
    type: reminder.kind === 'before' ? 'reminder' : reminder.kind, at, actor: systemActor, bodyId: state.bodyId, comment: null, attachments: [], data: { daysLeft: reminder.daysLeft },
  }));
}

function nextWake<S>(state: UnitState<S>, reminderDays: number[], now: number): number | null {
  const times = [nextReminderAt(state, reminderDays, now), nextLightChange(state, now)].filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}
