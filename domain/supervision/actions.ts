import type { Actor, AttachmentRef } from './types.ts';

/** Everything a person can do to a task: each becomes a Temporal Update on its workflow. */
export type TaskAction =
  | { type: 'acknowledge'; bodyName: string; comment?: string }
  | { type: 'progress'; bodyName: string; comment: string; attachments?: AttachmentRef[]; percent?: number }
  | { type: 'submit'; bodyName: string; comment: string; attachments?: AttachmentRef[] }
  | { type: 'accept'; bodyName: string; comment?: string }
  | { type: 'return'; bodyName: string; comment: string }
  | { type: 'requestExtension'; bodyName: string; until: string; comment: string; attachments?: AttachmentRef[] }
  | { type: 'decideExtension'; bodyName: string; approve: boolean; comment?: string }
  | { type: 'urge'; bodyName: string; comment: string }
  /** Each designated body's own deadline (`due`, an instant); absent (older histories too): the placeholder's. */
  | { type: 'designate'; bodyName: string; bodies: Array<{ name: string; id: string; due?: string }>; comment?: string; acknowledgeBy?: string }
  | { type: 'withdraw'; bodyName: string; comment: string }
  | { type: 'setBlocking'; bodyName: string; blocking: boolean }
  /** The unit's 负责人 (or acting delegate) sends a 承办人's draft on to the office, or returns it to the drafter. */
  | { type: 'signOff'; bodyName: string; comment?: string }
  | { type: 'returnDraft'; bodyName: string; comment: string }
  /** A rung of the escalation ladder issued by hand (domain/supervision/ladder.ts). */
  | { type: 'escalate'; bodyName: string; rungId: string; comment?: string }
  /** The unit acknowledges a 督办单 it was sent. */
  | { type: 'acknowledgeSlip'; bodyName: string; slipId: string; comment?: string };

export type TaskActionType = TaskAction['type'];

/** Every kind of action, in the order a screen offers them. */
export const taskActionTypes: readonly TaskActionType[] = ['acknowledge', 'progress', 'submit', 'requestExtension', 'signOff', 'returnDraft', 'accept', 'return', 'decideExtension', 'urge', 'designate', 'withdraw', 'setBlocking', 'escalate', 'acknowledgeSlip'];

/** Actions refused without a comment: reasons for a return, a withdrawal or an extension request. */
export const commentRequired: ReadonlySet<TaskActionType> = new Set(['return', 'withdraw', 'requestExtension', 'returnDraft']);

export interface ActionRequest {
  actor: Actor;
  action: TaskAction;
}

/** Actions only the supervising office may take. */
export const supervisorActions: ReadonlySet<TaskActionType> = new Set([
  'accept',
  'return',
  'decideExtension',
  'urge',
  'designate',
  'withdraw',
  'setBlocking',
  'escalate',
]);

/** Actions a department takes on its own body's assignment. */
export const departmentActions: ReadonlySet<TaskActionType> = new Set(['acknowledge', 'progress', 'submit', 'requestExtension', 'signOff', 'returnDraft', 'acknowledgeSlip']);
