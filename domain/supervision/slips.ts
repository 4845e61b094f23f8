import type { WorkingDayCalendar } from '../time/calendar.ts';
import { shanghaiDate } from '../time/instants.ts';
import type { LadderRung, RungAction } from './ladder.ts';
import { rungActionNames, slipNumber } from './ladder.ts';
import { taskLabel, type Notice } from './notices.ts';
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
  /** Several slips of one task issued at one instant, in order, sharing their reads. */
  issueSlips(requests: SlipRequest[]): Promise<IssuedSlip[]>;
  acknowledgeSlip(slipId: string, by: string, at: string): Promise<void>;
}

/** Working days a unit has to answer a 督办单 (the required action's due date). */
export const slipResponseWorkingDays = 3;

/** The slip's id: one per rung per assignment, so a retried issue finds the one already made. */
export const slipId = (taskId: string, bodyName: string, rungId: string) => `${taskId}/${bodyName}/${rungId}`;

/** What an escalation tells the unit (and, for a red slip or 约谈, the supervising office). */
export function escalationNotices(state: TaskState, a: Assignment, action: RungAction, seq: number, days: number, slip: IssuedSlip | null): Notice[] {
  if (!a.bodyId) return [];
  const base = { taskId: state.taskId, key: `${state.taskId}#${seq}` };
  const task = taskLabel(state);
  const due = a.due ? shanghaiDate(a.due) : '';
  const workingDays = `${days} working day${days === 1 ? '' : 's'}`;
  if (action === 'urge') {
    return [{
      ...base, kind: 'urge', audience: { kind: 'body', bodyId: a.bodyId },
      zh: { title: `【催办】${task.zh}`, text: `${a.bodyName}承办的${task.zh}期限 ${due}，已逾期 ${days} 个工作日，请尽快报送。` },
      en: { title: `Urged: ${task.en}`, text: `${a.bodyName}: ${task.en}, due ${due}, is overdue by ${workingDays}. Report it as soon as possible.` },
    }];
  }
  if (action === 'interview') {
    const zhText = `${a.bodyName}承办的${task.zh}已逾期 ${days} 个工作日，列入约谈。`;
    const enText = `${a.bodyName} is called to an interview on ${task.en}, overdue by ${workingDays}.`;
    return [
      { ...base, kind: 'interview', audience: { kind: 'body', bodyId: a.bodyId }, zh: { title: `【约谈】${task.zh}`, text: zhText }, en: { title: `Interview: ${task.en}`, text: enText } },
      {
        ...base, key: `${base.key}/supervisors`, kind: 'interview', audience: { kind: 'supervisors' },
        zh: { title: `【约谈】${a.bodyName} ${task.zh}`, text: zhText }, en: { title: `Interview: “${a.bodyName}”, ${task.en}`, text: enText },
      },
    ];
  }
  const number = slip ? slipNumber(slip.year, slip.serial) : '';
  // The number is the printed document's own (督办〔年〕n号): English quotes it as written, as it quotes a task's title.
  const quoted = `“${number}”`;
  const respondBy = slip ? shanghaiDate(slip.respondBy) : '';
  const colour = action === 'redSlip' ? 'red' : 'yellow';
  const body: Notice = {
    ...base, kind: 'slip', audience: { kind: 'body', bodyId: a.bodyId },
    zh: {
      title: `【督办单】${number} ${task.zh}`,
      text: `${a.bodyName}：${task.zh}期限 ${due}，已逾期 ${days} 个工作日。现发出${rungActionNames[action]}${number}，请于 ${respondBy} 前报送办理结果并说明逾期原因，并在督办系统中签收督办单。`,
    },
    en: {
      title: `Supervision slip ${quoted}: ${task.en}`,
      text: `${a.bodyName}: ${task.en}, due ${due}, is overdue by ${workingDays}. A ${colour} supervision slip ${quoted} is issued: report the result and the reasons for the delay by ${respondBy}, and acknowledge the slip in Duban.`,
    },
  };
  return action === 'redSlip' ? [body, { ...body, key: `${base.key}/supervisors`, audience: { kind: 'supervisors' } }] : [body];
}
