import { defineSignal, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { refuse } from '../../domain/errors.ts';
import type { ActionRequest } from '../../domain/supervision/actions.ts';
import { checkHandRung, dueRungs, firedKey, hasFired, nextRungAt, slipLevel, slipNumber, workingDaysOverdue, type LadderRung } from '../../domain/supervision/ladder.ts';
import type { Notice } from '../../domain/supervision/notices.ts';
import { escalationNotices, type IssuedSlip, type LadderInForce, type SlipRequest } from '../../domain/supervision/slips.ts';
import { checkTaking, recordEvent } from '../../domain/supervision/transitions.ts';
import { systemActor, type Actor, type Assignment, type TaskEvent, type TaskState } from '../../domain/supervision/types.ts';
import { since } from './since.ts';

/** Sent by setEscalationLadder to a plan's open task workflows: fetch the ladder again (edits apply to rungs not yet fired). */
export const ladderChangedSignal = defineSignal('ladderChanged');

const retry = { initialInterval: '1 second', maximumInterval: '1 minute' };
const activities = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });
// Reading the ladder is one small query on the worker's own connection: beside the workflow task, as projections are.
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

const ownTypes = new Set(['escalate', 'acknowledgeSlip']);

/**
 * Issuing a slip is a few queries on the worker's own connection now that its .docx is
 * rendered on download: since 'slips-issued-locally' a local activity, one at a time with
 * the task's others, instead of a round trip through the server (an activity task and a
 * workflow task) for each slip of an import's every overdue assignment.
 */
const issuer = (serially: <T>(run: () => Promise<T>) => Promise<T>) => (request: SlipRequest): Promise<IssuedSlip> =>
  since('slips-issued-locally') ? serially(() => local.issueSupervisionSlip(request)) : activities.issueSupervisionSlip(request);

/** 督办单 sent to a body and not yet acknowledged, from the task's events. */
function pendingSlips(events: readonly TaskEvent[], bodyName: string): string[] {
  const issued = events.filter((e) => e.bodyName === bodyName && e.type === 'escalated' && typeof e.data.slipId === 'string').map((e) => e.data.slipId as string);
  const acknowledged = new Set(events.filter((e) => e.type === 'slipAcknowledged').map((e) => e.data.slipId));
  return issued.filter((id) => !acknowledged.has(id));
}

/**
 * The escalation ladder inside a task workflow (since 'escalation-ladder'): holds
 * the plan's ladder, fetched through an activity when the workflow starts and
 * again on `ladderChanged` (a signal, so an edit that brings a rung earlier
 * wakes the workflow at the new instant rather than at the old one), fires each
 * due rung once per assignment (recorded on the assignment's `reminders`, so
 * continue-as-new and replays keep it), and takes the two actions of its own:
 * `escalate` (a rung by hand) and `acknowledgeSlip`.
 */
