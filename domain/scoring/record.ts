import { shanghaiYear } from '../evaluation/round.ts';
import { endOfShanghaiDay } from '../time/instants.ts';
import type { BodyRecord, Deliverable } from './score.ts';

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

/** A filing or report unit as the read model holds it (submittedAt: the first submission). */
export interface UnitRow {
  id: string;
  status: string;
  due: Date;
  submittedAt: Date | null;
}

/** The record and where each deliverable came from, so a deduction leads to its events. */
export interface ScoredRecord {
  record: BodyRecord;
  sources: { report: string | null; catalogue: string | null };
}

const inYear = (year: number) => (d: Date | null) => d !== null && shanghaiYear(d.getTime()) === year;

/** What was submitted by the scoring instant counts; anything later is not yet on the record. */
const by = (asOf: number) => (d: Date | null) => (d && d.getTime() <= asOf ? d.toISOString() : null);

/** A unit counts as submitted while its submission stands; returned work is owed again. */
function deliverable(unit: UnitRow | undefined, asOf: number): Deliverable | null {
  if (!unit) return null;
  const stands = unit.status === 'submitted' || unit.status === 'accepted';
  return { due: unit.due.toISOString(), submittedAt: stands ? by(asOf)(unit.submittedAt) : null };
}

/**
 * The adapter from the read model to the pure scoring record: the body's
 * assignments due in the year (Shanghai calendar; withdrawn and replaced ones
 * do not count), its self-evaluation report of the year, and the latest
 * catalogue filing due in the year, all as they stood at `asOf`.
 */
export function bodyRecord(bodyId: string, year: number, assignments: AssignmentRow[], reports: UnitRow[], filings: UnitRow[], asOf: number): ScoredRecord {
  const due = inYear(year);
  const counted = assignments.filter((a) => due(a.due) && a.status !== 'withdrawn' && a.status !== 'designated');
  const report = reports.filter((r) => due(r.due)).sort((a, b) => b.due.getTime() - a.due.getTime())[0];
  const filing = filings.filter((f) => due(f.due)).sort((a, b) => b.due.getTime() - a.due.getTime())[0];
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
      report: deliverable(report, asOf),
      catalogue: deliverable(filing, asOf),
    },
    sources: { report: report?.id ?? null, catalogue: filing?.id ?? null },
  };
}

/** A year is scored as of its last instant in Shanghai, or now if the year is not over. */
export const scoringInstant = (year: number, now: number) => Math.min(endOfShanghaiDay(`${year}-12-31`).getTime(), now);
