import { describe, expect, it } from 'vitest';
import type { Actor } from '../supervision/types.ts';
import { workingDayEnds } from '../time/working-day-calendar.ts';
import { arrangement2027 } from '../time/fixtures.ts';
import { workingDayTimes } from '../time/working-day-calendar.ts';
import {
  applyObjectionAction, availableObjectionActions, defaultObjectionLimits, fileObjection, markObjectionOverdue, nextObjectionDeadline, objectionProvisional, objectionTextRequired, retimeObjection,
  validateObjectionAction, validateObjectionRetime, type ObjectionAction, type ObjectionState,
} from './case.ts';
import { objectionNotices } from './notices.ts';

const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const heping: Actor = { accountId: 'a-hp', name: '和平区', role: 'department', bodyId: 'heping' };
const market: Actor = { accountId: 'a-mk', name: '市场监管委', role: 'department', bodyId: 'market-commission' };
const filedAt = Date.parse('2016-03-01T10:00:00+08:00'); // a Tuesday

function newCase(): ObjectionState {
  return fileObjection({
    caseId: 'objection-1', entityCode: '91350100M000100Y43', recordId: 'r1', providerBodyId: 'market-commission',
    reasons: '罚款金额登记有误', evidence: ['sha'], filedBy: { accountId: 'a-hp', name: '和平区', bodyId: 'heping' },
    filedAt, limits: defaultObjectionLimits, calendar: workingDayEnds(filedAt, 120),
  });
}
const act = (s: ObjectionState, actor: Actor, action: ObjectionAction, at: number) => {
  validateObjectionAction(s, { actor, action }, at);
  return applyObjectionAction(s, { actor, action }, at);
};

