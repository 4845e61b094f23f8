import type { Account } from '../auth/account.ts';
import type { ActionType } from '../dataProvider/actions.ts';
import { departmentActions, supervisorActions } from '../../../domain/supervision/actions.ts';
import { openStatuses, owedStatuses } from '../../../domain/supervision/lights.ts';
import type { AssignmentRecord } from '../dataProvider/records.ts';

/** The workflow's own statuses (domain/supervision/lights.ts), so no button is doomed. */
const owing = (a: AssignmentRecord) => owedStatuses.includes(a.status);

type Rule = (a: AssignmentRecord) => boolean;

/** What the assignment's state allows each action (a mirror of the workflow's table, so no button is doomed). */
const stateAllows: Partial<Record<ActionType, Rule>> = {
  urge: (a) => owing(a) && !a.placeholder,
  accept: (a) => a.status === 'submitted',
  return: (a) => a.status === 'submitted',
  decideExtension: (a) => owing(a) && a.extensionRequestedUntil !== null,
  designate: (a) => a.placeholder && a.status === 'assigned',
  setBlocking: (a) => a.role === 'support' && a.status !== 'withdrawn' && a.status !== 'designated',
  withdraw: (a) => openStatuses.includes(a.status),
  progress: owing,
  submit: owing,
  requestExtension: (a) => owing(a) && a.extensionRequestedUntil === null,
};

/**
 * The actions this account may take on this assignment now. Who may take which
 * action is the domain's rule (domain/supervision/actions.ts): the supervising
 * office's actions on any assignment, a department's only on its own body's.
 * The API refuses the rest anyway; this only keeps impossible buttons off the screen.
 */
export function allowedActions(account: Account | undefined, assignment: AssignmentRecord, taskStatus: string): ActionType[] {
  if (!account || taskStatus === 'closed') return [];
  const mine: ReadonlySet<string> =
    account.role === 'supervisor'
      ? supervisorActions
      : account.role === 'department' && account.body && assignment.body?.id === account.body.id
        ? departmentActions
        : new Set();
  return (Object.entries(stateAllows) as Array<[ActionType, Rule]>).filter(([type, rule]) => mine.has(type) && rule(assignment)).map(([type]) => type);
}

/** Actions shown as buttons; the rest go in the row's "more" menu. */
export const everydayActions: ReadonlySet<ActionType> = new Set(['urge', 'accept', 'return', 'decideExtension', 'designate', 'progress', 'submit', 'requestExtension']);

/** The action a row most likely wants next: drawn filled, the others outlined. */
export const mainActions: ReadonlySet<ActionType> = new Set(['urge', 'accept', 'decideExtension', 'designate', 'submit']);

/** Actions whose comment is required (the workflow refuses an empty reason, or it would say nothing). */
export const needsComment: ReadonlySet<ActionType> = new Set(['progress', 'submit', 'return', 'withdraw', 'urge', 'requestExtension']);
