import type { ReportingState } from '../reporting/types.ts';

/** Who acts: taken from the signed-in account by the API and checked again by the workflow. */
export interface Actor {
  accountId: string;
  name: string;
  role: 'supervisor' | 'department' | 'performance' | 'admin' | 'system';
  bodyId: string | null;
  /** Ids of bodies merged into the actor's body: assignments holding them are the actor's too. */
  mergedBodyIds?: string[];
  /**
   * The actor's duty in its unit for sign-off (签发), decided by the API from the accounts of the body:
   * 'drafter' (承办人 in a unit with a 负责人: submissions wait for sign-off), 'responsible' (负责人, or an
   * acting delegate); absent: a unit as before (one person drafts and signs), and every older history.
   */
  duty?: 'drafter' | 'responsible';
  /** For an acting delegate (职务代理): the 负责人 acted for, and the period of the delegation. */
  onBehalfOf?: { accountId: string; name: string; from: string; until: string } | null;
}

/** Who an event names: the person who acted and, for an acting delegate, the person acted for (张三（代 李四）). */
export interface EventActor {
  accountId: string | null;
  name: string;
  onBehalfOf?: { accountId: string; name: string };
}

/** Who records what time alone causes: reminders, overdue notices, a draw. */
export const systemActor = { accountId: null, name: '督办系统 Duban' };

export type AssignmentRole = 'lead' | 'support';

/** Every status of an assignment, in the order a list shows them; `designated`: a placeholder group replaced by the bodies designated for it. */
export const assignmentStatuses = ['assigned', 'in_progress', 'submitted', 'accepted', 'returned', 'withdrawn', 'designated'] as const;

export type AssignmentStatus = (typeof assignmentStatuses)[number];

export type Light = 'green' | 'yellow' | 'red' | 'done' | 'none';

export interface AttachmentRef {
  id: string;
  name: string;
}

export interface ExtensionRequest {
  until: string; // ISO instant
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

export interface Assignment {
  bodyName: string;
  bodyId: string | null;
  role: AssignmentRole;
  primary: boolean;
  placeholder: boolean;
  /** The group the notice named, for a member's own assignment (各区县人民政府); absent in older histories. */
  origin?: string | null;
  /** A support the reviewer requires before the task may close. */
  blocking: boolean;
  status: AssignmentStatus;
  deliverable: string | null;
  due: string | null; // ISO instant
  originalDue: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  extension: ExtensionRequest | null;
  /** Keys of reminders already sent (or passed), so none goes out twice. */
  reminders: string[];
  lastOverdueNoticeAt: string | null;
  /** By when the body should acknowledge receipt (签收) before it is reminded; absent in older histories and for bodies with no window. */
  acknowledgeBy?: string | null;
  /** When the body acknowledged receipt: by 签收, or by any action of its own; absent in older histories. */
  acknowledgedAt?: string | null;
  /** The progress the body last reported, in percent (序时进度); none before its first report. */
  progressPercent?: number | null;
  /** The pace rule's span start and margin (points), set when the assignment is made; absent in older histories. */
  pace?: { from: string; marginPoints: number } | null;
  /** A 承办人's submission or extension request waiting for the unit's sign-off (签发); the office does not see it as submitted. */
  signOffDraft?: SignOffDraft | null;
}

/** What a 承办人 drafted: applied as the unit's own action when the 负责人 signs it off. */
export interface SignOffDraft {
  type: 'submit' | 'requestExtension';
  comment: string;
  attachments: AttachmentRef[];
  /** requestExtension: the deadline asked for. */
  until?: string;
  draftedBy: { accountId: string | null; name: string };
  draftedAt: string;
}

export interface TaskEvent {
  seq: number;
  type: string;
  at: string;
  actor: EventActor;
  bodyName: string | null;
  comment: string | null;
  attachments: AttachmentRef[];
  data: Record<string, unknown>;
}

export interface TaskState {
  taskId: string;
  planId: string;
  ref: string;
  title: string;
  reminderDays: number[];
  assignments: Assignment[];
  status: 'open' | 'closed';
  closedAt: string | null;
  seq: number;
  /** Recurring report obligations (定期报告), when the task or a requirement recurs; absent in older histories. */
  reporting?: ReportingState | null;
}
