import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { ActionRequest } from '../domain/supervision/actions.ts';
import { nextLightChange } from '../domain/supervision/lights.ts';
import { actionNotices, reminderNotices, type Notice } from '../domain/supervision/notices.ts';
import { nextReceiptReminderAt, receiptNotice, takeReceiptReminder } from '../domain/supervision/receipt.ts';
import { nextReminderAt, reminderDue } from '../domain/supervision/reminders.ts';
import { needsSignOff } from '../domain/supervision/sign-off.ts';
import { snapshot, type TaskSnapshot } from '../domain/supervision/snapshot.ts';
import { applyAction, recordEvent, validateAction } from '../domain/supervision/transitions.ts';
import { systemActor, type TaskEvent, type TaskState } from '../domain/supervision/types.ts';
import { reportingHooks } from './task/reports.ts';
import { escalationLadder } from './task/ladder.ts';
import { paceMargin } from './task/pace.ts';
import { oneLocalActivityAtATime } from './task/serial.ts';
import { isTaskWorkflowV2, since } from './task/since.ts';

/** The task as it stands, with lights computed at workflow time. */
export const taskQuery = defineQuery<TaskSnapshot>('task');
/** Every event of the task, in order: what the read model is rebuilt from. */
export const taskEventsQuery = defineQuery<TaskEvent[]>('events');
/** Every action on a task: validated synchronously, answered with the recorded event. */
export const actUpdate = defineUpdate<TaskEvent, [ActionRequest]>('act');

const retry = { initialInterval: '1 second', maximumInterval: '1 minute' };
const { projectTask, deliverNotices, deliverNotice } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });
// A projection is a few milliseconds of SQLite on the worker's own connection: run beside the
// workflow task rather than through the server's task queue, which keeps a task workflow's load
// on the server close to a no-op's.
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

export const taskWorkflowId = (planId: string, ref: string) => `task:${planId}:${ref}`;

/**
 * One numbered task from assignment to close-out: holds every body's
 * assignment, takes actions as updates, sends reminders on durable timers, and
 * projects each change into the read model. Executions of this first type
 * started before taskWorkflowV2 run on as they were recorded.
 */
