import { describe, expect, it } from 'vitest';
import type { Actor } from '../supervision/types.ts';
import type { UnitSummary } from '../rounds/unit.ts';
import { reportProblems } from './report.ts';
import {
  applyEvaluationRoundAction, availableEvaluationRoundActions, calendarProblems, reportDeadline, shanghaiYear, validateEvaluationRoundAction, yearProblems, type EvaluationRoundState,
} from './round.ts';

const supervisor: Actor = { accountId: 'a-sup', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const unit = (bodyId: string, status: UnitSummary['status'], firstSubmittedAt: string | null = null): UnitSummary => ({
  bodyId, bodyName: bodyId, status, firstSubmittedAt, acceptedAt: null, returnCount: 0,
});
const state = (units: UnitSummary[]): EvaluationRoundState => ({
  roundId: 'evaluation:2016', year: 2016, deadline: reportDeadline(2016, '12-15'), status: 'open', units, consolidatedAt: null, summaryDate: null, seq: 0,
});

describe('evaluation round', () => {
  it('dates its deadline at the end of the due day in Shanghai, and its year by the Shanghai calendar', () => {
    expect(reportDeadline(2016, '12-15')).toBe('2016-12-15T15:59:59.000Z');
    expect(shanghaiYear(Date.parse('2016-12-31T16:30:00Z'))).toBe(2017);
    expect(calendarProblems({ opens: '11-01', due: '12-15' })).toEqual([]);
    expect(calendarProblems({ opens: '13-01', due: '12-15' })).toHaveLength(1);
    expect(calendarProblems({ opens: '12-20', due: '12-15' })).toHaveLength(1);
    expect(yearProblems(2014, Date.parse('2016-05-01T00:00:00Z'))).toHaveLength(1);
    expect(yearProblems(2017, Date.parse('2016-05-01T00:00:00Z'))).toEqual([]);
  });

  it('consolidates after the deadline with the late and missing listed, and the date it went to the government', () => {
    const now = Date.parse('2016-12-28T10:00:00+08:00');
    const s = state([unit('heping', 'accepted', '2016-12-10T00:00:00Z'), unit('legal', 'accepted', '2016-12-20T00:00:00Z'), unit('hexi', 'assigned')]);
    const request = (submittedOn: string) => ({ actor: supervisor, action: { type: 'consolidate' as const, submittedOn } });
    expect(() => validateEvaluationRoundAction(s, request('2016-12-29'), now)).toThrow('future');
    expect(() => validateEvaluationRoundAction(s, request('28/12/2016'), now)).toThrow('YYYY-MM-DD');
    expect(() => validateEvaluationRoundAction(s, request('2016-12-28'), Date.parse('2016-12-01T00:00:00+08:00'))).toThrow('every report must be accepted');
    const event = applyEvaluationRoundAction(s, request('2016-12-28'), now);
    expect(event.data).toEqual({ submittedOn: '2016-12-28', accepted: ['heping', 'legal'], late: ['legal'], missing: ['hexi'] });
    expect(() => validateEvaluationRoundAction(s, request('2016-12-28'), now)).toThrow('already consolidated');
  });

  it('requires every section of the report', () => {
    const full = { followUp: '取消事项均已落实后续监管', benefits: '办理时限缩短', marketVitality: '新登记企业增长', supervisionEfficiency: '双随机全覆盖', attachments: [] };
    expect(reportProblems(full)).toEqual([]);
    expect(reportProblems({ ...full, marketVitality: ' ' })).toEqual(['请填写“市场活力” Fill in: Market vitality.']);
  });

  it('offers consolidation to the supervising office only when its validator would let it through', () => {
    const before = Date.parse('2016-12-01T10:00:00+08:00');
    const after = Date.parse('2016-12-28T10:00:00+08:00');
    const department: Actor = { ...supervisor, role: 'department', bodyId: 'heping' };
    expect(availableEvaluationRoundActions(state([unit('heping', 'accepted')]), supervisor, before)).toEqual(['consolidate']);
    expect(availableEvaluationRoundActions(state([unit('heping', 'accepted')]), department, before)).toEqual([]);
    expect(availableEvaluationRoundActions(state([unit('heping', 'assigned')]), supervisor, before)).toEqual([]);
    expect(availableEvaluationRoundActions(state([unit('heping', 'assigned')]), supervisor, after)).toEqual(['consolidate']);
    expect(availableEvaluationRoundActions({ ...state([unit('heping', 'accepted')]), status: 'consolidated' }, supervisor, after)).toEqual([]);
  });
});
