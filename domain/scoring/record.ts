import { shanghaiYear } from '../evaluation/round.ts';
import { endOfShanghaiDay } from '../time/instants.ts';
import type { BodyRecord, Deliverable, ScoredEscalation } from './score.ts';

/** An assignment as the read model holds it. */
export interface AssignmentRow {
  id: string;
  taskRef: string;
  role: string;
  status: string;
  due: Date | null;
  submittedAt: Date | null;
  returnCount: number;
}

/** A filing or report unit as the read model holds it (submittedAt: the first submission), with its round's title. */
export interface UnitRow {
  id: string;
  status: string;
  due: Date;
  submittedAt: Date | null;
  round?: string;
}

/** An `escalated` task event as the read model holds it, named by the assignment it concerns (taskId/bodyName). */
export interface EscalationRow {
  id: string;
  assignmentId: string;
  at: Date;
  action: string;
  points: number;
  slipNumber: string | null;
}

/** The record and where its deliverables came from (older sheets' deductions name "report"/"catalogue" and lead here). */
export interface ScoredRecord {
  record: BodyRecord;
  sources: { report: string | null; catalogue: string | null };
}

const inYear = (year: number) => (d: Date | null) => d !== null && shanghaiYear(d.getTime()) === year;

/** What was submitted by the scoring instant counts; anything later is not yet on the record. */
const by = (asOf: number) => (d: Date | null) => (d && d.getTime() <= asOf ? d.toISOString() : null);

/**
 * A unit judged as its round judges it (lateAndMissing): submitted while its
 * submission stands, late when first submitted after its deadline, missing
 * otherwise; returned work is owed again. A late submission counts as late
 * even after the scoring instant, so a score never calls missing what the
 * round lists as 逾期报送.
 */
function deliverable(unit: UnitRow | undefined): Deliverable | null {
  if (!unit) return null;
  const stands = unit.status === 'submitted' || unit.status === 'accepted';
  return { id: unit.id, ...(unit.round ? { round: unit.round } : {}), due: unit.due.toISOString(), submittedAt: stands && unit.submittedAt ? unit.submittedAt.toISOString() : null };
}

/**
 * The adapter from the read model to the pure scoring record: the body's
 * assignments due in the year (Shanghai calendar; withdrawn and replaced ones
 * do not count; a group's assignment counts for each member), its report in
 * the year's evaluation round, and its filing in every filing round whose
 * deadline falls in the year, and the escalations of the counted assignments
 * fired by `asOf`. Assignments are taken as they stood at `asOf`.
 */
export function bodyRecord(
  bodyId: string, year: number, assignments: AssignmentRow[], report: UnitRow | undefined, filings: UnitRow[], asOf: number, escalations: EscalationRow[] = [],
): ScoredRecord {
  const due = inYear(year);
  const counted = assignments.filter((a) => due(a.due) && a.status !== 'withdrawn' && a.status !== 'designated');
  const catalogues = [...filings].sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id));
  return {
    record: {
      bodyId,
      year,
      assignments: counted
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((a) => ({
          id: a.id, taskRef: a.taskRef, role: a.role === 'support' ? 'support' : 'lead', due: a.due!.toISOString(),
          submittedAt: by(asOf)(a.submittedAt), returnCount: a.returnCount,
        })),
      report: deliverable(report),
      catalogues: catalogues.map((f) => deliverable(f)!),
      escalations: scoredEscalations(counted, escalations, asOf),
    },
    sources: { report: report?.id ?? null, catalogue: catalogues.at(-1)?.id ?? null },
  };
}

function scoredEscalations(counted: AssignmentRow[], rows: EscalationRow[], asOf: number): ScoredEscalation[] {
  const ids = new Set(counted.map((a) => a.id));
  return rows
    .filter((e) => ids.has(e.assignmentId) && e.at.getTime() <= asOf)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
    .map((e) => ({ id: e.id, assignmentId: e.assignmentId, at: e.at.toISOString(), action: e.action, points: e.points, slipNumber: e.slipNumber }));
}

/** A year is scored as of its last instant in Shanghai, or now if the year is not over. */
export const scoringInstant = (year: number, now: number) => Math.min(endOfShanghaiDay(`${year}-12-31`).getTime(), now);
