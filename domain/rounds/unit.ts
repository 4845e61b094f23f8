import { assignmentLight } from '../supervision/lights.ts';
import { forbid, refuse } from '../errors.ts';
import { checkLength } from '../limits.ts';
import type { Actor, AssignmentStatus, AttachmentRef, Light } from '../supervision/types.ts';

/**
 * One body's duty in a filing or evaluation round: submit by the deadline, be
 * reviewed, possibly returned. Statuses are the assignment ones, so reminders
 * and lights follow the same rules as task assignments.
 */
export type UnitStatus = Extract<AssignmentStatus, 'assigned' | 'submitted' | 'returned' | 'accepted'>;

export interface UnitState<S> {
  roundId: string;
  unitId: string;
  /** What the round is called in notices, e.g. 监管目录备案「…」. */
  roundLabel: string;
  /** The same in English; absent in units started before notices were written in each language. */
  roundLabelEn?: string;
  bodyId: string;
  bodyName: string;
  status: UnitStatus;
  due: string;
  /** The submission under review or accepted; null while owed (as for assignments). */
  submittedAt: string | null;
  /** The first submission: on time or late is judged by it (returns are counted apart). */
  firstSubmittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  lastReason: string | null;
  submission: S | null;
  reminders: string[];
  lastOverdueNoticeAt: string | null;
  placeholder: false;
  /** The round was closed (filed or consolidated): the unit takes no more actions. */
  closed: boolean;
  seq: number;
}

export type UnitAction<S> =
  | { type: 'submit'; submission: S; comment?: string }
  | { type: 'accept'; comment?: string }
  | { type: 'return'; comment: string }
  | { type: 'urge'; comment: string };

export interface UnitRequest<S> {
  actor: Actor;
  action: UnitAction<S>;
}

/** Something that happened in a round or to one of its units. */
export interface RoundEvent {
  seq: number;
  type: string;
  at: string;
  actor: { accountId: string | null; name: string };
  bodyId: string | null;
  comment: string | null;
  attachments: AttachmentRef[];
  data: Record<string, unknown>;
}

