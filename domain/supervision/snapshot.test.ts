import { describe, expect, it } from 'vitest';
import { assignment, task } from './fixtures.ts';
import { deadlineInForce, snapshot } from './snapshot.ts';

const afterDeadline = Date.parse('2016-03-01T00:00:00Z');

describe('snapshot', () => {
  it('gives the task its worst deciding light and its earliest owed deadline', () => {
    const state = task([assignment({ due: '2016-02-01T00:00:00.000Z' }), assignment({ bodyName: '市编办', role: 'support', due: '2016-01-01T00:00:00.000Z' })]);
    const view = snapshot(state, afterDeadline);
    expect(view).toMatchObject({ light: 'red', due: '2016-01-01T00:00:00.000Z' });
  });

  it('stops counting what supports still owe once the task has closed', () => {
    const state = { ...task([assignment({ status: 'accepted' }), assignment({ bodyName: '市编办', role: 'support' })]), status: 'closed' as const };
    const view = snapshot(state, afterDeadline);
    expect(view.light).toBe('done');
    expect(view.assignments.map((a) => a.light)).toEqual(['done', 'none']);
  });

  it('shows a department the deadline in force on its own assignment after an approved extension, and the task its earliest', () => {
    const extended = assignment({ due: '2016-03-31T15:59:59.000Z', originalDue: '2016-01-31T15:59:59.000Z' });
    const support = assignment({ bodyName: '市编办', bodyId: 'staffing-office', role: 'support', due: '2016-01-31T15:59:59.000Z' });
    expect(deadlineInForce([extended, support], 'legal-affairs-office')).toEqual({ due: '2016-03-31T15:59:59.000Z', extendedFrom: '2016-01-31T15:59:59.000Z' });
    expect(deadlineInForce([extended, support], 'staffing-office')).toEqual({ due: '2016-01-31T15:59:59.000Z', extendedFrom: null });
    expect(deadlineInForce([extended, support])).toEqual({ due: '2016-01-31T15:59:59.000Z', extendedFrom: null });
    expect(deadlineInForce([extended, { ...support, status: 'accepted' }])).toEqual({ due: '2016-03-31T15:59:59.000Z', extendedFrom: '2016-01-31T15:59:59.000Z' });
    // A body with nothing owed on the task sees the task's own deadline; nothing owed at all: none.
    expect(deadlineInForce([extended], 'market-commission')?.due).toBe('2016-03-31T15:59:59.000Z');
    expect(deadlineInForce([{ ...extended, status: 'accepted' }])).toBeNull();
  });
});
