import { describe, expect, it } from 'vitest';
import type { Actor } from '../supervision/types.ts';
import type { UnitSummary } from '../rounds/unit.ts';
import { approvalBodies, reportingUnits } from './bodies.ts';
import { tianjinBodies } from '../bodies/tianjin.ts';
import { applyFilingRoundAction, availableFilingRoundActions, normalizeRows, submissionProblems, validateFilingRoundAction, type FilingRoundState } from './round.ts';

const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const deadline = '2016-01-31T23:59:59+08:00';
const summary = (bodyId: string, status: UnitSummary['status'], firstSubmittedAt: string | null = null): UnitSummary => ({
  bodyId, bodyName: bodyId, status, firstSubmittedAt, acceptedAt: null, returnCount: 0,
});
const round = (units: UnitSummary[]): FilingRoundState => ({
  roundId: 'filing:1', title: '监管目录备案', deadline, status: 'open', units, consolidatedAt: null, filedOn: null, filingNumber: null, seq: 0,
});
const before = Date.parse('2016-01-20T00:00:00+08:00');
const after = Date.parse('2016-02-10T00:00:00+08:00');
const row = { item: '食品生产许可', disposition: '保留', object: '企业', content: '条件', method: '抽查', standard: '通则', measures: '整改', procedure: '检查' };

describe('filing round', () => {
  it('consolidates before the deadline only when every body is accepted, and never with work awaiting review', () => {
    const consolidate = { actor: supervisor, action: { type: 'consolidate' as const } };
    expect(() => validateFilingRoundAction(round([summary('a', 'accepted'), summary('b', 'assigned')]), consolidate, before)).toThrow('every body must be accepted');
    expect(() => validateFilingRoundAction(round([summary('a', 'accepted'), summary('b', 'submitted')]), consolidate, after)).toThrow('Review every submission');
    expect(() => validateFilingRoundAction(round([summary('a', 'assigned')]), consolidate, after)).toThrow('No catalogue');
    expect(() => validateFilingRoundAction(round([summary('a', 'accepted')]), { ...consolidate, actor: { ...supervisor, role: 'department' } }, after)).toThrow('Only the supervising office');
  });

  it('after the deadline lists the late and the overdue, then records the filing', () => {
    const state = round([summary('a', 'accepted', '2016-01-30T00:00:00Z'), summary('b', 'accepted', '2016-02-03T00:00:00Z'), summary('c', 'returned', '2016-01-29T00:00:00Z')]);
    validateFilingRoundAction(state, { actor: supervisor, action: { type: 'consolidate' } }, after);
    const event = applyFilingRoundAction(state, { actor: supervisor, action: { type: 'consolidate' } }, after);
    expect(event.data).toEqual({ included: ['a', 'b'], late: ['b'], overdue: ['c'] });
    const file = (filedOn: string, filingNumber = '津政备〔2016〕3号') => ({ actor: supervisor, action: { type: 'recordFiling' as const, filedOn, filingNumber } });
    expect(() => validateFilingRoundAction(state, file('2016/02/15'), after + 10 * 86_400_000)).toThrow('YYYY-MM-DD');
    expect(() => validateFilingRoundAction(state, file('2016-03-01'), after)).toThrow('future');
    expect(() => validateFilingRoundAction(state, file('2016-02-10', ' '), after)).toThrow('filing number');
    applyFilingRoundAction(state, file('2016-02-10'), after);
    expect(state).toMatchObject({ status: 'filed', filedOn: '2016-02-10', filingNumber: '津政备〔2016〕3号' });
    expect(() => validateFilingRoundAction(state, file('2016-02-10'), after)).toThrow('Already filed');
  });

  it('checks a submission: the measures document and every catalogue row', () => {
    expect(submissionProblems({ measures: { id: 'abc', name: '办法.docx' }, rows: normalizeRows([row]) })).toEqual([]);
    const problems = submissionProblems({ measures: { id: '', name: '' }, rows: normalizeRows([row, { ...row, object: '' }]) });
    expect(problems).toEqual([
      '请附上实施办法文件 Attach the implementation measures document.',
      '第 2 行 Row 2: 缺少监管对象 Missing Supervised object.',
      '第 2 行 Row 2: 审批事项"食品生产许可"与第 1 行重复 Duplicate of row 1.',
    ]);
    expect(normalizeRows([row])[0]!.disposition).toBe('kept');
  });

  it('takes the approval bodies and every district as reporting units', () => {
    const approval = approvalBodies(tianjinBodies).map((b) => b.id);
    expect(approval).toContain('market-commission');
    expect(approval).not.toContain('performance-office');
    expect(approval).not.toContain('pboc-tianjin');
    expect(reportingUnits(tianjinBodies)).toHaveLength(16 + approval.length);
  });

  it('offers the supervising office what its validator would let through, and a department nothing', () => {
    const department: Actor = { ...supervisor, role: 'department', bodyId: 'a' };
    const ready = round([summary('a', 'accepted')]);
    expect(availableFilingRoundActions(ready, supervisor, before)).toEqual(['consolidate']);
    expect(availableFilingRoundActions(ready, department, before)).toEqual([]);
    expect(availableFilingRoundActions(round([summary('a', 'submitted')]), supervisor, after)).toEqual([]);
    expect(availableFilingRoundActions({ ...ready, status: 'consolidated' }, supervisor, after)).toEqual(['recordFiling']);
    expect(availableFilingRoundActions({ ...ready, status: 'filed' }, supervisor, after)).toEqual([]);
  });
});