const from: Record<UnitAction<unknown>['type'], UnitStatus[]> = {
  submit: ['assigned', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
  urge: ['assigned', 'returned'],
};

export function newUnit<S>(fields: Pick<UnitState<S>, 'roundId' | 'unitId' | 'roundLabel' | 'roundLabelEn' | 'bodyId' | 'bodyName' | 'due'>): UnitState<S> {
  return {
    ...fields, status: 'assigned', submittedAt: null, firstSubmittedAt: null, acceptedAt: null, returnCount: 0, lastReason: null,
    submission: null, reminders: [], lastOverdueNoticeAt: null, placeholder: false, closed: false, seq: 0,
  };
}

/**
 * Checks an action before anything is recorded (the Update validator):
 * who may act, from which status, and what a submission must contain
 * (`submissionProblems` is the round's own rule).
 */
export function validateUnitAction<S>(state: UnitState<S>, { actor, action }: UnitRequest<S>, submissionProblems: (s: S) => string[]): void {
  checkUnitTaking(state, actor, action.type);
  const comment = action.comment ?? '';
  checkLength(comment);
  if ((action.type === 'return' || action.type === 'urge') && !comment.trim()) refuse('请写明理由。', 'Please give the reasons.');
  if (action.type === 'submit') {
    const problems = submissionProblems(action.submission);
    if (problems.length) refuse(`报送内容有误：${problems.slice(0, 10).join('；')}`, '(see above)');
  }
}

type UnitActionType = UnitAction<unknown>['type'];
const unitActionTypes: readonly UnitActionType[] = ['submit', 'accept', 'return', 'urge'];

/**
 * May this actor take this kind of action on the unit now? Throws the reason;
 * the Update validator and `availableUnitActions` ask the same question.
 */
export function checkUnitTaking(state: Pick<UnitState<unknown>, 'closed' | 'bodyId' | 'status'>, actor: Actor, type: UnitActionType): void {
  if (state.closed) refuse('本轮已结束。', 'This round is closed.');
  if (type === 'submit') {
    if (actor.role !== 'department') forbid('只有报送单位可以报送。', 'Only the reporting body may submit.');
    if (actor.bodyId !== state.bodyId) forbid('只能报送本单位的材料。', 'You may submit only for your own body.');
  } else if (actor.role !== 'supervisor') {
    forbid('只有督办部门可以执行此操作。', 'Only the supervising office may do this.');
  }
  if (!from[type].includes(state.status)) {
    refuse(`当前状态（${statusNames[state.status]}）不能执行此操作。`, `Not allowed while the unit is ${state.status}.`);
  }
}

/** Every kind of action this actor may take on the unit now, by the validator's own rule. */
export function availableUnitActions(state: Pick<UnitState<unknown>, 'closed' | 'bodyId' | 'status'>, actor: Actor): UnitActionType[] {
  return unitActionTypes.filter((type) => {
    try {
      checkUnitTaking(state, actor, type);
      return true;
    } catch {
      return false;
    }
  });
}

export const statusNames: Record<UnitStatus, string> = {
  assigned: '待报送 owed', submitted: '已报送 submitted', returned: '已退回 returned', accepted: '已通过 accepted',
};

/** Applies a validated action; returns the event it records. Mutates `state`. */
export function applyUnitAction<S>(state: UnitState<S>, { actor, action }: UnitRequest<S>, now: number, attachments: AttachmentRef[] = []): RoundEvent {
  const at = new Date(now).toISOString();
  const data: Record<string, unknown> = {};
  switch (action.type) {
    case 'submit':
      state.status = 'submitted';
      state.submittedAt = at;
      state.firstSubmittedAt ??= at;
      state.submission = action.submission;
      data.late = now > Date.parse(state.due);
      break;
    case 'accept':
      state.status = 'accepted';
      state.acceptedAt = at;
      break;
    case 'return':
      state.status = 'returned';
      state.returnCount += 1;
      state.submittedAt = null;
      state.lastReason = action.comment;
      break;
    case 'urge':
      break;
  }
  return recordUnitEvent(state, {
    type: action.type, at, actor: { accountId: actor.accountId, name: actor.name }, bodyId: state.bodyId,
    comment: action.comment ?? null, attachments, data,
  });
}

export function recordUnitEvent(state: { seq: number }, event: Omit<RoundEvent, 'seq'>): RoundEvent {
  state.seq += 1;
  return { seq: state.seq, ...event };
}

/** The unit's light, by the assignment rule; a unit of a closed round still owing stays red or yellow. */
export function unitLight(state: UnitState<unknown>, now: number): Light {
  return assignmentLight({ status: state.status, due: state.due, submittedAt: state.submittedAt, returnCount: state.returnCount }, now);
}

/** What a round keeps of each unit, sent by the unit's workflow on every change. */
/** A round unit as the read model stores it: its state with its light at one instant. */
export type UnitSnapshot<S> = UnitState<S> & { at: string; light: Light };

export const unitSnapshot = <S>(state: UnitState<S>, now: number): UnitSnapshot<S> => ({
  ...state, at: new Date(now).toISOString(), light: unitLight(state, now),
});

export interface UnitSummary {
  bodyId: string;
  bodyName: string;
  status: UnitStatus;
  firstSubmittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
}

export const summarize = (s: UnitState<unknown>): UnitSummary => ({
  bodyId: s.bodyId, bodyName: s.bodyName, status: s.status, firstSubmittedAt: s.firstSubmittedAt, acceptedAt: s.acceptedAt, returnCount: s.returnCount,
});

/** Units that submitted after the deadline, and units with nothing submitted (or only returned work) by now. */
export function lateAndMissing(units: UnitSummary[], deadline: string): { late: string[]; missing: string[] } {
  const due = Date.parse(deadline);
  const submitted = (u: UnitSummary) => u.status === 'submitted' || u.status === 'accepted';
  return {
    late: units.filter((u) => submitted(u) && Date.parse(u.firstSubmittedAt!) > due).map((u) => u.bodyId),
    missing: units.filter((u) => !submitted(u)).map((u) => u.bodyId),
  };
}
