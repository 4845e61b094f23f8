import { appendEvent, type CaseEvent, type CaseRequest } from '../credit/cases.ts';
import { recount, retimeCase, type RunningLimit } from '../credit/retime.ts';
import { systemActor, type Actor } from '../supervision/types.ts';
import { forbid, refuse } from '../errors.ts';
import { requireText } from '../limits.ts';
import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar, type WorkingDayTimes } from '../time/calendar.ts';

/** Time limits of an objection, in working days (configuration). */
export interface ObjectionLimits {
  /** From filing to the decision to accept or refuse the case. */
  acceptanceWorkingDays: number;
  /** From acceptance to the decision (uphold or correct). */
  verificationWorkingDays: number;
  /** The providing body's own time to check its record, from the request. */
  providerWorkingDays: number;
}

export const defaultObjectionLimits: ObjectionLimits = { acceptanceWorkingDays: 5, verificationWorkingDays: 20, providerWorkingDays: 10 };

export type ObjectionStatus = 'filed' | 'verifying' | 'awaitingProvider' | 'refused' | 'upheld' | 'corrected';

/** How a record is corrected: annulled, or its fine amended. */
export type RecordCorrection = { annul: true } | { amountYuan: number };

export interface ObjectionState {
  caseId: string;
  entityCode: string;
  /** The record objected to; null when the objection is to the class itself. */
  recordId: string | null;
  /** The body that provided the record, which may be asked to check it. */
  providerBodyId: string | null;
  reasons: string;
  evidence: string[];
  filedBy: { accountId: string | null; name: string; bodyId: string | null };
  status: ObjectionStatus;
  filedAt: number;
  acceptBy: number;
  acceptedAt: number | null;
  verifyBy: number | null;
  provider: { askedAt: number; replyBy: number; question: string; repliedAt: number | null; confirmed: boolean | null } | null;
  decidedAt: number | null;
  correction: RecordCorrection | null;
  /** Time limits that passed with the step undone: acceptance | verification | provider. */
  overdue: string[];
  limits: ObjectionLimits;
  calendar: WorkingDayCalendar;
  /** From when the calendar's days are provisional (weekends only): see WorkingDayTimes. */
  provisionalFrom: number | null;
  events: CaseEvent[];
}

/** What an objection workflow projects: its state without the calendar and timeline. */
export type ObjectionSnapshot = Omit<ObjectionState, 'calendar' | 'events'> & { seq: number };

export type ObjectionAction =
  | { type: 'accept'; comment?: string }
  | { type: 'refuse'; reasons: string }
  | { type: 'askProvider'; question: string }
  | { type: 'providerReply'; confirmed: boolean; reply: string }
  | { type: 'uphold'; reasons: string }
  | { type: 'correct'; reasons: string; correction: RecordCorrection };

export type ObjectionRequest = CaseRequest<ObjectionAction>;

export interface NewObjection {
  caseId: string;
  entityCode: string;
  recordId: string | null;
  providerBodyId: string | null;
  reasons: string;
  evidence: string[];
  filedBy: { accountId: string | null; name: string; bodyId: string | null };
  filedAt: number;
  limits: ObjectionLimits;
  calendar: WorkingDayCalendar;
  /** Absent from cases filed before provisional deadlines were marked. */
  provisionalFrom?: number | null;
}

/** A newly filed case: the acceptance deadline is set from the filing instant. */
export function fileObjection(input: NewObjection): ObjectionState {
  const reasons = requireText(input.reasons, '异议理由', 'reasons for the objection');
  const state: ObjectionState = {
    ...input,
    provisionalFrom: input.provisionalFrom ?? null,
    reasons,
    status: 'filed',
    acceptBy: nthWorkingDayEnd(input.calendar, input.filedAt, input.limits.acceptanceWorkingDays),
    acceptedAt: null,
    verifyBy: null,
    provider: null,
    decidedAt: null,
    correction: null,
    overdue: [],
    events: [],
  };
  appendEvent(state.events, 'filed', input.filedAt, input.filedBy, reasons, { evidence: input.evidence, recordId: input.recordId });
  return state;
}

export const objectionClosed = (s: Pick<ObjectionState, 'status'>) => s.status === 'refused' || s.status === 'upheld' || s.status === 'corrected';