export async function taskWorkflow(initial: TaskState, unprojected: TaskEvent[] = [], projected: TaskEvent[] = []): Promise<TaskSnapshot> {
  const state = initial;
  const pending: TaskEvent[] = [...unprojected];
  const log: TaskEvent[] = [...projected];
  const outbox: Notice[] = [];
  let projectedLights: string | null = null;
  // Since 'batch-effects': projections run as local activities, notices go out in one batch beside them.
  const batched = () => since('batch-effects');
  const lights = () => snapshot(state, Date.now()).assignments.map((a) => a.light).join();

  const serially = oneLocalActivityAtATime();
  const project = async () => {
    const events = pending.splice(0);
    log.push(...events);
    projectedLights = lights();
    const now = snapshot(state, Date.now());
    // The second type writes the notices queued so far with the projection: one local activity, one
    // workflow task, where an action's projection and its notices took two.
    const notices = isTaskWorkflowV2() ? outbox.splice(0) : [];
    if (notices.length > 0) {
      if ((await serially(() => local.projectTaskWithNotices(now, events, notices))).remote) await deliverNotices(notices);
      return;
    }
    await (batched() ? serially(() => local.projectTask(now, events)) : projectTask(now, events));
  };

  // Since 'notices-stored-locally': the inbox rows are written beside the workflow task, and the
  // activity through the server (webhooks, mail) runs only when a recipient has one; each of its
  // completions cost a workflow task, often a replay from history for an evicted workflow.
  const deliver = async (notices: Notice[]) => {
    if (since('notices-stored-locally') && !(await serially(() => local.storeNoticesInInbox(notices))).remote) return;
    await deliverNotices(notices);
  };

  const ladder = escalationLadder(state, () => [...log, ...pending], pending, outbox, serially);
  const pace = paceMargin(state);

  setHandler(taskQuery, () => snapshot(state, Date.now()));
  setHandler(taskEventsQuery, () => [...log, ...pending]);
  setHandler(
    actUpdate,
    async (request) => {
      // Time-driven notices owed before this action come first (a worker that was down catches up here).
      sendDueReminders(state, pending, outbox);
      if (ladder.owns(request)) {
        const event = await ladder.act(request);
        await project();
        return event;
      }
      // Since 'unit-sign-off': a 承办人's submission or extension request waits for the unit's 负责人 (no older history has one).
      const draft = needsSignOff(request.actor, request.action.type) && since('unit-sign-off');
      const event = applyAction(state, request, Date.now(), { draft });
      pending.push(event);
      outbox.push(...actionNotices(state, event));
      await project();
      return event;
    },
    { validator: (request) => (ladder.owns(request) ? ladder.validate(request) : validateAction(state, request, Date.now())) },
  );
  // Recurring report obligations (定期报告): their own update, opened and reminded on the same loop.
  const reports = reportingHooks(state, pending, outbox, project);

  for (;;) {
    sendDueReminders(state, pending, outbox);
    reports.tick();
    await ladder.step();
    // A light can change with time alone (a deadline drawing near, or passing with no reminder set).
    const lightChanged = since('project-light-changes') && projectedLights !== lights();
    const stale = pace.take() || pending.length > 0 || projectedLights === null || lightChanged;
    if (batched()) {
      // One projection and one delivery, side by side: the fewest round trips through the server.
      await Promise.all([stale ? project() : null, outbox.length > 0 ? deliver(outbox.splice(0)) : null]);
    } else {
      if (stale) await project();
      while (outbox.length > 0) await deliverNotice(outbox.shift()!);
    }
    if (state.status === 'closed') break;
    if (workflowInfo().continueAsNewSuggested || reports.historyFull()) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof taskWorkflow>(state, pending, log);
    }
    const wake = earliest(earliest(nextWake(state, Date.now()), ladder.nextWake(Date.now())), reports.nextWake(Date.now()));
    await condition(() => pending.length > 0 || outbox.length > 0 || state.status === 'closed' || ladder.wants() || pace.wants(), wake === null ? undefined : Math.max(wake - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  return snapshot(state, Date.now());
}

/**
 * The same task workflow, started since every change behind a patch was in
 * force: it takes each from its start and records no patch marker (task/since.ts).
 */
export async function taskWorkflowV2(...args: Parameters<typeof taskWorkflow>): Promise<TaskSnapshot> {
  return taskWorkflow(...args);
}

function sendDueReminders(state: TaskState, pending: TaskEvent[], outbox: Notice[]): void {
  const now = Date.now();
  const at = new Date(now).toISOString();
  for (const a of state.assignments) {
    if (takeReceiptReminder(a, now)) {
      outbox.push(...receiptNotice(state, a, at));
      pending.push(recordEvent(state, { type: 'receiptReminder', at, actor: systemActor, bodyName: a.bodyName, comment: null, attachments: [], data: {} }));
    }
    const reminder = reminderDue(a, state.reminderDays, now);
    if (!reminder) continue;
    a.reminders.push(...reminder.settles);
    if (reminder.kind !== 'before') a.lastOverdueNoticeAt = at;
    outbox.push(...reminderNotices(state, a, reminder, at));
    pending.push(
      recordEvent(state, {
        type: reminder.kind === 'before' ? 'reminder' : reminder.kind,
        at,
        actor: systemActor,
        bodyName: a.bodyName,
        comment: null,
        attachments: [],
        data: { daysLeft: reminder.daysLeft },
      }),
    );
  }
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/** The next instant at which time alone changes something: a reminder (of the deadline or of receipt) or a light. */
function nextWake(state: TaskState, now: number): number | null {
  const times = state.assignments.flatMap((a) => [nextReminderAt(a, state.reminderDays, now), nextLightChange(a, now), nextReceiptReminderAt(a, now)]);
  const future = times.filter((t): t is number => t !== null);
  return future.length ? Math.min(...future) : null;
}
