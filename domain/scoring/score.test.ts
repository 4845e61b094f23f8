import { describe, expect, it } from 'vitest';
import { defaultRubric, rubricProblems, scoredPopulation } from './rubric.ts';
import { scoreBody, type BodyRecord } from './score.ts';

const endOf2016 = Date.parse('2016-12-31T23:59:59+08:00');
const january = '2016-01-31T23:59:59+08:00';

// Worked by hand with the default rubric (base 100):
//  2.1 lead, submitted 2016-02-10 10:00 (+08:00): 9 days 10 hours late → 10 started days;
//      overdue −3, days 10 × 0.1 = −1.0, returned twice −2.
//  6.6 support, never submitted, 335 days late at the year's end (2016 is a leap year);
//      weight 0.5: overdue −1.5, days 335 × 0.1 × 0.5 = −16.75 → −16.8.
//  9.4 lead, submitted on time: nothing.
//  Report due 2016-11-30, submitted 2016-12-05: late −5. Catalogue never filed: −10.
//  100 − (3 + 1.5) − (1.0 + 16.8) − 2 − 5 − 10 = 60.7
const legal: BodyRecord = {
  bodyId: 'legal-affairs-office',
  year: 2016,
  assignments: [
    { id: 'a-2.1', taskRef: '2.1', role: 'lead', due: january, submittedAt: '2016-02-10T10:00:00+08:00', returnCount: 2 },
    { id: 'a-6.6', taskRef: '6.6', role: 'support', due: january, submittedAt: null, returnCount: 0 },
    { id: 'a-9.4', taskRef: '9.4', role: 'lead', due: january, submittedAt: '2016-01-20T10:00:00+08:00', returnCount: 0 },
  ],
  report: { due: '2016-11-30T23:59:59+08:00', submittedAt: '2016-12-05T09:00:00+08:00' },
  catalogue: { due: january, submittedAt: null },
};

describe('scoreBody', () => {
  it('scores a hand-made record to the point, with the reason behind each deduction', () => {
    const score = scoreBody(legal, defaultRubric, endOf2016);
    expect(score.score).toBe(60.7);
    expect(score.rubricVersion).toBe('default-2026.1');
    expect(score.breakdown.map((c) => [c.criterion, c.points])).toEqual([
      ['overdueAssignments', -4.5],
      ['overdueDays', -17.8],
      ['returns', -2],
      ['report', -5],
      ['catalogue', -10],
    ]);
    expect(score.breakdown[1]!.deductions).toEqual([
      { source: 'a-2.1', detail: '任务 2.1（牵头） 10 天 days', points: 1 },
      { source: 'a-6.6', detail: '任务 6.6（配合） 335 天 days', points: 16.8 },
    ]);
    expect(score.breakdown[4]!.deductions[0]!.detail).toContain('未报送 not submitted');
  });

  it('caps each criterion', () => {
    const many: BodyRecord = {
      ...legal,
      report: null,
      catalogue: null,
      assignments: Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, taskRef: `1.${i}`, role: 'lead' as const, due: january, submittedAt: null, returnCount: 0 })),
    };
    const score = scoreBody(many, defaultRubric, endOf2016);
    // 12 × 3 = 36 → capped at 30; 12 × 335 × 0.1 = 402 → capped at 20.
    expect(score.breakdown.slice(0, 2).map((c) => [c.points, c.capped])).toEqual([[-30, true], [-20, true]]);
    expect(score.score).toBe(50);
  });

  it('gives the base to a body with a clean record, and never goes below zero', () => {
    expect(scoreBody({ ...legal, assignments: [], report: null, catalogue: null }, defaultRubric, endOf2016).score).toBe(100);
    const harsh = { ...defaultRubric, version: 'harsh', reportMissing: 200 };
    expect(scoreBody({ ...legal, report: { due: january, submittedAt: null } }, harsh, endOf2016).score).toBe(0);
  });

  it('recomputes to the same score from the same record and rubric', () => {
    expect(scoreBody(legal, defaultRubric, endOf2016)).toEqual(scoreBody(structuredClone(legal), { ...defaultRubric }, endOf2016));
  });
});

describe('rubricProblems', () => {
  it('accepts the default and refuses negative or missing weights', () => {
    expect(rubricProblems(defaultRubric)).toEqual([]);
    expect(rubricProblems({ ...defaultRubric, perReturn: -1, version: ' ' })).toHaveLength(2);
    expect(rubricProblems({ ...defaultRubric, supportWeight: 2 })).toEqual(['supportWeight 不能大于 1 must be at most 1.']);
  });
});

describe('the scored population in a rubric', () => {
  it('defaults to departments and districts without the performance office, and refuses kinds it does not know', () => {
    expect(scoredPopulation({ ...defaultRubric, scoredBodyKinds: undefined, excludedBodies: undefined })).toEqual({ kinds: ['department', 'district'], excluded: ['performance-office'] });
    expect(rubricProblems(defaultRubric)).toEqual([]);
    expect(rubricProblems({ ...defaultRubric, scoredBodyKinds: ['group'] }).join()).toContain('scoredBodyKinds');
    expect(rubricProblems({ ...defaultRubric, scoredBodyKinds: [] }).join()).toContain('scoredBodyKinds');
    expect(rubricProblems({ ...defaultRubric, excludedBodies: [''] }).join()).toContain('excludedBodies');
  });
});
