import { describe, expect, it } from 'vitest';
import { assignment, legal, market, supervisor, task } from './fixtures.ts';
import { nextReceiptReminderAt, receiptNotice, takeReceiptReminder, unacknowledged } from './receipt.ts';
import { applyAction, validateAction } from './transitions.ts';
import type { ActionRequest } from './actions.ts';
import type { TaskState } from './types.ts';

const assignedAt = Date.parse('2016-01-04T02:00:00Z');
const acknowledgeBy = '2016-01-05T15:59:59.999Z';

function act(state: TaskState, request: ActionRequest, now = assignedAt + 3_600_000) {
  validateAction(state, request, now);
  return applyAction(state, request, now);
}

describe('receipt (签收)', () => {
  it('records 签收 once, by the body itself, and refuses a second', () => {
    const state = task([assignment({ acknowledgeBy, acknowledgedAt: null })]);
    expect(() => act(state, { actor: market, action: { type: 'acknowledge', bodyName: '市法制办' } })).toThrow(/only on your own body's assignment/);
    const event = act(state, { actor: legal, action: { type: 'acknowledge', bodyName: '市法制办' } });
    expect(event.type).toBe('acknowledge');
    expect(state.assignments[0]!.acknowledgedAt).toBe(new Date(assignedAt + 3_600_000).toISOString());
    expect(state.assignments[0]!.status).toBe('assigned');
    expect(() => act(state, { actor: legal, action: { type: 'acknowledge', bodyName: '市法制办' } })).toThrow(/already acknowledged/);
  });

  it('counts any action of the body as receipt, and keeps the first instant', () => {
    const state = task([assignment({ acknowledgeBy, acknowledgedAt: null })]);
    act(state, { actor: legal, action: { type: 'progress', bodyName: '市法制办', comment: '起草中' } });
    const first = state.assignments[0]!.acknowledgedAt;
    expect(first).toBe(new Date(assignedAt + 3_600_000).toISOString());
    act(state, { actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '已报送' } }, assignedAt + 7_200_000);
    expect(state.assignments[0]!.acknowledgedAt).toBe(first);
    expect(unacknowledged(state.assignments[0]!)).toBe(false);
  });

  it('reminds once at the end of the window, and not after receipt', () => {
    const waiting = assignment({ acknowledgeBy, acknowledgedAt: null });
    expect(unacknowledged(waiting)).toBe(true);
    expect(nextReceiptReminderAt(waiting, assignedAt)).toBe(Date.parse(acknowledgeBy));
    expect(takeReceiptReminder(waiting, Date.parse(acknowledgeBy) - 1)).toBe(false);
    expect(takeReceiptReminder(waiting, Date.parse(acknowledgeBy))).toBe(true);
    expect(takeReceiptReminder(waiting, Date.parse(acknowledgeBy) + 1)).toBe(false);
    expect(nextReceiptReminderAt(waiting, Date.parse(acknowledgeBy) + 1)).toBeNull();
    const received = assignment({ acknowledgeBy, acknowledgedAt: '2016-01-04T03:00:00Z' });
    expect(nextReceiptReminderAt(received, assignedAt)).toBeNull();
    expect(takeReceiptReminder(received, Date.parse(acknowledgeBy) + 1)).toBe(false);
  });

  it('has no window for older histories or a placeholder group', () => {
    expect(nextReceiptReminderAt(assignment(), assignedAt)).toBeNull();
    expect(takeReceiptReminder(assignment(), Date.parse(acknowledgeBy) + 1)).toBe(false);
    const group = assignment({ placeholder: true, bodyId: null, acknowledgeBy, acknowledgedAt: null });
    expect(nextReceiptReminderAt(group, assignedAt)).toBeNull();
    expect(unacknowledged(group)).toBe(false);
  });

  it('addresses the reminder to the body, in both languages', () => {
    const state = task([assignment({ acknowledgeBy, acknowledgedAt: null })]);
    const [notice] = receiptNotice(state, state.assignments[0]!, acknowledgeBy);
    expect(notice).toMatchObject({ kind: 'receipt', audience: { kind: 'body', bodyId: state.assignments[0]!.bodyId } });
    expect(notice!.zh.title).toContain('请签收');
    expect(notice!.en.title).toContain('Please acknowledge');
  });

  it('gives designated bodies the receipt window the designation carries', () => {
    const state = task([assignment({ bodyName: '各区县人民政府', bodyId: null, placeholder: true })]);
    act(state, {
      actor: supervisor,
      action: { type: 'designate', bodyName: '各区县人民政府', bodies: [{ name: '和平区', id: 'heping' }], acknowledgeBy },
    });
    expect(state.assignments.find((a) => a.bodyName === '和平区')).toMatchObject({ acknowledgeBy, acknowledgedAt: null, status: 'assigned' });
  });
});
