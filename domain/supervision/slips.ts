import type { WorkingDayCalendar } from '../time/calendar.ts';
import { shanghaiDate } from '../time/instants.ts';
import type { LadderRung, RungAction } from './ladder.ts';
import { rungActionNames, slipNumber } from './ladder.ts';
import type { Notice } from './notices.ts';
import type { Assignment, TaskState } from './types.ts';

/** A plan's ladder as a task workflow holds it: the rungs, and working-day ends from `from` on the office's holiday calendar. */
export interface LadderInForce {
  rungs: LadderRung[];
  calendar: WorkingDayCalendar;
  from: number;
}

/** What a slip rung asks to be issued: one 督办单 per rung per assignment. */
export interface SlipRequest {
  planId: string;
  taskId: string;
  taskRef: string;
  taskTitle: string;
  bodyName: string;
  bodyId: string;
  rungId: string;
  level: 'yellow' | 'red';
  /** The deadline in force, and working days overdue at `at`. */
  due: string;
  daysOverdue: number;
  at: string;
}

export interface IssuedSlip {
  id: string;
  year: number;
  serial: number;
  /** The date (an instant, end of a Shanghai working day) the required action is due. */
  respondBy: string;
}

/**
 * What a task workflow's escalation needs outside itself: the plan's ladder (with
 * the calendar), a numbered 督办单 issued idempotently, and its acknowledgement
 * recorded. Implemented over the read model and the data directory (services/),
 * handed to the activities by the worker.
 */
export interface LadderPorts {
  ladder(planId: string, from: number): Promise<LadderInForce>;
  issueSlip(request: SlipRequest): Promise<IssuedSlip>;
  acknowledgeSlip(slipId: string, by: string, at: string): Promise<void>;
}

/** Working days a unit has to answer a 督办单 (the required action's due date). */
export const slipResponseWorkingDays = 3;

/** The slip's id: one per rung per assignment, so a retried issue finds the one already made. */
export const slipId = (taskId: string, bodyName: string, rungId: string) => `${taskId}/${bodyName}/${rungId}`;

const label = (state: TaskState) => `任务 ${state.ref}「${state.title}」`;

/** What an escalation tells the unit (and, for a red slip or 约谈, the supervising office). */
export function escalationNotices(state: TaskState, a: Assignment, action: RungAction, seq: number, days: number, slip: IssuedSlip | null): Notice[] {
  if (!a.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}#${seq}` };
  const due = a.due ? shanghaiDate(a.due) : '';
  if (action === 'urge') {
    return [{ ...base, kind: 'urge', audience: { kind: 'body', bodyId: a.bodyId }, subject: `【催办 Urged】${label(state)}`, body: `${a.bodyName}承办的${label(state)}期限 ${due}，已逾期 ${days} 个工作日，请尽快报送。\nOverdue by ${days} working day(s).` }];
  }
  if (action === 'interview') {
    const text = `${a.bodyName}承办的${label(state)}已逾期 ${days} 个工作日，列入约谈。\n${a.bodyName} is called to an interview (约谈) on this task, ${days} working day(s) overdue.`;
    return [
      { ...base, kind: 'interview', audience: { kind: 'body', bodyId: a.bodyId }, subject: `【约谈 Interview】${label(state)}`, body: text },
      { ...base, key: `${base.key}/supervisors`, kind: 'interview', audience: { kind: 'supervisors' }, subject: `【约谈 Interview】${a.bodyName} ${label(state)}`, body: text },
    ];
  }
  const number = slip ? slipNumber(slip.year, slip.serial) : '';
  const respondBy = slip ? shanghaiDate(slip.respondBy) : '';
  const body: Notice = {
    ...base, kind: 'slip', audience: { kind: 'body', bodyId: a.bodyId },
    subject: `【督办单 Supervision slip】${number} ${label(state)}`,
    body: `${a.bodyName}：${label(state)}期限 ${due}，已逾期 ${days} 个工作日。现发出${rungActionNames[action]}${number}，请于 ${respondBy} 前报送办理结果并说明逾期原因，并在督办系统中签收督办单。\nA ${action === 'redSlip' ? 'red' : 'yellow'} supervision slip ${number}: act by ${respondBy} and acknowledge it.`,
  };
  return action === 'redSlip' ? [body, { ...body, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }] : [body];
}
