import { describe, expect, it } from 'vitest';
import { assignment, legal, task } from './fixtures.ts';
import { assignmentLight, behindPace, nextLightChange } from './lights.ts';
import { paceLimit } from './pace.ts';
import { applyAction, validateAction } from './transitions.ts';

const day = 86_400_000;
const from = Date.parse('2016-01-01T00:00:00Z');
const due = new Date(from + 100 * day).toISOString();
const paced = (progressPercent: number | null, marginPoints = 20) => assignment({ due, progressPercent, pace: { from: new Date(from).toISOString(), marginPoints } });

describe('pace (序时进度)', () => {
  it('puts the limit where the elapsed share passes progress plus the margin', () => {
    expect(paceLimit(paced(null))).toBe(from + 20 * day);
    expect(paceLimit(paced(50))).toBe(from + 70 * day);
    expect(paceLimit(paced(50, 10))).toBe(from + 60 * day);
    expect(paceLimit(paced(80))).toBeNull();
    expect(paceLimit(assignment({ due }))).toBeNull();
    expect(paceLimit({ ...paced(0), due: null })).toBeNull();
  });

  it('turns an owed assignment yellow after its limit, green again once progress catches up', () => {
    const a = paced(10);
    const limit = from + 30 * day;
    expect(assignmentLight(a, limit)).toBe('green');
    expect(behindPace(a, limit + 1)).toBe(true);
    expect(assignmentLight(a, limit + 1)).toBe('yellow');
    expect(assignmentLight({ ...a, progressPercent: 40 }, limit + 1)).toBe('green');
    expect(behindPace({ ...a, status: 'submitted' }, limit + 1)).toBe(false);
    expect(assignmentLight(a, Date.parse(due) + 1)).toBe('red');
  });

  it('wakes the workflow at the limit, before the yellow window', () => {
    expect(nextLightChange(paced(10), from)).toBe(from + 30 * day + 1);
    expect(nextLightChange(paced(10), from + 31 * day)).toBe(Date.parse(due) - 7 * day);
    expect(nextLightChange(assignment({ due }), from)).toBe(Date.parse(due) - 7 * day);
  });

  it('takes a progress report with its percentage, and refuses one outside 0–100', () => {
    const state = task([paced(null)]);
    const now = from + day;
    const report = (percent: number) => ({ actor: legal, action: { type: 'progress' as const, bodyName: '市法制办', comment: '进展', percent } });
    expect(() => validateAction(state, report(101), now)).toThrow(/0 to 100/);
    expect(() => validateAction(state, report(12.5), now)).toThrow(/whole number/);
    validateAction(state, report(60), now);
    const event = applyAction(state, report(60), now);
    expect(event.data).toEqual({ percent: 60 });
    expect(state.assignments[0]!.progressPercent).toBe(60);
  });
});
