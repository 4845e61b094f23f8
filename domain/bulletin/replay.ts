import { assignmentLight, owing } from '../supervision/lights.ts';
import type { AssignmentRole, AssignmentStatus, Light } from '../supervision/types.ts';

/** An assignment as the read model holds its fixed parts: who, which role, and the deadline first set. */
export interface AssignmentRecord {
  id: string;
  bodyName: string;
  /** The unit the assignment counts for (its body id, or its name when not registered). */
  unit: string;
  role: AssignmentRole;
  placeholder: boolean;
  originalDue: string | null;
}

/** A recorded task event, as much of it as replay needs. */
export interface RecordedEvent {
  id: string;
  seq: number;
  type: string;
  at: string;
  bodyName: string | null;
  data: Record<string, unknown>;
}

export interface TaskRecord {
  id: string;
  ref: string;
  text: string;
  assignments: AssignmentRecord[];
  events: RecordedEvent[];
}

/** An assignment as it stood at an instant, with the events that made it so. */
export interface AssignmentAsOf extends AssignmentRecord {
  taskId: string;
  taskRef: string;
  status: AssignmentStatus;
  due: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  /** A support the reviewer requires before the task may close. */
  blocking: boolean;
  light: Light;
  /** Ids of the events up to the instant that concern this assignment. */
  eventIds: string[];
}

export interface TaskAsOf {
  id: string;
  ref: string;
  text: string;
  closed: boolean;
  assignments: AssignmentAsOf[];
}

/**
 * A task replayed from its events up to `asOf`: the workflow's own
 * transitions (transitions.ts) read back from what it recorded, so a bulletin
 * for a past period shows that period as it was, however the task went on.
 * Assignments the supervising office designated appear at their designation.
 */
export function taskAsOf(task: TaskRecord, asOf: number): TaskAsOf {
  const designated = new Set(task.events.flatMap((e) => (e.type === 'designate' ? ((e.data.bodies as string[] | undefined) ?? []) : [])));
  const start = (a: AssignmentRecord, due: string | null): AssignmentAsOf => ({
    ...a, taskId: task.id, taskRef: task.ref, status: 'assigned', due, submittedAt: null, acceptedAt: null, returnCount: 0, blocking: false, light: 'green', eventIds: [],
  });
  const live = task.assignments.filter((a) => !designated.has(a.bodyName)).map((a) => start(a, a.originalDue));
  const events = task.events.filter((e) => Date.parse(e.at) <= asOf).sort((a, b) => a.seq - b.seq);
  let closed = false;
  for (const e of events) {
    const a = live.find((x) => x.bodyName === e.bodyName);
    if (!a) continue;
    a.eventIds.push(e.id);
    switch (e.type) {
      case 'progress':
        a.status = 'in_progress';
        break;
      case 'submit':
        a.status = 'submitted';
        a.submittedAt = e.at;
        break;
      case 'accept':
        a.status = 'accepted';
        a.acceptedAt = e.at;
        break;
      case 'return':
        a.status = 'returned';
        a.returnCount += 1;
        a.submittedAt = null;
        break;
      case 'decideExtension':
        if (e.data.approve === true && typeof e.data.until === 'string') a.due = e.data.until;
        break;
      case 'withdraw':
        a.status = 'withdrawn';
        break;
      case 'setBlocking':
        a.blocking = e.data.blocking === true;
        break;
      case 'designate':
        a.status = 'designated';
        for (const name of (e.data.bodies as string[] | undefined) ?? []) {
          const record = task.assignments.find((r) => r.bodyName === name);
          if (record) live.push(start(record, a.due));
        }
        break;
      default:
        break;
    }
    closed ||= closes(live);
  }
  for (const a of live) a.light = closed && owing(a) ? 'none' : assignmentLight(a, asOf);
  return { id: task.id, ref: task.ref, text: task.text, closed, assignments: live };
}

/** The workflow's closing rule: every lead, and every support the reviewer requires, accepted. */
function closes(assignments: AssignmentAsOf[]): boolean {
  const deciding = assignments.filter((a) => (a.role === 'lead' || a.blocking) && a.status !== 'withdrawn' && a.status !== 'designated');
  return deciding.length > 0 && deciding.every((a) => a.status === 'accepted');
}
