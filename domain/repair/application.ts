import type { CreditRecord } from '../credit/classes.ts';
import { appendEvent, type CaseEvent, type CaseRequest } from '../credit/cases.ts';
import { recount, retimeCase, type RunningLimit } from '../credit/retime.ts';
import { systemActor, type Actor } from '../supervision/types.ts';
import { forbid, refuse } from '../errors.ts';
import { requireText } from '../limits.ts';
import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar, type WorkingDayTimes } from '../time/calendar.ts';
import { repairProblems, type RepairApplicationInput, type RepairPolicy } from './eligibility.ts';

export type RepairStatus = 'underReview' | 'approved' | 'refused';

export interface RepairState {
  applicationId: string;
  entityCode: string;
  record: CreditRecord;
  evidence: string[];
  commitment: string | null;
  statement: string;
  filedBy: { accountId: string | null; name: string; bodyId: string | null };
  filedAt: number;
  status: RepairStatus;
  reviewBy: number | null;
  decidedAt: number | null;
  overdue: boolean;
  policy: RepairPolicy;
  /** From when the filing calendar's days were provisional (weekends only): see WorkingDayTimes. */
  provisionalFrom: number | null;
  events: CaseEvent[];
}

/** What a repair workflow projects: its state without the timeline, with the reasons of a refusal. */
export type RepairSnapshot = Omit<RepairState, 'events'> & { seq: number; reasons: string | null };

export type RepairAction = { type: 'approve'; comment?: string } | { type: 'refuse'; reasons: string };
export type RepairRequest = CaseRequest<RepairAction>;

export interface NewRepairApplication extends RepairApplicationInput {
  applicationId: string;
  entityCode: string;
  record: CreditRecord;
  statement: string;
  filedBy: { accountId: string | null; name: string; bodyId: string | null };
  filedAt: number;
  policy: RepairPolicy;
  calendar: WorkingDayCalendar;
  /** Absent from applications filed before provisional deadlines were marked. */
  provisionalFrom?: number | null;
}

/**
 * A new application: checked against the rules at once. An ineligible one is
 * refused by rule with every reason; an eligible one goes to review with its time limit.
 */
export function fileRepair(input: NewRepairApplication): RepairState {
  const { calendar, provisionalFrom = null, ...rest } = input;
  const state: RepairState = { ...rest, provisionalFrom, status: 'underReview', reviewBy: null, decidedAt: null, overdue: false, events: [] };
  appendEvent(state.events, 'filed', input.filedAt, input.filedBy, input.statement || null, { recordId: input.record.id, evidence: input.evidence, commitment: input.commitment });
  const problems = repairProblems(input.record, input, input.filedAt, input.policy);
  if (problems.length > 0) {
    state.status = 'refused';
    state.decidedAt = input.filedAt;
    appendEvent(state.events, 'refused', input.filedAt, systemActor, problems.join('\n'), { byRule: true, policy: input.policy.version });
  } else {
    state.reviewBy = nthWorkingDayEnd(calendar, input.filedAt, input.policy.reviewWorkingDays);
    appendEvent(state.events, 'eligible', input.filedAt, systemActor, null, { reviewBy: new Date(state.reviewBy).toISOString(), policy: input.policy.version });
  }
  return state;
}

/** May this actor decide the application now? Throws the reason; the validator and `availableRepairActions` ask the same. */
export function checkRepairTaking(state: Pick<RepairState, 'status'>, actor: Actor): void {
  if (state.status !== 'underReview') refuse('该修复申请已办结。', 'This repair application is closed.');
  if (actor.role !== 'supervisor') forbid('只有信用主管部门（督办部门）可以审核修复申请。', 'Only the supervising office reviews repair applications.');
}

/** Every kind of action this actor may take on the application now (both or neither: approve and refuse share one rule). */
export function availableRepairActions(state: Pick<RepairState, 'status'>, actor: Actor): Array<RepairAction['type']> {
  try {
    checkRepairTaking(state, actor);
    return ['approve', 'refuse'];
  } catch {
    return [];
  }
}

/** The decisions whose reasons the validator requires; the console marks them so. */
export const repairTextRequired: ReadonlySet<RepairAction['type']> = new Set(['refuse']);

export function validateRepairAction(state: RepairState, { actor, action }: RepairRequest): void {
  checkRepairTaking(state, actor);
  if (action.type === 'refuse') requireText(action.reasons, '不予修复的理由', 'reasons for refusing');
}

export function applyRepairAction(state: RepairState, { actor, action }: RepairRequest, now: number): CaseEvent {
  state.decidedAt = now;
  if (action.type === 'approve') {
    state.status = 'approved';
    return appendEvent(state.events, 'approved', now, actor, action.comment?.trim() || null, { recordId: state.record.id });
  }
  state.status = 'refused';
  return appendEvent(state.events, 'refused', now, actor, action.reasons.trim());
}

/** Marks the review overdue once its time limit passes undecided. */
export function markRepairOverdue(state: RepairState, now: number): CaseEvent | null {
  if (state.status !== 'underReview' || state.overdue || state.reviewBy === null || now < state.reviewBy) return null;
  state.overdue = true;
  return appendEvent(state.events, 'overdue', now, systemActor, null, { deadline: new Date(state.reviewBy).toISOString() });
}

/** The review time limit while it runs, with the instant it counts from. */
function runningLimits(state: Pick<RepairState, 'status' | 'overdue' | 'reviewBy' | 'filedAt' | 'policy'>): RunningLimit[] {
  return state.status === 'underReview' && !state.overdue && state.reviewBy !== null
    ? [{ which: 'review', from: state.filedAt, workingDays: state.policy.reviewWorkingDays, deadline: state.reviewBy }]
    : [];
}

/** Is the running review limit counted over days of a year whose holiday arrangement is not entered yet? */
export const repairProvisional = (state: Pick<RepairState, 'status' | 'overdue' | 'reviewBy' | 'filedAt' | 'policy' | 'provisionalFrom'>) =>
  runningLimits(state).some((l) => isProvisional(l.deadline, state.provisionalFrom));

/** Checks that a new calendar reaches the review limit (the re-time update's validator). */
export function validateRepairRetime(state: RepairState, times: WorkingDayTimes): void {
  recount(runningLimits(state), times.calendar);
}

/** Counts the running review limit again on a new calendar (a year's arrangement entered); the event, or null when nothing changed. */
export function retimeRepair(state: RepairState, times: WorkingDayTimes, now: number): CaseEvent | null {
  return retimeCase(state, runningLimits(state), times, now, (_review, at) => {
    state.reviewBy = at;
  });
}
