import { describe, expect, it } from 'vitest';
import { assignment, task } from './fixtures.ts';
import { snapshot } from './snapshot.ts';

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
});
