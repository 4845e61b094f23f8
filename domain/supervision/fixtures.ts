import { newAssignment } from './assign.ts';
import type { Actor, Assignment, TaskState } from './types.ts';

/** Hand-made assignments and tasks for the pure unit tests of this folder. */
export function assignment(overrides: Partial<Assignment> = {}): Assignment {
  const base = newAssignment({
    bodyName: '市法制办',
    bodyId: 'legal-affairs-office',
    role: 'lead',
    primary: true,
    placeholder: false,
    deliverable: '具体办法和实施细则',
    due: '2016-01-31T15:59:59.000Z',
  });
  return { ...base, ...overrides };
}

export function task(assignments: Assignment[]): TaskState {
  return { taskId: 't', planId: 'p', ref: '1.1', title: '任务', reminderDays: [7, 1], assignments, status: 'open', closedAt: null, seq: 0 };
}

export const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
export const legal: Actor = { accountId: 'a-legal', name: '法制办承办人', role: 'department', bodyId: 'legal-affairs-office' };
export const market: Actor = { accountId: 'a-market', name: '市场监管委承办人', role: 'department', bodyId: 'market-commission' };
