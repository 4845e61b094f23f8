import { assignmentLight, owing, taskLight } from './lights.ts';
import type { Assignment, Light, TaskState } from './types.ts';

export interface AssignmentView extends Assignment {
  light: Light;
}

/** A task as the read model stores it: its state with the lights at one instant. */
export interface TaskSnapshot extends Omit<TaskState, 'assignments'> {
  at: string;
  light: Light;
  /** The earliest deadline still owed. */
  due: string | null;
  assignments: AssignmentView[];
}

/** A deadline in force, with the one it replaced when an approved extension moved it. */
export interface DeadlineInForce {
  due: string;
  extendedFrom: string | null;
}

type Owed = Pick<Assignment, 'status' | 'due' | 'originalDue' | 'bodyId'>;

/**
 * The deadline in force on a task: the earliest still owed among the viewer's body's own
 * assignments when it has any owed (a department), else among all of them (the task's own).
 */
export function deadlineInForce(assignments: readonly Owed[], bodyId: string | null = null): DeadlineInForce | null {
  const owed = assignments.filter((a) => owing(a) && a.due);
  const own = owed.filter((a) => bodyId !== null && a.bodyId === bodyId);
  const first = (own.length ? own : owed).reduce<Owed | null>((best, a) => (best && Date.parse(best.due!) <= Date.parse(a.due!) ? best : a), null);
  if (!first) return null;
  return { due: first.due!, extendedFrom: first.originalDue && Date.parse(first.originalDue) !== Date.parse(first.due!) ? first.originalDue : null };
}

export function snapshot(state: TaskState, now: number): TaskSnapshot {
  return {
    ...state,
    at: new Date(now).toISOString(),
    light: state.status === 'closed' ? 'done' : taskLight(state.assignments, now),
    due: deadlineInForce(state.assignments)?.due ?? null,
    // Once a task closes, what supports still owed no longer counts.
    assignments: state.assignments.map((a) => ({ ...a, light: state.status === 'closed' && owing(a) ? 'none' : assignmentLight(a, now) })),
  };
}
