import { forbid, refuse } from '../errors.ts';
import { checkLength } from '../limits.ts';
import { commentRequired, departmentActions, supervisorActions, taskActionTypes, type ActionRequest, type TaskAction, type TaskActionType } from './actions.ts';
import { openStatuses, owedStatuses } from './lights.ts';
import { checkActingPeriod, checkSignOffActor, eventActor } from './sign-off.ts';
import type { Actor, Assignment, AssignmentStatus, TaskEvent, TaskState } from './types.ts';

/** Statuses each action may start from. */
const from: Partial<Record<TaskAction['type'], readonly AssignmentStatus[]>> = {
  acknowledge: owedStatuses,
  progress: owedStatuses,
  submit: owedStatuses,
  accept: ['submitted'],
  return: ['submitted'],
  requestExtension: owedStatuses,
  decideExtension: owedStatuses,
  urge: owedStatuses,
  designate: ['assigned'],
  withdraw: openStatuses,
  setBlocking: [...openStatuses, 'accepted'],
  signOff: owedStatuses,
  returnDraft: owedStatuses,
  escalate: owedStatuses,
  acknowledgeSlip: [...openStatuses, 'accepted'],
};

const statusNames: Record<AssignmentStatus, string> = {
  assigned: '已交办 assigned',
  in_progress: '办理中 in progress',
  submitted: '已报送 submitted',
  accepted: '已办结 accepted',
  returned: '已退回 returned',
  withdrawn: '已撤销 withdrawn',
  designated: '已指定 designated',
};

/** What an action needs of the assignment as it stands, whatever the action's own fields say. */
type StandingAssignment = Pick<Assignment, 'status' | 'bodyId' | 'role' | 'placeholder'> & {
  extensionPending: boolean;
  acknowledged: boolean;
  /** A 承办人's draft awaits the 负责人's sign-off (absent: none). */
  draftPending?: boolean;
  /** A 督办单 the unit has not acknowledged (absent: none). */
  slipPending?: boolean;
};

/**
 * May this actor take this kind of action on this assignment now? Throws
 * ForbiddenError or ActionRefused with the reason; the Update validator and
 * `availableTaskActions` ask the same question.
 */
export function checkTaking(taskStatus: TaskState['status'], assignment: StandingAssignment, actor: Actor, type: TaskActionType): void {
  if (taskStatus === 'closed') refuse('该任务已办结。', 'This task is closed.');
  checkActor(actor, type, assignment);
  const allowed = from[type] ?? [];
  if (!allowed.includes(assignment.status)) {
    refuse(`当前状态为${statusNames[assignment.status]}，不能执行此操作。`, `Not allowed while the assignment is ${assignment.status}.`);
  }
  switch (type) {
    case 'acknowledge':
      if (assignment.acknowledged) refuse('本单位已签收该任务。', 'Receipt of this task is already acknowledged.');
      break;
    case 'requestExtension':
      if (assignment.extensionPending) refuse('已有待审批的延期申请。', 'An extension request is already pending.');
      if (assignment.draftPending) refuse('已有待签发的草稿，请先签发或退回。', 'A draft awaits sign-off: sign it off or return it first.');
      break;
    case 'submit':
      if (assignment.draftPending) refuse('已有待签发的草稿，请先签发或退回。', 'A draft awaits sign-off: sign it off or return it first.');
      break;
    case 'signOff':
    case 'returnDraft':
      checkSignOffActor(actor);
      if (!assignment.draftPending) refuse('没有待签发的草稿。', 'There is no draft awaiting sign-off.');
      break;
    case 'decideExtension':
      if (!assignment.extensionPending) refuse('没有待审批的延期申请。', 'There is no pending extension request.');
      break;
    case 'designate':
      if (!assignment.placeholder) refuse('只有待指定的单位群组可以指定具体单位。', 'Only a placeholder group can be designated.');
      break;
    case 'acknowledgeSlip':
      if (!assignment.slipPending) refuse('没有待签收的督办单。', 'There is no supervision slip to acknowledge.');
      break;
    case 'setBlocking':
      if (assignment.role !== 'support') refuse('只有配合单位可以设置是否必须办结。', 'Only a support can be made required.');
      break;
    default:
      break;
  }
}

