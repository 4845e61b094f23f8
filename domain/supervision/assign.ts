import type { BodyRegistry } from '../bodies/registry.ts';
import { reportSchedules } from '../reporting/schedules.ts';
import { dayMs } from '../time/instants.ts';
import type { Assignment, AssignmentRole, TaskState } from './types.ts';

/** What assigning needs from a parsed task and the plan's requirements. */
export interface PlannedTask {
  ref: string;
  text: string;
  leads: string[];
  supports: string[];
  /** The task's own deadline (ISO instant), before any requirement's. */
  due?: string | null;
  /** The task's own recurrence (每月, 每季度…), as the notice words it. */
  recurrence?: string | null;
}

export interface PlannedRequirement {
  text: string;
  due: string | null;
  recurrence: string | null;
  appliesTo: string[];
}

export interface AssignOptions {
  planId: string;
  taskId: string;
  registry: BodyRegistry;
  requirements: PlannedRequirement[];
  reminderDays: number[];
  /** Days every deadline moves (a rebased plan); 0 keeps the notice's own dates. */
  shiftDays: number;
  /** By when each body should acknowledge receipt (签收); none: no receipt reminder. */
  acknowledgeBy?: string | null;
  /** The pace rule's span start (the assignment instant) and margin; none: no pace rule. */
  pace?: { from: string; marginPoints: number } | null;
  /** Recurring reports are owed for periods due after this instant; none: from the assignment (the pace rule's start). */
  reportsFrom?: string | null;
}

/** An assignment as it starts: assigned, nothing submitted, its deadline as first set. */
export function newAssignment(
  fields: Pick<Assignment, 'bodyName' | 'bodyId' | 'role' | 'primary' | 'placeholder' | 'deliverable' | 'due'> & { origin?: string | null },
): Assignment {
  return {
    ...fields,
    blocking: false,
    status: 'assigned',
    originalDue: fields.due,
    submittedAt: null,
    acceptedAt: null,
    returnCount: 0,
    extension: null,
    reminders: [],
    lastOverdueNoticeAt: null,
  };
}

/** Words a requirement uses for "every lead body of every task". */
export const everyLead = /^(各|所有)?(牵头|责任)(部门|单位)/;

/** Whether a requirement names this body: every lead, the body itself, or a shortened form of its name. */
function appliesTo(requirement: PlannedRequirement, bodyName: string, role: AssignmentRole): boolean {
  return requirement.appliesTo.some(
    (name) => (role === 'lead' && everyLead.test(name)) || bodyName === name || bodyName.startsWith(name) || name.startsWith(bodyName),
  );
}

const shift = (iso: string, days: number) => new Date(Date.parse(iso) + days * dayMs).toISOString();

/** A short title: the task's first sentence, cut to a line. */
export function taskTitle(text: string): string {
  const first = text.split(/[。；;]/)[0] ?? text;
  return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/**
 * The initial state of a task workflow: one assignment per body (a group of
 * registered members gives each member its own, the group kept as its origin),
 * deadlines from the task's own or the plan's requirements that apply
 * (supports follow their leads).
 */
export function buildTaskState(task: PlannedTask, options: AssignOptions): TaskState {
  const dueFor = (bodyName: string, role: AssignmentRole) => {
    if (task.due && role === 'lead') return { due: shift(task.due, options.shiftDays), deliverable: null };
    const requirement = options.requirements
      .filter((r) => r.due && appliesTo(r, bodyName, role))
      .sort((a, b) => Date.parse(a.due!) - Date.parse(b.due!))[0];
    return { due: requirement ? shift(requirement.due!, options.shiftDays) : null, deliverable: requirement ? taskTitle(requirement.text) : null };
  };
  const make = (bodyName: string, role: AssignmentRole): Assignment[] => {
    const entry = options.registry.find(bodyName);
    const members = entry?.kind === 'group' ? options.registry.expand(entry.id) : [];
    const { due, deliverable } = dueFor(bodyName, role);
    if (members.length) {
      return members.map((member) =>
        newAssignment({ bodyName: member.shortName, bodyId: member.id, role, primary: false, placeholder: false, deliverable, due, origin: bodyName }),
      );
    }
    return [newAssignment({ bodyName, bodyId: entry?.id ?? null, role, primary: false, placeholder: entry?.kind === 'placeholder', deliverable, due })];
  };
  const unique = (list: Assignment[]) => list.filter((a, i) => list.findIndex((b) => b.bodyName === a.bodyName) === i);
  const leads = unique(task.leads.flatMap((name) => make(name, 'lead'))).map((a, i) => (i === 0 ? { ...a, primary: true } : a));
  const leadDues = leads.map((a) => a.due).filter((d): d is string => d !== null).sort();
  const supports = unique(task.supports.flatMap((name) => make(name, 'support')))
    .filter((a) => !leads.some((l) => l.bodyName === a.bodyName))
    .map((a) => (a.due || !leadDues[0] ? a : { ...a, due: leadDues[0], originalDue: leadDues[0], deliverable: leads[0]?.deliverable ?? null }));
  // Recurring reports (定期报告) start with the assignment; a task with no recurrence has none.
  const reportsFrom = options.reportsFrom ?? options.pace?.from ?? null;
  const schedules = reportsFrom ? reportSchedules(task.recurrence, options.requirements) : [];
  return {
    taskId: options.taskId,
    planId: options.planId,
    ref: task.ref,
    title: taskTitle(task.text),
    reminderDays: options.reminderDays,
    assignments: [...leads, ...supports].map((a) => ({
      ...a, acknowledgeBy: options.acknowledgeBy ?? null, acknowledgedAt: null, progressPercent: null, pace: options.pace ?? null,
    })),
    status: 'open',
    closedAt: null,
    seq: 0,
    ...(schedules.length ? { reporting: { from: reportsFrom!, schedules, obligations: [] } } : {}),
  };
}
