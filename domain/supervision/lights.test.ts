import { describe, expect, it } from 'vitest';
import { assignment } from './fixtures.ts';
import { assignmentLight, nextLightChange, overdueDays, taskLight } from './lights.ts';

const due = Date.parse('2016-01-31T15:59:59Z');
const day = 86_400_000;

describe('assignmentLight', () => {
  it('is green well before the deadline, yellow within seven days, red after it', () => {
    expect(assignmentLight(assignment(), due - 8 * day)).toBe('green');
    expect(assignmentLight(assignment(), due - 7 * day)).toBe('yellow');
    expect(assignmentLight(assignment(), due)).toBe('yellow');
    expect(assignmentLight(assignment(), due + 1)).toBe('red');
  });

  it('is yellow once returned, done when accepted, none when withdrawn', () => {
    expect(assignmentLight(assignment({ status: 'in_progress', returnCount: 1 }), due - 30 * day)).toBe('yellow');
    expect(assignmentLight(assignment({ status: 'accepted' }), due + 9 * day)).toBe('done');
    expect(assignmentLight(assignment({ status: 'withdrawn' }), due + 9 * day)).toBe('none');
  });

  it('stops the clock at submission: a late submission is yellow, not red', () => {
    const late = assignment({ status: 'submitted', submittedAt: new Date(due + 2 * day).toISOString() });
    expect(assignmentLight(late, due + 20 * day)).toBe('yellow');
    expect(overdueDays(late, due + 20 * day)).toBe(2);
  });
});

describe('overdueDays', () => {
  it('counts started days past the deadline while the submission is owed', () => {
    expect(overdueDays(assignment(), due)).toBe(0);
    expect(overdueDays(assignment(), due + 1000)).toBe(1);
    expect(overdueDays(assignment(), due + 3 * day + 1)).toBe(4);
    expect(overdueDays(assignment({ due: null }), due + 3 * day)).toBe(0);
  });
});

describe('taskLight', () => {
  it('shows the worst light of the leads and required supports only', () => {
    const lead = assignment({ status: 'accepted' });
    const support = assignment({ role: 'support', bodyName: '市编办' });
    expect(taskLight([lead, support], due + day)).toBe('done');
    expect(taskLight([lead, { ...support, blocking: true }], due + day)).toBe('red');
    expect(taskLight([lead, assignment({ bodyName: '市审批办' })], due - 30 * day)).toBe('green');
  });
});

describe('nextLightChange', () => {
  it('names the instants at which time turns the light yellow, then red', () => {
    expect(nextLightChange(assignment(), due - 30 * day)).toBe(due - 7 * day);
    expect(nextLightChange(assignment(), due - 7 * day)).toBe(due + 1);
    expect(nextLightChange(assignment(), due + 1)).toBeNull();
    expect(nextLightChange(assignment({ status: 'submitted' }), due - 30 * day)).toBeNull();
  });
});
