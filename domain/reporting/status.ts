import type { ReportObligation } from './obligations.ts';

/** A cell of the compliance grid: accepted on time or late, filed and awaiting the office, missing (past due, not filed), or not yet due. */
export type ReportingStatus = 'onTime' | 'late' | 'missing' | 'notDue' | 'submitted';

export const reportingStatuses: readonly ReportingStatus[] = ['onTime', 'late', 'missing', 'notDue', 'submitted'];

/**
 * The one rule for a period report's standing: an accepted report is on time
 * when the report accepted was filed by the deadline, late otherwise; a filed one
 * awaits the office; one not filed (or returned) is missing once its deadline
 * has passed, not yet due before.
 */
export function reportingStatus(o: Pick<ReportObligation, 'status' | 'due' | 'submittedAt'>, now: number): ReportingStatus {
  if (o.status === 'accepted') return o.submittedAt !== null && Date.parse(o.submittedAt) <= Date.parse(o.due) ? 'onTime' : 'late';
  if (o.status === 'submitted') return 'submitted';
  return now > Date.parse(o.due) ? 'missing' : 'notDue';
}