describe('objection case', () => {
  it('offers the review to the supervising office and the reply to the providing body only, step by step', () => {
    const s = newCase();
    expect(availableObjectionActions(s, supervisor)).toEqual(['accept', 'refuse']);
    expect(availableObjectionActions(s, market)).toEqual([]);
    act(s, supervisor, { type: 'accept' }, filedAt + 3_600_000);
    expect(availableObjectionActions(s, supervisor)).toEqual(['askProvider', 'uphold', 'correct']);
    act(s, supervisor, { type: 'askProvider', question: '请核实罚款金额' }, filedAt + 7_200_000);
    expect(availableObjectionActions(s, market)).toEqual(['providerReply']);
    expect(availableObjectionActions(s, heping)).toEqual([]);
  });

  it('must be accepted within 5 working days and verified within 20 more', () => {
    const s = newCase();
    expect(new Date(s.acceptBy)).toEqual(new Date('2016-03-08T23:59:59+08:00'));
    const acceptedAt = Date.parse('2016-03-03T09:00:00+08:00');
    act(s, supervisor, { type: 'accept' }, acceptedAt);
    expect(new Date(s.verifyBy!)).toEqual(new Date('2016-03-31T23:59:59+08:00'));
    expect(s.status).toBe('verifying');
  });

  it('asks the providing body, which replies within its own time limit, then corrects', () => {
    const s = newCase();
    act(s, supervisor, { type: 'accept' }, filedAt + 3600_000);
    const asked = act(s, supervisor, { type: 'askProvider', question: '请核实罚款金额' }, filedAt + 7200_000);
    expect(asked.data.replyBy).toBe('2016-03-15T15:59:59.000Z');
    expect(objectionNotices(s, asked)).toMatchObject([{ audience: { kind: 'body', bodyId: 'market-commission' }, kind: 'assigned' }]);
    expect(() => validateObjectionAction(s, { actor: heping, action: { type: 'providerReply', confirmed: false, reply: '…' } }, filedAt)).toThrow(/Only the body that provided/);
    act(s, market, { type: 'providerReply', confirmed: false, reply: '金额录入错误，应为 5000 元' }, filedAt + 86_400_000);
    const corrected = act(s, supervisor, { type: 'correct', reasons: '按提供单位核实更正', correction: { amountYuan: 5000 } }, filedAt + 2 * 86_400_000);
    expect(s).toMatchObject({ status: 'corrected', correction: { amountYuan: 5000 } });
    expect(objectionNotices(s, corrected)).toMatchObject([{ audience: { kind: 'body', bodyId: 'heping' }, kind: 'decision' }]);
    expect(s.events.map((e) => e.type)).toEqual(['filed', 'accepted', 'providerAsked', 'providerReplied', 'corrected']);
  });

  it('refuses wrong actors, missing reasons and closed cases with a reason', () => {
    const s = newCase();
    expect(() => validateObjectionAction(s, { actor: heping, action: { type: 'accept' } }, filedAt)).toThrow(/Only the supervising office/);
    expect(() => validateObjectionAction(s, { actor: supervisor, action: { type: 'refuse', reasons: '  ' } }, filedAt)).toThrow(/Give the reasons for refusing/);
    expect(() => validateObjectionAction(s, { actor: supervisor, action: { type: 'uphold', reasons: 'x' } }, filedAt)).toThrow(/not possible now/);
    act(s, supervisor, { type: 'refuse', reasons: '超过异议期限' }, filedAt);
    expect(() => validateObjectionAction(s, { actor: supervisor, action: { type: 'accept' } }, filedAt)).toThrow(/is closed/);
    expect(s.status).toBe('refused');
  });

  it('requires text exactly for the steps the console marks as needing it', () => {
    const blank: Record<ObjectionAction['type'], ObjectionAction> = {
      accept: { type: 'accept', comment: '' }, refuse: { type: 'refuse', reasons: '' }, askProvider: { type: 'askProvider', question: '' },
      providerReply: { type: 'providerReply', confirmed: true, reply: '' }, uphold: { type: 'uphold', reasons: '' }, correct: { type: 'correct', reasons: '', correction: { annul: true } },
    };
    const states: Array<[ObjectionState['status'], Actor]> = [['filed', supervisor], ['verifying', supervisor], ['awaitingProvider', market]];
    for (const action of Object.values(blank)) {
      const [status, actor] = states.find(([st, a]) => availableObjectionActions({ status: st, providerBodyId: 'market-commission' }, a).includes(action.type))!;
      const s = { ...newCase(), status };
      const refused = (() => {
        try {
          validateObjectionAction(s, { actor, action }, filedAt);
          return false;
        } catch {
          return true;
        }
      })();
      expect([action.type, refused]).toEqual([action.type, objectionTextRequired.has(action.type)]);
    }
  });

  it('marks each passed time limit overdue once', () => {
    const s = newCase();
    expect(nextObjectionDeadline(s)).toBe(s.acceptBy);
    expect(markObjectionOverdue(s, s.acceptBy - 1)).toEqual([]);
    const [late] = markObjectionOverdue(s, s.acceptBy);
    expect(late).toMatchObject({ type: 'overdue', data: { limit: 'acceptance' } });
    expect(markObjectionOverdue(s, s.acceptBy + 1)).toEqual([]);
    expect(nextObjectionDeadline(s)).toBeNull();
    act(s, supervisor, { type: 'accept' }, s.acceptBy + 1);
    expect(nextObjectionDeadline(s)).toBe(s.verifyBy);
    expect(objectionNotices(s, markObjectionOverdue(s, s.verifyBy!)[0]!)).toMatchObject([{ kind: 'overdue', audience: { kind: 'supervisors' } }]);
  });

  it('marks a 20-working-day verification ending on 2027-01-01 provisional and re-times it to 2027-01-04 when 2027 is entered', () => {
    const acceptedAt = Date.parse('2026-12-04T10:00:00+08:00');
    const s = fileObjection({
      caseId: 'objection-2027', entityCode: '91350100M000100Y43', recordId: 'r1', providerBodyId: 'market-commission', reasons: '金额有误', evidence: [],
      filedBy: { accountId: 'a-hp', name: '和平区', bodyId: 'heping' }, filedAt: acceptedAt, limits: defaultObjectionLimits, ...workingDayTimes(acceptedAt, 120, []),
    });
    act(s, supervisor, { type: 'accept' }, acceptedAt);
    expect([new Date(s.verifyBy!), objectionProvisional(s)]).toEqual([new Date('2027-01-01T23:59:59+08:00'), true]);
    expect(() => validateObjectionRetime(s, workingDayTimes(acceptedAt, 5, [arrangement2027]))).toThrow(/does not reach/);
    const event = retimeObjection(s, workingDayTimes(acceptedAt, 120, [arrangement2027]), acceptedAt + 60_000);
    expect([new Date(s.verifyBy!), objectionProvisional(s), event?.type]).toEqual([new Date('2027-01-04T23:59:59+08:00'), false, 'retimed']);
    // Later steps count on the new calendar: a provider asked on 2027-01-29 replies within 10 working days, the make-up Saturday 2027-01-30 counted and the Spring Festival skipped.
    act(s, supervisor, { type: 'askProvider', question: '请核实' }, Date.parse('2027-01-29T10:00:00+08:00'));
    expect(new Date(s.provider!.replyBy)).toEqual(new Date('2027-02-18T23:59:59+08:00'));
  });
});