const allowedFrom: Record<ObjectionAction['type'], ObjectionStatus[]> = {
  accept: ['filed'],
  refuse: ['filed'],
  askProvider: ['verifying'],
  providerReply: ['awaitingProvider'],
  uphold: ['verifying', 'awaitingProvider'],
  correct: ['verifying', 'awaitingProvider'],
};

const statusNames: Record<ObjectionStatus, string> = {
  filed: '待受理 awaiting acceptance',
  verifying: '核查中 under verification',
  awaitingProvider: '待提供单位核实 awaiting the providing body',
  refused: '不予受理 refused',
  upheld: '维持 upheld',
  corrected: '已更正 corrected',
};

/** The steps whose text (reasons, question or reply) the validator requires; the console marks it so. */
export const objectionTextRequired: ReadonlySet<ObjectionAction['type']> = new Set(['refuse', 'askProvider', 'providerReply', 'uphold', 'correct']);

type Standing = Pick<ObjectionState, 'status' | 'providerBodyId'>;
const objectionActionTypes = Object.keys(allowedFrom) as Array<ObjectionAction['type']>;

/**
 * May this actor take this kind of action on the case now? Throws the reason;
 * the Update validator and `availableObjectionActions` ask the same question.
 */
export function checkObjectionTaking(state: Standing, actor: Actor, type: ObjectionAction['type']): void {
  if (objectionClosed(state)) refuse(`异议已办结（${statusNames[state.status]}）。`, 'This objection case is closed.');
  if (!allowedFrom[type].includes(state.status)) {
    refuse(`异议当前${statusNames[state.status]}，不能执行此操作。`, `The case is ${statusNames[state.status].split(' ').slice(1).join(' ')}: that action is not possible now.`);
  }
  if (type === 'providerReply') {
    if (!(actor.role === 'supervisor' || (actor.role === 'department' && actor.bodyId === state.providerBodyId))) {
      forbid('只有提供该记录的单位可以答复核实。', 'Only the body that provided the record replies to the check.');
    }
    return;
  }
  if (actor.role !== 'supervisor') forbid('只有信用主管部门（督办部门）可以审查异议。', 'Only the supervising office reviews objections.');
  if (type === 'askProvider' && !state.providerBodyId) refuse('该记录没有登记提供单位。', 'The record has no providing body to ask.');
}

/** Every kind of action this actor may take on the case now, by the validator's own rule. */
export function availableObjectionActions(state: Standing, actor: Actor): Array<ObjectionAction['type']> {
  return objectionActionTypes.filter((type) => {
    try {
      checkObjectionTaking(state, actor, type);
      return true;
    } catch {
      return false;
    }
  });
}

/** Checks an action against the case as it stands; throws ActionRefused (the Update validator). */
export function validateObjectionAction(state: ObjectionState, { actor, action }: ObjectionRequest, now: number): void {
  checkObjectionTaking(state, actor, action.type);
  if (action.type === 'providerReply') {
    requireText(action.reply, '核实意见', 'reply');
    return;
  }
  switch (action.type) {
    case 'refuse':
      requireText(action.reasons, '不予受理的理由', 'reasons for refusing');
      break;
    case 'uphold':
      requireText(action.reasons, '维持的理由', 'reasons for upholding the record');
      break;
    case 'askProvider':
      requireText(action.question, '请求核实的事项', 'question for the providing body');
      nthWorkingDayEnd(state.calendar, now, state.limits.providerWorkingDays);
      break;
    case 'correct': {
      requireText(action.reasons, '更正的理由', 'reasons for the correction');
      const c = action.correction;
      if (!state.recordId && !('annul' in c && c.annul)) {
        refuse('对信用等级的异议只能以撤销记录或重新评定的方式更正。', 'An objection to the class is corrected by reclassifying: give annul.');
      }
      if ('amountYuan' in c && (!Number.isFinite(c.amountYuan) || c.amountYuan < 0)) refuse('更正后的罚款金额应为非负数。', 'The corrected fine must be a non-negative amount.');
      break;
    }
    case 'accept':
      nthWorkingDayEnd(state.calendar, now, state.limits.verificationWorkingDays);
      break;
  }
}

