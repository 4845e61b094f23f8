import type { ActionType } from './actions.ts';
import type { Light } from '../lights/lights.ts';

/** Records as the console reads them: the schema's types with the fields each page selects. */
export type AssignmentStatus = 'assigned' | 'in_progress' | 'submitted' | 'accepted' | 'returned' | 'withdrawn' | 'designated';

export interface BodyRef {
  id: string;
  shortName: string;
}

export type BodyKind = 'department' | 'district' | 'regulator' | 'external' | 'group' | 'placeholder';

export interface BodyRecord extends BodyRef {
  fullName: string;
  kind: BodyKind;
  aliases: string[];
  /** The group-robot webhook its notices are posted to (shown to the offices only). */
  webhookUrl: string | null;
  members: BodyRef[];
}

export interface TaskEvent {
  seq: number;
  type: string;
  at: string;
  actorName: string;
  bodyName: string | null;
  comment: string | null;
  /** JSON list of { id, name }. */
  attachments: string;
  /** JSON details of the action: { until, approve } for extensions. */
  data: string;
}

export interface AssignmentRecord {
  id: string;
  bodyName: string;
  body: BodyRef | null;
  /** The group the notice named, for a member's own assignment (各区县人民政府). */
  origin: string | null;
  role: 'lead' | 'support';
  primary: boolean;
  placeholder: boolean;
  blocking: boolean;
  status: AssignmentStatus;
  light: Light;
  deliverable: string | null;
  due: string | null;
  originalDue: string | null;
  overdueDays: number;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnCount: number;
  extensionRequestedUntil: string | null;
  /** The reason given with the pending extension request. */
  extensionReason: string | null;
  /** What the signed-in viewer may do to it now, as the API answers by the workflow's rule. */
  availableActions: ActionType[];
  urgeCount: number;
  lastUrgedAt: string | null;
  /** 签收: when the body acknowledged receipt (by 签收 or its first own action). */
  acknowledgedAt: string | null;
  /** Owed and not yet acknowledged, by the API's rule. */
  unacknowledged: boolean;
  /** The progress last reported, in percent (序时进度). */
  progressPercent: number | null;
  /** Owed and behind pace, by the API's rule. */
  behindPace: boolean;
}

export interface TaskSummary {
  id: string;
  ref: string;
  text: string;
  status: 'open' | 'closed';
  plan: { id: string; title: string };
  section: { ordinal: number; title: string };
}

/** A ledger row: one body's part of a task, with the task it belongs to. */
export interface LedgerRecord extends AssignmentRecord {
  task: TaskSummary;
}

/** A department's own assignment, with what the supervising office last said about it. */
export interface MyAssignmentRecord extends LedgerRecord {
  lastReturn: TaskEvent | null;
  lastUrge: TaskEvent | null;
  lastExtensionDecision: TaskEvent | null;
}

export interface TaskRecord extends TaskSummary {
  light: Light;
  due: string | null;
  /** The deadline in force for the viewer, and the one an approved extension replaced. */
  deadline: { due: string; extendedFrom: string | null } | null;
  closedAt: string | null;
  workflowUrl: string;
  assignments: AssignmentRecord[];
  timeline?: TaskEvent[];
}

export interface RequirementRecord {
  id: string;
  text: string;
  due: string | null;
  recurrence: string | null;
  appliesTo: string[];
}

export interface PlanRecord {
  id: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  basis: string | null;
  timeline: 'historic' | 'rebased';
  createdAt: string;
  /** Each warning's stored message (Chinese, then English); the plan page words parseWarnings instead where there are any. */
  warnings: string[];
  sections: Array<{ id: string; ordinal: number; title: string; tasks?: Array<{ id: string; ref: string; text: string; light: Light }> }>;
  requirements?: RequirementRecord[];
  sourceText?: string;
  /** The registry its names were matched in when committed (null for plans from before registries). */
  registry?: { id: string; name: string } | null;
}
