import { describe, expect, it } from 'vitest';
import type { ActionRequest } from './actions.ts';
import { assignment, legal, market, supervisor, task } from './fixtures.ts';
import { applyAction, availableTaskActions, validateAction } from './transitions.ts';
import type { TaskState } from './types.ts';

const now = Date.parse('2016-01-20T00:00:00Z');

function act(state: TaskState, request: ActionRequest) {
  validateAction(state, request, now);
  return applyAction(state, request, now);
}

describe('task transitions', () => {
  it('take a lead from assigned to accepted and close the task', () => {
    const state = task([assignment(), assignment({ role: 'support', bodyName: '市编办', bodyId: 'staffing-office', primary: false })]);
    act(state, { actor: legal, action: { type: 'progress', bodyName: '市法制办', comment: '起草中' } });
    act(state, { actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '已报送', attachments: [{ id: 'h1', name: '细则.docx' }] } });
    const event = act(state, { actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
    expect(state.assignments[0]!.status).toBe('accepted');
    expect(state.status).toBe('closed');
    expect(event).toMatchObject({ seq: 3, type: 'accept', actor: { name: '督办员' }, bodyName: '市法制办' });
  });

  it('refuse a wrong actor with a reason in Chinese and English', () => {
    const state = task([assignment()]);
    expect(() => validateAction(state, { actor: market, action: { type: 'submit', bodyName: '市法制办', comment: '' } }, now)).toThrow(
      /只能办理本单位的分工。 You may act only on your own body's assignment./,
    );
    expect(() => validateAction(state, { actor: legal, action: { type: 'accept', bodyName: '市法制办' } }, now)).toThrow(
      /Only the supervising office/,
    );
  });

  it('refuse an illegal transition and leave the state untouched', () => {
    const state = task([assignment()]);
    const before = structuredClone(state);
    expect(() => validateAction(state, { actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } }, now)).toThrow(
      /Not allowed while the assignment is assigned/,
    );
    expect(state).toEqual(before);
  });

  it('return with reasons, counted, back to the body', () => {
    const state = task([assignment({ status: 'submitted', submittedAt: '2016-01-10T00:00:00.000Z' })]);
    expect(() => validateAction(state, { actor: supervisor, action: { type: 'return', bodyName: '市法制办', comment: ' ' } }, now)).toThrow(
      /give the reasons/,
    );
    act(state, { actor: supervisor, action: { type: 'return', bodyName: '市法制办', comment: '缺少监管目录' } });
    expect(state.assignments[0]).toMatchObject({ status: 'returned', returnCount: 1, submittedAt: null });
  });

  it('move a deadline only by an approved extension', () => {
    const state = task([assignment()]);
    const until = '2016-03-31T15:59:59.000Z';
    expect(() =>
      validateAction(state, { actor: legal, action: { type: 'requestExtension', bodyName: '市法制办', until: '2016-01-01T00:00:00Z', comment: '需要更多时间' } }, now),
    ).toThrow(/later than the current one/);
    act(state, { actor: legal, action: { type: 'requestExtension', bodyName: '市法制办', until, comment: '需征求意见' } });
    expect(state.assignments[0]!.due).toBe('2016-01-31T15:59:59.000Z');
    act(state, { actor: supervisor, action: { type: 'decideExtension', bodyName: '市法制办', approve: false, comment: '不同意' } });
    expect(state.assignments[0]).toMatchObject({ due: '2016-01-31T15:59:59.000Z', extension: null });
    act(state, { actor: legal, action: { type: 'requestExtension', bodyName: '市法制办', until, comment: '再次申请' } });
    act(state, { actor: supervisor, action: { type: 'decideExtension', bodyName: '市法制办', approve: true } });
    expect(state.assignments[0]).toMatchObject({ due: until, originalDue: '2016-01-31T15:59:59.000Z' });
  });

  it('close a co-led task only when both leads are accepted', () => {
    const state = task([
      assignment({ status: 'submitted' }),
      assignment({ bodyName: '市审批办', bodyId: 'approval-office', primary: false, status: 'submitted' }),
    ]);
    act(state, { actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
    expect(state.status).toBe('open');
    act(state, { actor: supervisor, action: { type: 'accept', bodyName: '市审批办' } });
    expect(state.status).toBe('closed');
  });

  it('replace a placeholder group by the bodies the supervising office designates', () => {
    const state = task([
      assignment({ status: 'in_progress' }),
      assignment({ role: 'support', bodyName: '市有关行政主管部门', bodyId: 'relevant-authorities', placeholder: true, primary: false }),
    ]);
    act(state, {
      actor: supervisor,
      action: { type: 'designate', bodyName: '市有关行政主管部门', bodies: [{ name: '市商务委', id: 'commerce', due: '2016-02-29T15:59:59.000Z' }, { name: '市环保局', id: 'environment' }] },
    });
    // Each designated body has its own deadline; one not given inherits the group's.
    expect(state.assignments.slice(2).map((a) => [a.bodyName, a.due, a.originalDue])).toEqual([
      ['市商务委', '2016-02-29T15:59:59.000Z', '2016-02-29T15:59:59.000Z'],
      ['市环保局', '2016-01-31T15:59:59.000Z', '2016-01-31T15:59:59.000Z'],
    ]);
    expect(state.assignments.map((a) => [a.bodyName, a.role, a.status])).toEqual([
      ['市法制办', 'lead', 'in_progress'],
      ['市有关行政主管部门', 'support', 'designated'],
      ['市商务委', 'support', 'assigned'],
      ['市环保局', 'support', 'assigned'],
    ]);
    expect(() =>
      validateAction(state, { actor: supervisor, action: { type: 'designate', bodyName: '市商务委', bodies: [{ name: '市编办', id: 'staffing-office' }] } }, now),
    ).toThrow(/Only a placeholder group can be designated/);
    const group = task([assignment({ role: 'support', bodyName: '各区县人民政府', bodyId: 'districts', placeholder: true, primary: false })]);
    const designate = (due: string) => validateAction(group, { actor: supervisor, action: { type: 'designate', bodyName: '各区县人民政府', bodies: [{ name: '和平区', id: 'heping', due }] } }, now);
    expect(() => designate('2016-01-19T15:59:59.000Z')).toThrow(/The deadline for "和平区" must be in the future/);
    expect(() => designate('soon')).toThrow(/not a valid date/);
  });

  it('offer each actor exactly the actions its validator would let through', () => {
    const state = task([assignment(), assignment({ role: 'support', bodyName: '市编办', bodyId: 'staffing-office', primary: false })]);
    const offered = (actor: typeof legal, bodyName = '市法制办') => {
      const a = state.assignments.find((x) => x.bodyName === bodyName)!;
      return availableTaskActions(state.status, { ...a, extensionPending: a.extension !== null, acknowledged: Boolean(a.acknowledgedAt) }, actor);
    };
    expect(offered(legal)).toEqual(['acknowledge', 'progress', 'submit', 'requestExtension']);
    expect(offered(market)).toEqual([]);
    expect(offered(supervisor)).toEqual(['urge', 'withdraw', 'escalate']);
    expect(offered(supervisor, '市编办')).toEqual(['urge', 'withdraw', 'setBlocking', 'escalate']);
    act(state, { actor: legal, action: { type: 'requestExtension', bodyName: '市法制办', until: '2016-06-30T15:59:59Z', comment: '需要更多时间' } });
    expect(offered(legal)).toEqual(['progress', 'submit']);
    expect(offered(supervisor)).toEqual(['decideExtension', 'urge', 'withdraw', 'escalate']);
    act(state, { actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '' } });
    expect(offered(supervisor)).toEqual(['accept', 'return', 'withdraw']);
    act(state, { actor: supervisor, action: { type: 'accept', bodyName: '市法制办' } });
    expect(state.status).toBe('closed');
    expect(offered(supervisor, '市编办')).toEqual([]);
  });
});
