import type { ReportingState } from '../reporting/types.ts';

/** Who acts: taken from the signed-in account by the API and checked again by the workflow. */
export interface Actor {
  accountId: string;
  name: string;
  role: 'supervisor' | 'department' | 'performance' | 'admin' | 'system';
  bodyId: string | null;
  /** Ids of bodies merged into the actor's body: assignments holding them are the actor's too. */
  mergedBodyIds?: string[];
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
}

export interface TaskEvent {
  seq: number;
  type: string;
  at: string;
  actor: { accountId: string | null; name: string };
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
