import type { Enum, ResultOf } from '../graphql.ts';
import type { AssignmentFields, BodyFields, BodyRefFields, EventFields, LedgerFields, PlanDetail, PlanFields, TaskFields, TaskSummaryFields } from './fields.ts';

/** Records as the console reads them: the schema's types with the fields each page selects (fields.ts), derived, never restated. */
export type AssignmentStatus = Enum<'AssignmentStatus'>;

export type BodyRef = ResultOf<typeof BodyRefFields>;

export type BodyKind = Enum<'BodyKind'>;

export type BodyRecord = ResultOf<typeof BodyFields>;

export type TaskEvent = ResultOf<typeof EventFields>;

export type AssignmentRecord = ResultOf<typeof AssignmentFields>;

export type TaskSummary = ResultOf<typeof TaskSummaryFields>;

/** A ledger row: one body's part of a task, with the task it belongs to. */
export type LedgerRecord = ResultOf<typeof LedgerFields>;

/** A department's own assignment, with what the supervising office last said about it. */
export type MyAssignmentRecord = LedgerRecord & {
  lastReturn: TaskEvent | null;
  lastUrge: TaskEvent | null;
  lastExtensionDecision: TaskEvent | null;
};

/** A task as the list shows it; the show page adds its timeline. */
export type TaskRecord = ResultOf<typeof TaskFields> & { timeline?: TaskEvent[] };

type PlanSummary = ResultOf<typeof PlanFields>;
type PlanFull = ResultOf<typeof PlanDetail>;

export type RequirementRecord = PlanFull['requirements'][number];

/** A plan as the list shows it; the show page adds its requirements, its sections' tasks, its source text, parse warnings and registry. */
export type PlanRecord = Omit<PlanSummary, 'sections'> & {
  sections: Array<PlanSummary['sections'][number] & Partial<Pick<PlanFull['sections'][number], 'tasks'>>>;
  requirements?: PlanFull['requirements'];
  sourceText?: PlanFull['sourceText'];
  parseWarnings?: PlanFull['parseWarnings'];
  /** The registry its names were matched in when committed (null for plans from before registries). */
  registry?: PlanFull['registry'];
};