/** Applies a validated action and returns the event it records. */
export function applyObjectionAction(state: ObjectionState, { actor, action }: ObjectionRequest, now: number): CaseEvent {
  switch (action.type) {
    case 'accept':
      state.status = 'verifying';
      state.acceptedAt = now;
      state.verifyBy = nthWorkingDayEnd(state.calendar, now, state.limits.verificationWorkingDays);
      return appendEvent(state.events, 'accepted', now, actor, action.comment?.trim() || null, { verifyBy: new Date(state.verifyBy).toISOString() });
    case 'refuse':
      state.status = 'refused';
      state.decidedAt = now;
      return appendEvent(state.events, 'refused', now, actor, action.reasons.trim());
    case 'askProvider': {
      state.status = 'awaitingProvider';
      const replyBy = nthWorkingDayEnd(state.calendar, now, state.limits.providerWorkingDays);
      state.provider = { askedAt: now, replyBy, question: action.question.trim(), repliedAt: null, confirmed: null };
      return appendEvent(state.events, 'providerAsked', now, actor, state.provider.question, { providerBodyId: state.providerBodyId, replyBy: new Date(replyBy).toISOString() });
    }
    case 'providerReply':
      state.status = 'verifying';
      state.provider = { ...state.provider!, repliedAt: now, confirmed: action.confirmed };
      return appendEvent(state.events, 'providerReplied', now, actor, action.reply.trim(), { confirmed: action.confirmed });
    case 'uphold':
      state.status = 'upheld';
      state.decidedAt = now;
      return appendEvent(state.events, 'upheld', now, actor, action.reasons.trim());
    case 'correct':
      state.status = 'corrected';
      state.decidedAt = now;
      state.correction = action.correction;
      return appendEvent(state.events, 'corrected', now, actor, action.reasons.trim(), { correction: action.correction });
  }
}

type TimedCase = Pick<ObjectionState, 'status' | 'filedAt' | 'acceptBy' | 'acceptedAt' | 'verifyBy' | 'provider' | 'overdue' | 'limits' | 'provisionalFrom'>;

/** The time limits still running, each with the instant it counts from. */
function runningLimits(state: TimedCase): RunningLimit[] {
  const limits: RunningLimit[] = [];
  const { acceptanceWorkingDays, verificationWorkingDays, providerWorkingDays } = state.limits;
  if (state.status === 'filed') limits.push({ which: 'acceptance', from: state.filedAt, workingDays: acceptanceWorkingDays, deadline: state.acceptBy });
  if ((state.status === 'verifying' || state.status === 'awaitingProvider') && state.verifyBy !== null) {
    limits.push({ which: 'verification', from: state.acceptedAt!, workingDays: verificationWorkingDays, deadline: state.verifyBy });
  }
  if (state.status === 'awaitingProvider' && state.provider) limits.push({ which: 'provider', from: state.provider.askedAt, workingDays: providerWorkingDays, deadline: state.provider.replyBy });
  return limits.filter((l) => !state.overdue.includes(l.which));
}

/** Does a running time limit count days of a year whose holiday arrangement is not entered yet? */
export const objectionProvisional = (state: TimedCase) => runningLimits(state).some((l) => isProvisional(l.deadline, state.provisionalFrom));

/** Checks that a new calendar reaches the running limits (the re-time update's validator). */
export function validateObjectionRetime(state: ObjectionState, times: WorkingDayTimes): void {
  recount(runningLimits(state), times.calendar);
}

/**
 * Takes a new calendar (a year's arrangement entered): the running limits are
 * counted again from their instants, later steps count on it. Returns the
 * event, or null when nothing the case shows changed.
 */
export function retimeObjection(state: ObjectionState, times: WorkingDayTimes, now: number): CaseEvent | null {
  const event = retimeCase(state, runningLimits(state), times, now, (l, at) => {
    if (l.which === 'acceptance') state.acceptBy = at;
    if (l.which === 'verification') state.verifyBy = at;
    if (l.which === 'provider') state.provider = { ...state.provider!, replyBy: at };
  });
  state.calendar = times.calendar;
  return event;
}

/** The next instant at which a time limit passes, or null. */
export function nextObjectionDeadline(state: ObjectionState): number | null {
  const times = runningLimits(state).map((l) => l.deadline);
  return times.length ? Math.min(...times) : null;
}

/** Marks the time limits passed by `now` as overdue and returns their events (each once). */
export function markObjectionOverdue(state: ObjectionState, now: number): CaseEvent[] {
  return runningLimits(state)
    .filter((l) => l.deadline <= now)
    .map((l) => {
      state.overdue.push(l.which);
      return appendEvent(state.events, 'overdue', now, systemActor, null, { limit: l.which, deadline: new Date(l.deadline).toISOString() });
    });
}
