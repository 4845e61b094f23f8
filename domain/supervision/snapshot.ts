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

export function snapshot(state: TaskState, now: number): TaskSnapshot {
  const owed = state.assignments.filter((a) => owing(a) && a.due).map((a) => a.due!);
  return {
    ...state,
    at: new Date(now).toISOString(),
    light: state.status === 'closed' ? 'done' : taskLight(state.assignments, now),
    due: owed.length ? owed.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null,
    // Once a task closes, what supports still owed no longer counts.
    assignments: state.assignments.map((a) => ({ ...a, light: state.status === 'closed' && owing(a) ? 'none' : assignmentLight(a, now) })),
  };
}