/** Every kind of action this actor may take on this assignment now, by the validator's own rule. */
export function availableTaskActions(taskStatus: TaskState['status'], assignment: StandingAssignment, actor: Actor): TaskActionType[] {
  return taskActionTypes.filter((type) => {
    try {
      checkTaking(taskStatus, assignment, actor, type);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Checks an action against the task as it stands; throws ActionRefused with the
 * reason, so the Update validator rejects it before anything is recorded.
 */
export function validateAction(state: TaskState, { actor, action }: ActionRequest, now: number): void {
  if (state.status === 'closed') refuse('该任务已办结。', 'This task is closed.');
  const assignment = state.assignments.find((a) => a.bodyName === action.bodyName);
  if (!assignment) refuse(`该任务没有"${action.bodyName}"的分工。`, `No assignment for "${action.bodyName}" in this task.`);
  checkActingPeriod(actor, now);
  checkTaking(state.status, standing(assignment!), actor, action.type);
  checkContent(state, action, assignment!, now);
}

/** What `checkTaking` needs of an assignment in the workflow's state. */
export const standing = (a: Assignment): StandingAssignment => ({
  ...a, extensionPending: a.extension !== null, acknowledged: Boolean(a.acknowledgedAt), draftPending: Boolean(a.signOffDraft),
});

function checkUntil(assignment: Assignment, untilIso: string, now: number): void {
  const until = Date.parse(untilIso);
  if (Number.isNaN(until)) refuse('延期日期无效。', 'The extension date is not a valid date.');
  if (assignment.due && until <= Date.parse(assignment.due)) {
    refuse('延期日期必须晚于当前期限。', 'The new deadline must be later than the current one.');
  }
  if (until <= now) refuse('延期日期必须在将来。', 'The new deadline must be in the future.');
}

function checkActor(actor: Actor, type: TaskActionType, assignment: StandingAssignment): void {
  if (supervisorActions.has(type) && actor.role !== 'supervisor') {
    forbid('只有督办部门可以执行此操作。', 'Only the supervising office may do this.');
  }
  if (departmentActions.has(type)) {
    if (actor.role !== 'department') forbid('只有承办单位可以执行此操作。', 'Only the assigned body may do this.');
    const own = actor.bodyId === null ? [] : [actor.bodyId, ...(actor.mergedBodyIds ?? [])];
    if (assignment.bodyId === null || !own.includes(assignment.bodyId)) {
      forbid('只能办理本单位的分工。', "You may act only on your own body's assignment.");
    }
  }
}

function checkContent(state: TaskState, action: TaskAction, assignment: Assignment, now: number): void {
  const comment = 'comment' in action ? (action.comment ?? '') : '';
  checkLength(comment);
  if (commentRequired.has(action.type) && !comment.trim()) {
    if (action.type === 'requestExtension') refuse('请写明延期理由。', 'Please give the reason for the extension.');
    refuse('请写明理由。', 'Please give the reasons.');
  }
  switch (action.type) {
    case 'progress':
      if (action.percent !== undefined && !(Number.isInteger(action.percent) && action.percent >= 0 && action.percent <= 100)) {
        refuse('进度须为 0 到 100 之间的整数。', 'Progress must be a whole number from 0 to 100.');
      }
      break;
    case 'requestExtension':
      checkUntil(assignment, action.until, now);
      break;
    case 'signOff':
      // An extension drafted days ago is checked again against the deadline and the clock as they stand.
      if (assignment.signOffDraft?.type === 'requestExtension') checkUntil(assignment, assignment.signOffDraft.until!, now);
      break;
    case 'designate':
      if (action.bodies.length === 0) refuse('请至少指定一个单位。', 'Designate at least one body.');
      if (action.acknowledgeBy !== undefined && Number.isNaN(Date.parse(action.acknowledgeBy))) refuse('签收期限无效。', 'The receipt deadline is not a valid instant.');
      for (const body of action.bodies) {
        if (state.assignments.some((a) => a.bodyName === body.name && a.status !== 'withdrawn')) {
          refuse(`"${body.name}"已在该任务中。`, `"${body.name}" already has an assignment in this task.`);
        }
        if (body.due !== undefined) {
          const due = Date.parse(body.due);
          if (Number.isNaN(due)) refuse(`"${body.name}"的期限无效。`, `The deadline for "${body.name}" is not a valid date.`);
          if (due <= now) refuse(`"${body.name}"的期限必须在将来。`, `The deadline for "${body.name}" must be in the future.`);
        }
      }
      break;
    default:
      break;
  }
}

/**
 * Applies a validated action and returns the event it records. Mutates `state`. With `draft` (a 承办人's
 * submission or extension request in a unit with a 负责人), the action is kept for the unit's sign-off instead.
 */
export function applyAction(state: TaskState, request: ActionRequest, now: number, { draft = false } = {}): TaskEvent {
  const { actor, action } = request;
  const at = new Date(now).toISOString();
  const assignment = state.assignments.find((a) => a.bodyName === action.bodyName)!;
  const data: Record<string, unknown> = {};
  // Any action of the body's own counts as receipt.
  if (departmentActions.has(action.type) && !assignment.acknowledgedAt) assignment.acknowledgedAt = at;
  if (draft && (action.type === 'submit' || action.type === 'requestExtension')) return keepDraft(state, request, assignment, at);
  if (action.type === 'signOff') return signOffDraft(state, request, assignment, at);
  switch (action.type) {
    case 'progress':
      assignment.status = 'in_progress';
      if (action.percent !== undefined) {
        assignment.progressPercent = action.percent;
        data.percent = action.percent;
      }
      break;
    case 'submit':
      assignment.status = 'submitted';
      assignment.submittedAt = at;
      break;
    case 'accept':
      assignment.status = 'accepted';
      assignment.acceptedAt = at;
      break;
    case 'return':
      assignment.status = 'returned';
      assignment.returnCount += 1;
      assignment.submittedAt = null;
      break;
    case 'requestExtension':
      assignment.extension = { until: action.until, reason: action.comment, requestedBy: actor.name, requestedAt: at };
      data.until = action.until;
      break;
    case 'decideExtension':
      data.approve = action.approve;
      data.until = assignment.extension!.until;
      if (action.approve) assignment.due = assignment.extension!.until;
      assignment.extension = null;
      break;
    case 'designate':
      assignment.status = 'designated';
      data.bodies = action.bodies.map((b) => b.name);
      for (const body of action.bodies) {
        const due = body.due ?? assignment.due;
        const originalDue = body.due ?? assignment.originalDue;
        state.assignments.push({
          ...assignment, bodyName: body.name, bodyId: body.id, placeholder: false, status: 'assigned', reminders: [], due, originalDue,
          acknowledgeBy: action.acknowledgeBy ?? null, acknowledgedAt: null,
          progressPercent: null, pace: assignment.pace ? { ...assignment.pace, from: at } : null,
        });
      }
      break;
    case 'withdraw':
      assignment.status = 'withdrawn';
      break;
    case 'setBlocking':
      assignment.blocking = action.blocking;
      data.blocking = action.blocking;
      break;
    case 'returnDraft':
      data.draftOf = assignment.signOffDraft!.type;
      data.draftedBy = assignment.signOffDraft!.draftedBy.name;
      assignment.signOffDraft = null;
      break;
    case 'urge':
    case 'acknowledge':
    case 'escalate':
    case 'acknowledgeSlip':
      break;
  }
  closeIfDone(state, at);
  return recordEvent(state, {
    type: action.type,
    at,
    actor: eventActor(actor),
    bodyName: action.bodyName,
    comment: 'comment' in action ? (action.comment ?? null) : null,
    attachments: 'attachments' in action ? (action.attachments ?? []) : [],
    data,
  });
}

/** Keeps a 承办人's submission or extension request for the unit's sign-off: the office sees nothing submitted yet. */
function keepDraft(state: TaskState, { actor, action }: ActionRequest, assignment: Assignment, at: string): TaskEvent {
  if (action.type !== 'submit' && action.type !== 'requestExtension') throw new Error(`${action.type} is not drafted`);
  const until = action.type === 'requestExtension' ? { until: action.until } : {};
  assignment.signOffDraft = {
    type: action.type, comment: action.comment, attachments: action.attachments ?? [], ...until,
    draftedBy: { accountId: actor.accountId, name: actor.name }, draftedAt: at,
  };
  return recordEvent(state, {
    type: 'draft', at, actor: eventActor(actor), bodyName: action.bodyName, comment: action.comment, attachments: action.attachments ?? [], data: { draftOf: action.type, ...until },
  });
}

/**
 * Signs a draft off: the unit's submission or extension request as the 承办人 wrote it, recorded under
 * its own type (what the office's queue and the ledger read), naming the signer and the drafter.
 */
function signOffDraft(state: TaskState, { actor, action }: ActionRequest, assignment: Assignment, at: string): TaskEvent {
  const draft = assignment.signOffDraft!;
  assignment.signOffDraft = null;
  const data: Record<string, unknown> = { signedOff: true, draftedBy: draft.draftedBy.name };
  const note = 'comment' in action ? action.comment?.trim() : '';
  if (note) data.signOffComment = note;
  if (draft.type === 'submit') {
    assignment.status = 'submitted';
    assignment.submittedAt = at;
  } else {
    assignment.extension = { until: draft.until!, reason: draft.comment, requestedBy: draft.draftedBy.name, requestedAt: at };
    data.until = draft.until;
  }
  return recordEvent(state, { type: draft.type, at, actor: eventActor(actor), bodyName: action.bodyName, comment: draft.comment, attachments: draft.attachments, data });
}

/** The task closes when every lead, and every support the reviewer requires, is accepted. */
function closeIfDone(state: TaskState, at: string): void {
  const deciding = state.assignments.filter(
    (a) => (a.role === 'lead' || a.blocking) && a.status !== 'withdrawn' && a.status !== 'designated',
  );
  if (deciding.length > 0 && deciding.every((a) => a.status === 'accepted')) {
    state.status = 'closed';
    state.closedAt = at;
  }
}

export function recordEvent(state: TaskState, event: Omit<TaskEvent, 'seq'>): TaskEvent {
  state.seq += 1;
  return { seq: state.seq, ...event };
}
