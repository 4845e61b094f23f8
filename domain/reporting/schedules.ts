import { readRule } from './periods.ts';
import type { ReportSchedule } from './types.ts';

/** The schedules of a task: its own recurrence (leads), and each monthly or quarterly requirement's (the bodies it names). */
export function reportSchedules(taskRecurrence: string | null | undefined, requirements: Array<{ recurrence: string | null; appliesTo: string[] }>): ReportSchedule[] {
  const out: ReportSchedule[] = [];
  if (readRule(taskRecurrence)) out.push({ rule: taskRecurrence!, bodyNames: null });
  for (const r of requirements) {
    const rule = readRule(r.recurrence);
    // A yearly report is the evaluation round's (one process chases it), not an obligation of each task.
    if (rule && rule.kind !== 'year' && r.appliesTo.length) out.push({ rule: r.recurrence!, bodyNames: r.appliesTo });
  }
  return out;
}

