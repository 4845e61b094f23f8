import { describe, expect, it } from 'vitest';
import type { Actor } from '../supervision/types.ts';
import { reminderDue } from '../supervision/reminders.ts';
import { applyUnitAction, availableUnitActions, lateAndMissing, newUnit, summarize, unitLight, validateUnitAction, type UnitState } from './unit.ts';

const due = '2016-01-31T23:59:59+08:00';
const legal: Actor = { accountId: 'a-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const market: Actor = { accountId: 'a-market', name: '市场监管委', role: 'department', bodyId: 'market-commission' };
const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const none = () => [];
const unit = (): UnitState<string> =>
  newUnit({ roundId: 'r', unitId: 'r/legal', roundLabel: '备案', bodyId: 'legal-affairs-office', bodyName: '市法制办', due });
const at = (iso: string) => Date.parse(iso);

describe('round unit', () => {
  it('offers each actor the actions its validator lets through, and nothing once the round is closed', () => {
    const u = unit();
    expect(availableUnitActions(u, legal)).toEqual(['submit']);
    expect(availableUnitActions(u, market)).toEqual([]);
    expect(availableUnitActions(u, supervisor)).toEqual(['urge']);
    applyUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'v1' } }, at('2016-01-20T10:00:00+08:00'));
    expect(availableUnitActions(u, legal)).toEqual([]);
    expect(availableUnitActions(u, supervisor)).toEqual(['accept', 'return']);
    expect(availableUnitActions({ ...u, closed: true }, supervisor)).toEqual([]);
  });

  it('lets only the body submit, only the supervising office review, each from its status', () => {
    const u = unit();
    expect(() => validateUnitAction(u, { actor: market, action: { type: 'submit', submission: 'x' } }, none)).toThrow('own body');
    expect(() => validateUnitAction(u, { actor: supervisor, action: { type: 'submit', submission: 'x' } }, none)).toThrow('Only the reporting body');
    expect(() => validateUnitAction(u, { actor: legal, action: { type: 'accept' } }, none)).toThrow('Only the supervising office');
    expect(() => validateUnitAction(u, { actor: supervisor, action: { type: 'accept' } }, none)).toThrow('while the unit is assigned');
    expect(() => validateUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'x' } }, () => ['缺少目录'])).toThrow('缺少目录');
    validateUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'x' } }, none);
  });

  it('returns with reasons, keeps the first submission time, and counts the return', () => {
    const u = unit();
    applyUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'v1' } }, at('2016-01-20T10:00:00+08:00'));
    expect(() => validateUnitAction(u, { actor: supervisor, action: { type: 'return', comment: ' ' } }, none)).toThrow('Please give the reasons');
    const event = applyUnitAction(u, { actor: supervisor, action: { type: 'return', comment: '缺少监管标准' } }, at('2016-01-22T10:00:00+08:00'));
    expect(event).toMatchObject({ seq: 2, type: 'return', comment: '缺少监管标准', bodyId: 'legal-affairs-office' });
    expect(u).toMatchObject({ status: 'returned', submittedAt: null, returnCount: 1, lastReason: '缺少监管标准', firstSubmittedAt: '2016-01-20T02:00:00.000Z' });
    const late = applyUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'v2' } }, at('2016-02-02T10:00:00+08:00'));
    expect(late.data.late).toBe(true);
    expect(u.firstSubmittedAt).toBe('2016-01-20T02:00:00.000Z');
    expect(unitLight(u, at('2016-02-03T00:00:00+08:00'))).toBe('yellow');
  });

  it('is reminded and goes red like an assignment, and a closed round refuses everything', () => {
    const u = unit();
    expect(reminderDue(u, [7, 1], at('2016-01-25T00:00:00+08:00'))?.kind).toBe('before');
    expect(unitLight(u, at('2016-02-01T00:00:01+08:00'))).toBe('red');
    u.closed = true;
    expect(() => validateUnitAction(u, { actor: legal, action: { type: 'submit', submission: 'x' } }, none)).toThrow('closed');
  });

  it('lists late and missing units', () => {
    const onTime = { ...summarize(unit()), bodyId: 'a', status: 'accepted' as const, firstSubmittedAt: '2016-01-30T00:00:00Z' };
    const late = { ...onTime, bodyId: 'b', firstSubmittedAt: '2016-02-01T00:00:00Z' };
    const returned = { ...onTime, bodyId: 'c', status: 'returned' as const };
    const never = { ...summarize(unit()), bodyId: 'd' };
    expect(lateAndMissing([onTime, late, returned, never], due)).toEqual({ late: ['b'], missing: ['c', 'd'] });
  });
});
