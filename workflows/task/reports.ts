import { defineUpdate, setHandler, workflowInfo } from '@temporalio/workflow';
import { since } from './since.ts';
import {
  applyReportAction, dueReportReminders, nextOpeningAt, nextReportReminderAt, openObligations, reportActionNotices, reportReminderNotices, settleReminder,
  validateReportAction, type ReportRequest,
} from '../../domain/reporting/obligations.ts';
import { refuse } from '../../domain/errors.ts';
import type { Notice } from '../../domain/supervision/notices.ts';
import { recordEvent } from '../../domain/supervision/transitions.ts';
import { systemActor, type TaskEvent, type TaskState } from '../../domain/supervision/types.ts';

/** File, accept, return or urge one period report (定期报告): validated synchronously, answered with the recorded event. */
export const reportActUpdate = defineUpdate<TaskEvent, [ReportRequest]>('reportAct');

/**
 * A task with recurring reports runs for years: past this many events a run
 * continues as new even when the server has not suggested it (well under the
 * 10,240 events at which Temporal starts warning).
 */
export const reportingHistoryLimit = 1000;

export interface ReportingHooks {
  /** Whether this run's history is long enough to continue as new. */
  historyFull: () => boolean;
  /** Opens the periods begun by now and sends the reminders owed; records their events. */
  tick: () => void;
  /** The next instant at which time alone changes a report obligation. */
  nextWake: (now: number) => number | null;
}

/**
 * Recurring report obligations inside the task workflow: one per period and
 * bound body, opened when its period begins, reminded before its deadline,
 * overdue at it and weekly after, until the body files and the office accepts.
 * The state lives on `TaskState.reporting`, so continue-as-new carries it.
 * Guarded by `since('report-obligations')`, asked only of a task that has
 * obligations: histories recorded before (or without any) replay unchanged.
 */
export function reportingHooks(state: TaskState, pending: TaskEvent[], outbox: Notice[], project: () => Promise<void>): ReportingHooks {
  // Asked once, from the workflow's own code (never from a validator, which must not record a marker).
  let enabled: boolean | null = null;
  const on = () => (enabled ??= Boolean(state.reporting) && since('report-obligations'));

  setHandler(
    reportActUpdate,
    async (request) => {
      tick();
      const event = recordEvent(state, applyReportAction(state, request, Date.now()));
      pending.push(event);
      outbox.push(...reportActionNotices(state, event));
      await project();
      return event;
    },
    {
      validator: (request) => {
        if (enabled !== true) refuse('该任务没有定期报告。', 'This task has no period reports.');
        validateReportAction(state, request);
      },
    },
  );

  function tick(): void {
    if (!on()) return;
    const reporting = state.reporting!;
    const now = Date.now();
    const at = new Date(now).toISOString();
    const opened = openObligations(state, reporting, now);
    // One event per period opened, naming its bodies.
    const byPeriod = new Map<string, typeof opened>();
    for (const o of opened) byPeriod.set(o.periodStart, [...(byPeriod.get(o.periodStart) ?? []), o]);
    for (const [periodStart, list] of byPeriod) {
      pending.push(recordEvent(state, {
        type: 'reportsOpened', at, actor: systemActor, bodyName: null, comment: null, attachments: [],
        data: { periodStart, periodEnd: list[0]!.periodEnd, due: list[0]!.due, bodies: list.map((o) => o.bodyName) },
      }));
    }
    for (const { obligation, reminder } of dueReportReminders(reporting, state.reminderDays, now)) {
      settleReminder(obligation, reminder, at);
      outbox.push(...reportReminderNotices(state, obligation, reminder, at));
      pending.push(recordEvent(state, {
        type: reminder.kind === 'before' ? 'reportReminder' : reminder.kind === 'overdue' ? 'reportOverdue' : 'reportWeekly',
        at, actor: systemActor, bodyName: obligation.bodyName, comment: null, attachments: [],
        data: { periodStart: obligation.periodStart, periodEnd: obligation.periodEnd, due: obligation.due, daysLeft: reminder.daysLeft },
      }));
    }
  }

  return {
    tick,
    historyFull: () => on() && workflowInfo().historyLength > reportingHistoryLimit,
    nextWake: (now) => {
      if (!on()) return null;
      const times = [nextOpeningAt(state, state.reporting!, now), nextReportReminderAt(state.reporting!, state.reminderDays, now)].filter((t): t is number => t !== null);
      return times.length ? Math.min(...times) : null;
    },
  };
}
