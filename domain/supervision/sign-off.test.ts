import { describe, expect, it } from 'vitest';
import type { ActionRequest } from './actions.ts';
import { assignment, legal, task } from './fixtures.ts';
import { delegationInForce, dutyNow, needsSignOff } from './sign-off.ts';
import { applyAction, availableTaskActions, standing, validateAction } from './transitions.ts';
import type { Actor, TaskState } from './types.ts';

const now = Date.parse('2016-01-10T02:00:00Z');
const drafter: Actor = { ...legal, accountId: 'a-zhang', name: '张三', duty: 'drafter' };
const head: Actor = { ...legal, accountId: 'a-li', name: '李四', duty: 'responsible' };
const period = { from: '2016-01-09T00:00:00Z', until: '2016-01-12T00:00:00Z' };
const delegate: Actor = { ...legal, accountId: 'a-wang', name: '王五', duty: 'responsible', onBehalfOf: { accountId: 'a-li', name: '李四', ...period } };

/** Validates and applies, as the workflow does: drafted when the actor's action waits for sign-off. */
function act(state: TaskState, request: ActionRequest, at = now) {
  validateAction(state, request, at);
  return applyAction(state, request, at, { draft: needsSignOff(request.actor, request.action.type) });
}

const offered = (state: TaskState, actor: Actor) => availableTaskActions(state.status, standing(state.assignments[0]!), actor);

describe('who signs off (签发)', () => {
  it('gives each account its duty now: the 负责人 signs, a 承办人 drafts only where the unit has a 负责人', () => {
    expect(dutyNow('responsible', 0, null, now)).toEqual({ duty: 'responsible' });
    expect(dutyNow(null, 3, null, now)).toEqual({ duty: 'responsible' });
    expect(dutyNow('drafter', 1, null, now)).toEqual({ duty: 'drafter' });
    // A unit without a 负责人 works as before: its 承办人 submits.
    expect(dutyNow('drafter', 0, null, now)).toEqual({});
    const principal = { accountId: 'a-li', name: '李四' };
    expect(dutyNow('drafter', 1, { ...period, principal }, now)).toEqual({ duty: 'responsible', onBehalfOf: { ...principal, ...period } });
    expect(dutyNow('drafter', 1, { ...period, principal, revokedAt: '2016-01-09T12:00:00Z' }, now)).toEqual({ duty: 'drafter' });
  });

  it('keeps a delegation in force from its start (inclusive) until its end (exclusive)', () => {
    expect(delegationInForce(period, Date.parse(period.from) - 1)).toBe(false);
    expect(delegationInForce(period, Date.parse(period.from))).toBe(true);
    expect(delegationInForce(period, Date.parse(period.until) - 1)).toBe(true);
    expect(delegationInForce(period, Date.parse(period.until))).toBe(false);
  });

  it("keeps a 承办人's submission for sign-off: not submitted, and only the 负责人 is offered 签发", () => {
    const state = task([assignment({ status: 'in_progress' })]);
    const event = act(state, { actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '细则初稿', attachments: [{ id: 'f1', name: '细则.docx' }] } });
    expect(event).toMatchObject({ type: 'draft', actor: { name: '张三' }, data: { draftOf: 'submit' } });
    const a = state.assignments[0]!;
    expect(a.status).toBe('in_progress');
    expect(a.submittedAt).toBeNull();
    expect(a.signOffDraft).toMatchObject({ type: 'submit', comment: '细则初稿', draftedBy: { name: '张三' } });
    expect(offered(state, drafter)).not.toContain('signOff');
    expect(offered(state, drafter)).not.toContain('submit');
    expect(offered(state, head)).toEqual(expect.arrayContaining(['signOff', 'returnDraft']));
    expect(() => act(state, { actor: drafter, action: { type: 'signOff', bodyName: '市法制办' } })).toThrow(/responsible person/);
    expect(() => act(state, { actor: head, action: { type: 'submit', bodyName: '市法制办', comment: '另一稿' } })).toThrow(/awaits sign-off/);

    const signed = act(state, { actor: head, action: { type: 'signOff', bodyName: '市法制办', comment: '同意报送' } });
    expect(signed).toMatchObject({ type: 'submit', comment: '细则初稿', attachments: [{ id: 'f1' }], actor: { name: '李四' }, data: { signedOff: true, draftedBy: '张三', signOffComment: '同意报送' } });
    expect(a.status).toBe('submitted');
    expect(a.signOffDraft).toBeNull();
  });

  it('returns a draft with reasons, to be drafted again', () => {
    const state = task([assignment({ status: 'in_progress' })]);
    act(state, { actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '初稿' } });
    expect(() => act(state, { actor: head, action: { type: 'returnDraft', bodyName: '市法制办', comment: '' } })).toThrow(/give the reasons/);
    const returned = act(state, { actor: head, action: { type: 'returnDraft', bodyName: '市法制办', comment: '请补充数据' } });
    expect(returned).toMatchObject({ type: 'returnDraft', data: { draftOf: 'submit', draftedBy: '张三' } });
    expect(state.assignments[0]!.signOffDraft).toBeNull();
    expect(state.assignments[0]!.status).toBe('in_progress');
    expect(offered(state, head)).not.toContain('signOff');
    expect(act(state, { actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '二稿' } }).type).toBe('draft');
  });

  it('lets an acting delegate sign off within the period, naming both persons, and refuses after it', () => {
    const state = task([assignment({ status: 'in_progress' })]);
    act(state, { actor: drafter, action: { type: 'submit', bodyName: '市法制办', comment: '初稿' } });
    expect(() => act(state, { actor: delegate, action: { type: 'signOff', bodyName: '市法制办' } }, Date.parse(period.until))).toThrow(/not in force/);
    const signed = act(state, { actor: delegate, action: { type: 'signOff', bodyName: '市法制办' } }, Date.parse(period.until) - 1);
    expect(signed.actor).toEqual({ accountId: 'a-wang', name: '王五', onBehalfOf: { accountId: 'a-li', name: '李四' } });
  });

  it('signs off a drafted extension request as the unit\'s request, checked again against the deadline', () => {
    const state = task([assignment({ status: 'in_progress' })]);
    act(state, { actor: drafter, action: { type: 'requestExtension', bodyName: '市法制办', until: '2016-03-01T00:00:00Z', comment: '需会签' } });
    expect(state.assignments[0]!.extension).toBeNull();
    expect(() => act(state, { actor: head, action: { type: 'signOff', bodyName: '市法制办' } }, Date.parse('2016-03-02T00:00:00Z'))).toThrow(/must be in the future/);
    const signed = act(state, { actor: head, action: { type: 'signOff', bodyName: '市法制办' } });
    expect(signed).toMatchObject({ type: 'requestExtension', data: { until: '2016-03-01T00:00:00Z', signedOff: true } });
    expect(state.assignments[0]!.extension).toMatchObject({ until: '2016-03-01T00:00:00Z', requestedBy: '张三' });
  });

  it('lets progress, and a unit without a 负责人, go straight through', () => {
    const state = task([assignment({ status: 'assigned' })]);
    expect(act(state, { actor: drafter, action: { type: 'progress', bodyName: '市法制办', comment: '起草中', percent: 40 } }).type).toBe('progress');
    expect(act(state, { actor: legal, action: { type: 'submit', bodyName: '市法制办', comment: '细则' } }).type).toBe('submit');
    expect(state.assignments[0]!.status).toBe('submitted');
  });
});
