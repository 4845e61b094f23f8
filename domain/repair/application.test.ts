import { describe, expect, it } from 'vitest';
import type { CreditRecord } from '../credit/classes.ts';
import type { Actor } from '../supervision/types.ts';
import { workingDayEnds } from '../time/working-day-calendar.ts';
import { applyRepairAction, availableRepairActions, fileRepair, markRepairOverdue, validateRepairAction } from './application.ts';
import { addMonths, defaultRepairPolicy, earliestRepairDate, repairProblems } from './eligibility.ts';

const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const record = (over: Partial<CreditRecord> = {}): CreditRecord => ({ id: 'r1', kind: 'penalty', amountYuan: 20_000, date: '2016-01-15', status: 'active', ...over });
const complete = { evidence: ['sha-evidence'], commitment: 'sha-commitment' };
const at = (date: string) => Date.parse(`${date}T10:00:00+08:00`);

describe('credit repair eligibility', () => {
  it('needs the minimum publication period of the record kind', () => {
    expect(earliestRepairDate(record())).toBe('2016-04-15');
    expect(earliestRepairDate(record({ severity: 'serious' }))).toBe('2016-07-15');
    expect(earliestRepairDate(record({ kind: 'abnormal' }))).toBe('2016-01-15');
    expect(repairProblems(record(), complete, at('2016-04-14'))).toEqual([expect.stringContaining('repair is possible from 2016-04-15')]);
    expect(repairProblems(record(), complete, at('2016-04-15'))).toEqual([]);
  });

  it('excludes what the rules exclude, and needs evidence and a signed commitment', () => {
    expect(repairProblems(record({ repairExcluded: true }), complete, at('2020-01-01'))).toEqual([expect.stringContaining('exclude')]);
    const strict = { ...defaultRepairPolicy, minimumMonths: { ...defaultRepairPolicy.minimumMonths, seriousViolation: null } };
    expect(earliestRepairDate(record({ kind: 'seriousViolation' }), strict)).toBeNull();
    expect(repairProblems(record(), { evidence: [], commitment: null }, at('2017-01-01'))).toHaveLength(2);
    expect(repairProblems(record({ status: 'repaired' }), complete, at('2017-01-01'))).toEqual([expect.stringContaining('already been repaired')]);
  });

  it('adds calendar months, clamping to the end of a short month', () => {
    expect([addMonths('2016-11-30', 3), addMonths('2016-08-31', 6), addMonths('2015-12-31', 2)]).toEqual(['2017-02-28', '2017-02-28', '2016-02-29']);
  });
});

describe('repair application', () => {
  const file = (filedAt: number, r = record()) =>
    fileRepair({ applicationId: 'repair-1', entityCode: 'E', record: r, statement: '已缴清罚款', filedBy: { accountId: 'a', name: '和平区', bodyId: 'heping' },
      filedAt, policy: defaultRepairPolicy, calendar: workingDayEnds(filedAt, 60), ...complete });

  it('is refused by rule when too early, with the reason', () => {
    const s = file(at('2016-02-01'));
    expect(s.status).toBe('refused');
    expect(s.events.map((e) => [e.type, e.actor.name])).toEqual([['filed', '和平区'], ['refused', '督办系统 Duban']]);
    expect(() => validateRepairAction(s, { actor: supervisor, action: { type: 'approve' } })).toThrow(/closed/);
  });

  it('offers approve and refuse to the supervising office while under review, nothing to anyone else or after', () => {
    const department: Actor = { accountId: 'a', name: '和平区', role: 'department', bodyId: 'heping' };
    expect(availableRepairActions(file(at('2016-05-03')), supervisor)).toEqual(['approve', 'refuse']);
    expect(availableRepairActions(file(at('2016-05-03')), department)).toEqual([]);
    expect(availableRepairActions(file(at('2016-02-01')), supervisor)).toEqual([]);
  });

  it('is reviewed within 10 working days, and approved', () => {
    const s = file(at('2016-05-03'));
    expect(new Date(s.reviewBy!)).toEqual(new Date('2016-05-17T23:59:59+08:00'));
    expect(markRepairOverdue(s, s.reviewBy! - 1)).toBeNull();
    expect(markRepairOverdue(s, s.reviewBy!)).toMatchObject({ type: 'overdue' });
    expect(markRepairOverdue(s, s.reviewBy! + 1)).toBeNull();
    expect(() => validateRepairAction(s, { actor: { ...supervisor, role: 'department' }, action: { type: 'approve' } })).toThrow(/Only the supervising office/);
    expect(() => validateRepairAction(s, { actor: supervisor, action: { type: 'refuse', reasons: '' } })).toThrow(/reasons/);
    applyRepairAction(s, { actor: supervisor, action: { type: 'approve' } }, s.reviewBy! + 1);
    expect(s.status).toBe('approved');
  });
});
