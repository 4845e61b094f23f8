import type { BodyRegistry } from '../bodies/registry.ts';
import { dayMs } from '../time/instants.ts';
import { buildTaskState, type PlannedRequirement, type PlannedTask } from './assign.ts';
import { defaultReminderDays } from './reminders.ts';
import type { TaskState } from './types.ts';

/** The parts of a parsed notice that planning uses (the importer's contract). */
export interface NoticePlan {
  issuedOn: string | null;
  tasks: Array<PlannedTask & { section: string }>;
  requirements: PlannedRequirement[];
}

export type Timeline = 'historic' | 'rebased';

export interface PlanLayout {
  shiftDays: number;
  sections: Array<{ ordinal: number; title: string }>;
  tasks: Array<{ ref: string; sectionOrdinal: number; text: string; state: TaskState }>;
}

/** Days from the notice's date to the import day: what a rebased plan shifts by. */
export function rebaseShift(issuedOn: string | null, importedOn: string): number {
  if (!issuedOn) return 0;
  return Math.round((Date.parse(`${importedOn}T00:00:00Z`) - Date.parse(`${issuedOn}T00:00:00Z`)) / dayMs);
}

/**
 * Lays a parsed notice out as sections and task workflow states. A historic
 * plan keeps the notice's deadlines (already past ones are overdue at once);
 * a rebased one moves every date so the notice is dated on the import day.
 */
export function layOutPlan(
  notice: NoticePlan,
  options: {
    planId: string;
    timeline: Timeline;
    importedOn: string;
    reminderDays?: number[];
    acknowledgeBy?: string | null;
    pace?: { from: string; marginPoints: number } | null;
    reportsFrom?: string | null;
    registry: BodyRegistry;
    taskId: (ref: string) => string;
  },
): PlanLayout {
  const shiftDays = options.timeline === 'rebased' ? rebaseShift(notice.issuedOn, options.importedOn) : 0;
  const sections: PlanLayout['sections'] = [];
  const tasks = notice.tasks.map((task) => {
    // A ref is "<section ordinal>.<task number>"; a single-level notice has one section.
    const ordinal = task.ref.includes('.') ? Number(task.ref.split('.')[0]) : 1;
    let section = sections.find((s) => s.ordinal === ordinal);
    if (!section) {
      section = { ordinal, title: task.section };
      sections.push(section);
    }
    const state = buildTaskState(task, {
      planId: options.planId,
      taskId: options.taskId(task.ref),
      registry: options.registry,
      requirements: notice.requirements,
      reminderDays: options.reminderDays ?? defaultReminderDays,
      acknowledgeBy: options.acknowledgeBy,
      pace: options.pace,
      reportsFrom: options.reportsFrom,
      shiftDays,
    });
    return { ref: task.ref, sectionOrdinal: section.ordinal, text: task.text, state };
  });
  return { shiftDays, sections, tasks };
}