export function escalationLadder(state: TaskState, events: () => TaskEvent[], pending: TaskEvent[], outbox: Notice[], serially: <T>(run: () => Promise<T>) => Promise<T>) {
  const issueSlip = issuer(serially);
  let ladder: LadderInForce | null = null;
  let stale = true;
  let seenSeq = -1;
  setHandler(ladderChangedSignal, () => {
    stale = true;
  });

  const assignmentOf = (bodyName: string) => state.assignments.find((a) => a.bodyName === bodyName);
  const climbingDues = () => state.assignments.filter((a) => a.due && a.bodyId && !a.placeholder).map((a) => Date.parse(a.due!));

  async function refresh(): Promise<LadderInForce> {
    const dues = climbingDues();
    // The calendar must start before the earliest deadline it counts from.
    if (stale || !ladder || dues.some((d) => d < ladder!.from)) {
      const from = dues.length ? Math.min(...dues) : Date.now();
      stale = false;
      ladder = await serially(() => local.escalationLadder(state.planId, from));
    }
    return ladder;
  }

  /** Working days the assignment is late at `now`: counted once per firing, for its slip and its event. */
  const lateBy = (a: Assignment, now: number) => workingDaysOverdue(ladder!.calendar, a.due!, now);

  /** What a slip rung issues to the assignment now (null for a rung without a slip). */
  function slipRequest(a: Assignment, rung: LadderRung, now: number, days: number): SlipRequest | null {
    const level = slipLevel(rung.action);
    return level && {
      planId: state.planId, taskId: state.taskId, taskRef: state.ref, taskTitle: state.title, bodyName: a.bodyName, bodyId: a.bodyId!,
      rungId: rung.id, level, due: a.due!, daysOverdue: days, at: new Date(now).toISOString(),
    };
  }

  /** Records the rung as fired, with its slip if it issued one, and queues its notices. */
  function record(a: Assignment, rung: LadderRung, actor: Actor | null, comment: string | null, now: number, days: number, slip: IssuedSlip | null): TaskEvent {
    const level = slipLevel(rung.action);
    const event = recordEvent(state, {
      type: 'escalated', at: new Date(now).toISOString(), actor: actor ? { accountId: actor.accountId, name: actor.name } : systemActor, bodyName: a.bodyName, comment, attachments: [],
      data: {
        rungId: rung.id, action: rung.action, trigger: rung.trigger, points: rung.points, daysOverdue: days, byHand: actor !== null,
        ...(slip && level ? { slipId: slip.id, slipNumber: slipNumber(slip.year, slip.serial), level, respondBy: slip.respondBy } : {}),
      },
    });
    pending.push(event);
    outbox.push(...escalationNotices(state, a, rung.action, event.seq, days, slip));
    return event;
  }

  async function fire(a: Assignment, rung: LadderRung, actor: Actor | null, comment: string | null): Promise<TaskEvent> {
    a.reminders.push(firedKey(rung.id));
    const now = Date.now();
    const days = lateBy(a, now);
    const request = slipRequest(a, rung, now, days);
    return record(a, rung, actor, comment, now, days, request ? await issueSlip(request) : null);
  }

  /**
   * Since 'slips-issued-in-batch': the rungs due at one instant (an import's past-due backlog
   * is several per assignment) issue their slips in one local activity that shares its reads.
   */
  async function fireAll(due: Array<{ a: Assignment; rung: LadderRung }>): Promise<void> {
    const now = Date.now();
    for (const { a, rung } of due) a.reminders.push(firedKey(rung.id));
    const days = due.map(({ a }) => lateBy(a, now));
    const requests = due.map(({ a, rung }, i) => slipRequest(a, rung, now, days[i]!));
    const wanted = requests.filter((r): r is SlipRequest => r !== null);
    const issued = wanted.length ? await serially(() => local.issueSupervisionSlips(wanted)) : [];
    let next = 0;
    due.forEach(({ a, rung }, i) => record(a, rung, null, null, now, days[i]!, requests[i] ? issued[next++]! : null));
  }

  return {
    owns: (request: ActionRequest) => ownTypes.has(request.action.type),

    validate({ actor, action }: ActionRequest): void {
      const a = assignmentOf(action.bodyName);
      if (!a) refuse(`该任务没有"${action.bodyName}"的分工。`, `No assignment for "${action.bodyName}" in this task.`);
      const slips = pendingSlips(events(), a!.bodyName);
      checkTaking(state.status, { ...a!, extensionPending: a!.extension !== null, acknowledged: Boolean(a!.acknowledgedAt), slipPending: slips.length > 0 }, actor, action.type);
      if (action.type === 'escalate') {
        if (!ladder) refuse('升级规则尚未载入，请稍后再试。', 'The ladder is not loaded yet: try again shortly.');
        checkHandRung(a!, ladder!.rungs, action.rungId);
      }
      if (action.type === 'acknowledgeSlip' && !slips.includes(action.slipId)) refuse('该督办单不存在或已签收。', 'No such supervision slip, or it is already acknowledged.');
    },

    async act({ actor, action }: ActionRequest): Promise<TaskEvent> {
      const a = assignmentOf(action.bodyName)!;
      const comment = 'comment' in action ? (action.comment ?? null) : null;
      if (action.type === 'escalate') {
        const rung = ladder!.rungs.find((r) => r.id === action.rungId)!;
        // The rung fell due by time while this update waited: it fired once, by the ladder.
        if (hasFired(a, rung.id)) return events().findLast((e) => e.type === 'escalated' && e.bodyName === a.bodyName && e.data.rungId === rung.id)!;
        return fire(a, rung, actor, comment);
      }
      if (action.type !== 'acknowledgeSlip') throw new TypeError(action.type);
      const at = new Date(Date.now()).toISOString();
      if (!a.acknowledgedAt) a.acknowledgedAt = at;
      await activities.acknowledgeSupervisionSlip(action.slipId, actor.name, at);
      const issued = events().find((e) => e.type === 'escalated' && e.data.slipId === action.slipId);
      const event = recordEvent(state, {
        type: 'slipAcknowledged', at, actor: { accountId: actor.accountId, name: actor.name }, bodyName: a.bodyName, comment, attachments: [],
        data: { slipId: action.slipId, slipNumber: issued?.data.slipNumber ?? null },
      });
      pending.push(event);
      return event;
    },

    /** Fires every rung due now (by working days overdue, or by urges left unanswered), each once. */
    async step(): Promise<void> {
      if (!since('escalation-ladder') || state.status === 'closed') return;
      seenSeq = state.seq;
      const { rungs, calendar } = await refresh();
      if (since('slips-issued-in-batch')) {
        const due = state.assignments.flatMap((a) => dueRungs(a, rungs, calendar, events(), Date.now()).map((rung) => ({ a, rung })));
        if (due.length) await fireAll(due);
        return;
      }
      for (const a of state.assignments) {
        for (const rung of dueRungs(a, rungs, calendar, events(), Date.now())) await fire(a, rung, null, null);
      }
    },

    /** Something the ladder must look at now: an edit, or an event (an urge may trigger a rung). */
    wants: () => ladder !== null && (stale || state.seq !== seenSeq),

    nextWake(now: number): number | null {
      if (!ladder) return null;
      const times = state.assignments.map((a) => nextRungAt(a, ladder!.rungs, ladder!.calendar, now)).filter((t): t is number => t !== null);
      return times.length ? Math.min(...times) : null;
    },
  };
}
