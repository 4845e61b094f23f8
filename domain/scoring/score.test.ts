import { describe, expect, it } from 'vitest';
import { defaultRubric, escalationTerms, rubricProblems, scoredPopulation } from './rubric.ts';
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

// The escalation ladder's rungs as fired on the record above (default ladder: urge 0, yellow −1, red −2, 约谈 −2):
//  2.1 lead: urge (0, no line), yellow −1; 6.6 support (×0.5): yellow −0.5, red −1;
//  a 约谈 on 6.6 fired after the scoring instant is not on the record yet.
//  60.7 − (1 + 0.5 + 1) = 58.2
const escalated: BodyRecord = {
  ...legal,
  escalations: [
    { id: 't2.1#4', assignmentId: 'a-2.1', at: '2016-02-02T17:00:00+08:00', action: 'urge', points: 0, slipNumber: null },
    { id: 't2.1#5', assignmentId: 'a-2.1', at: '2016-02-08T17:00:00+08:00', action: 'yellowSlip', points: -1, slipNumber: '督办〔2016〕1号' },
    { id: 't6.6#3', assignmentId: 'a-6.6', at: '2016-02-08T17:00:00+08:00', action: 'yellowSlip', points: -1, slipNumber: '督办〔2016〕2号' },
    { id: 't6.6#4', assignmentId: 'a-6.6', at: '2016-02-22T17:00:00+08:00', action: 'redSlip', points: -2, slipNumber: '督办〔2016〕3号' },
    { id: 't6.6#9', assignmentId: 'a-6.6', at: '2017-01-05T17:00:00+08:00', action: 'interview', points: -2, slipNumber: null },
  ],
};

describe('督办扣分: the escalation ladder\'s points', () => {
  it('deducts each escalation\'s points as fired by the scoring instant, supports at their weight, each line citing its event', () => {
    const score = scoreBody(escalated, defaultRubric, endOf2016);
    expect(score.score).toBe(58.2);
    const line = score.breakdown.find((c) => c.criterion === 'escalations')!;
    expect(line).toMatchObject({ label: '督办扣分 Escalations', points: -2.5, capped: false });
    expect(line.deductions).toEqual([
      { source: 't2.1#5', detail: '任务 2.1（牵头） 黄色督办单 yellow supervision slip 督办〔2016〕1号', points: 1 },
      { source: 't6.6#3', detail: '任务 6.6（配合） 黄色督办单 yellow supervision slip 督办〔2016〕2号', points: 0.5 },
      { source: 't6.6#4', detail: '任务 6.6（配合） 红色督办单 red supervision slip 督办〔2016〕3号', points: 1 },
    ]);
    // The other criteria are as they were.
    expect(score.breakdown.slice(0, 5)).toEqual(scoreBody(legal, defaultRubric, endOf2016).breakdown);
  });

  it('is tuned by the rubric\'s weight and cap, and a withdrawn line is shown but not counted', () => {
    const doubled = scoreBody(escalated, { ...defaultRubric, version: 'x', escalationWeight: 2, escalationCap: 4 }, endOf2016).breakdown.at(-1)!;
    expect([doubled.points, doubled.capped]).toEqual([-4, true]);
    const appealed = scoreBody(escalated, defaultRubric, endOf2016, [{ criterion: 'escalations', source: 't6.6#4' }]);
    expect(appealed.score).toBe(59.2);
    expect(appealed.breakdown.at(-1)!.deductions[2]!.withdrawn).toBe(true);
  });

  it('reads a rubric written before the ladder with the default weights, and recomputes an older record to its stored breakdown', () => {
    const { escalationWeight: _w, escalationCap: _c, ...older } = defaultRubric;
    expect(scoreBody(escalated, older, endOf2016)).toEqual(scoreBody(escalated, defaultRubric, endOf2016));
    expect(escalationTerms(older)).toEqual({ weight: 1, cap: 10 });
    // A record stored before escalations were scored has no such criterion: its score and breakdown are unchanged.
    expect(scoreBody(legal, older, endOf2016).breakdown.map((c) => c.criterion)).toEqual(['overdueAssignments', 'overdueDays', 'returns', 'report', 'catalogue']);
    expect(scoreBody({ ...legal, escalations: [] }, defaultRubric, endOf2016).score).toBe(60.7);
  });
});

describe('rubricProblems', () => {
  it('accepts the default and refuses negative or missing weights', () => {
    expect(rubricProblems(defaultRubric)).toEqual([]);
    expect(rubricProblems({ ...defaultRubric, perReturn: -1, version: ' ' })).toHaveLength(2);
    expect(rubricProblems({ ...defaultRubric, supportWeight: 2 })).toEqual(['supportWeight 不能大于 1 must be at most 1.']);
    expect(rubricProblems({ ...defaultRubric, escalationCap: -1 }).join()).toContain('escalationCap');
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
