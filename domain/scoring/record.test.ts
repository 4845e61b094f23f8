import { describe, expect, it } from 'vitest';
import { bodyRecord, scoringInstant, type AssignmentRow, type UnitRow } from './record.ts';
import { defaultRubric } from './rubric.ts';
import { scoreBody } from './score.ts';
import { sheetActionProblem } from './sheet.ts';

const d = (iso: string) => new Date(iso);
const assignments: AssignmentRow[] = [
  { id: 't/3.2/和平区人民政府', taskRef: '3.2', role: 'lead', status: 'accepted', due: d('2016-03-31T23:59:59+08:00'), submittedAt: d('2016-04-03T09:00:00+08:00'), returnCount: 1 },
  { id: 't/4.1/和平区人民政府', taskRef: '4.1', role: 'support', status: 'returned', due: d('2016-06-30T23:59:59+08:00'), submittedAt: null, returnCount: 2 },
  { id: 't/1.1/和平区人民政府', taskRef: '1.1', role: 'lead', status: 'assigned', due: d('2015-12-31T23:59:59+08:00'), submittedAt: null, returnCount: 0 },
  { id: 't/5.5/和平区人民政府', taskRef: '5.5', role: 'lead', status: 'withdrawn', due: d('2016-05-01T23:59:59+08:00'), submittedAt: null, returnCount: 0 },
];
const report: UnitRow = { id: 'evaluation:2016/district-heping', status: 'accepted', due: d('2016-12-15T23:59:59+08:00'), submittedAt: d('2016-12-14T10:00:00+08:00') };
// Submitted on time, then returned and never resubmitted: the catalogue is owed again.
const filings: UnitRow[] = [{ id: 'filing:1/district-heping', status: 'returned', due: d('2016-01-31T23:59:59+08:00'), submittedAt: d('2016-01-25T10:00:00+08:00'), round: '2016 年第一批' }];
const endOf2016 = scoringInstant(2016, Date.parse('2017-03-01T00:00:00Z'));

describe('the score record from the read model', () => {
  it('takes the year\'s counted assignments, the year\'s report and the catalogue filing', () => {
    const { record, sources } = bodyRecord('district-heping', 2016, assignments, report, filings, endOf2016);
    expect(record.assignments.map((a) => a.taskRef)).toEqual(['3.2', '4.1']);
    expect(record.report).toEqual({ id: 'evaluation:2016/district-heping', due: '2016-12-15T15:59:59.000Z', submittedAt: '2016-12-14T02:00:00.000Z' });
    expect(record.catalogues).toEqual([{ id: 'filing:1/district-heping', round: '2016 年第一批', due: '2016-01-31T15:59:59.000Z', submittedAt: null }]);
    expect(sources).toEqual({ report: 'evaluation:2016/district-heping', catalogue: 'filing:1/district-heping' });
  });

  // Worked by hand, default rubric, as of 2016-12-31 23:59:59 (+08:00):
  //  3.2 lead, due 03-31 23:59:59, submitted 04-03 09:00: 2 days 9 h late → 3 started days;
  //      overdue −3, days 3 × 0.1 = −0.3, returned once −1.
  //  4.1 support (×0.5), returned and owed since 06-30 23:59:59: 184 days at the year's end;
  //      overdue −1.5, days 184 × 0.1 × 0.5 = −9.2, returned twice 2 × 1 × 0.5 = −1.
  //  Report on time: 0. Catalogue returned and never resubmitted: missing −10.
  //  100 − 4.5 − 9.5 − 2 − 0 − 10 = 74
  it('scores it to the point with the default rubric', () => {
    const score = scoreBody(bodyRecord('district-heping', 2016, assignments, report, filings, endOf2016).record, defaultRubric, endOf2016);
    expect(score.breakdown.map((c) => c.points)).toEqual([-4.5, -9.5, -2, -0, -10, -0]);
    expect(score.score).toBe(74);
    expect(score.breakdown[4]!.deductions).toEqual([{ source: 'filing:1/district-heping', detail: '监管目录备案 catalogue filing（2016 年第一批） 未报送 not submitted', points: 10 }]);
  });

  // Edited weights: 0.2 per day, supports weigh as much as leads.
  //  overdue 3 + 3 = −6; days 3 × 0.2 + 184 × 0.2 = 37.4 → capped at −20; returns 1 + 2 = −3; catalogue −10.
  //  100 − 6 − 20 − 3 − 10 = 61
  it('scores it with an edited rubric and names the rubric version', () => {
    const edited = { ...defaultRubric, version: '2016-edited', perOverdueDay: 0.2, supportWeight: 1 };
    const score = scoreBody(bodyRecord('district-heping', 2016, assignments, report, filings, endOf2016).record, edited, endOf2016);
    expect(score.score).toBe(61);
    expect(score.breakdown[1]).toMatchObject({ points: -20, capped: true });
    expect(score.rubricVersion).toBe('2016-edited');
  });

  it('calls a report submitted late, even after the year\'s end, late (逾期报送) as its round does, not missing', () => {
    const lateReport = { ...report, submittedAt: d('2017-01-05T10:00:00+08:00') };
    const { record } = bodyRecord('district-heping', 2016, assignments, lateReport, filings, endOf2016);
    expect(record.report).toMatchObject({ submittedAt: '2017-01-05T02:00:00.000Z' });
    expect(scoreBody(record, defaultRubric, endOf2016).breakdown[3]!.deductions).toEqual([
      { source: 'evaluation:2016/district-heping', detail: '专题报告 self-evaluation report 逾期 21 天报送 submitted 21 day(s) late', points: 5 },
    ]);
  });

  it('scores the filing of every round due in the year, and leaves out what was submitted after the scoring instant', () => {
    const second: UnitRow = { id: 'filing:2/district-heping', status: 'pending', due: d('2016-09-30T23:59:59+08:00'), submittedAt: null, round: '2016 年第二批' };
    const late = [{ ...assignments[0]!, submittedAt: d('2017-01-05T10:00:00+08:00') }];
    const { record } = bodyRecord('district-heping', 2016, late, report, [second, ...filings], endOf2016);
    const score = scoreBody(record, defaultRubric, endOf2016);
    expect(record.assignments[0]!.submittedAt).toBeNull();
    expect(score.breakdown[4]!.deductions.map((x) => [x.source, x.points])).toEqual([['filing:1/district-heping', 10], ['filing:2/district-heping', 10]]);
  });

  it('scores a record stored before catalogues were per round', () => {
    const { catalogues, ...rest } = bodyRecord('district-heping', 2016, assignments, report, filings, endOf2016).record;
    const legacy = { ...rest, catalogue: { due: catalogues![0]!.due, submittedAt: null } };
    expect(scoreBody(legacy, defaultRubric, endOf2016).breakdown[4]!.deductions).toEqual([{ source: 'catalogue', detail: '监管目录备案 catalogue filing 未报送 not submitted', points: 10 }]);
  });

  // 3.2's yellow slip (−1) counts; a red slip fired on 4.1 after the scoring instant and a yellow
  // on the withdrawn 5.5 do not. 74 − 1 = 73
  it('takes the escalations of the counted assignments fired by the scoring instant', () => {
    const escalation = (id: string, assignmentId: string, at: string, action: string, points: number) =>
      ({ id, assignmentId, at: d(at), action, points, slipNumber: `督办〔2016〕${id.slice(-1)}号` });
    const { record } = bodyRecord('district-heping', 2016, assignments, report, filings, endOf2016, [
      escalation('t/4.1#7', 't/4.1/和平区人民政府', '2017-01-04T17:00:00+08:00', 'redSlip', -2),
      escalation('t/3.2#3', 't/3.2/和平区人民政府', '2016-04-08T17:00:00+08:00', 'yellowSlip', -1),
      escalation('t/5.5#2', 't/5.5/和平区人民政府', '2016-05-09T17:00:00+08:00', 'yellowSlip', -1),
    ]);
    expect(record.escalations).toEqual([
      { id: 't/3.2#3', assignmentId: 't/3.2/和平区人民政府', at: '2016-04-08T09:00:00.000Z', action: 'yellowSlip', points: -1, slipNumber: '督办〔2016〕3号' },
    ]);
    expect(scoreBody(record, defaultRubric, endOf2016).score).toBe(73);
  });

  it('scores an unfinished year as of now', () => {
    expect(scoringInstant(2016, Date.parse('2016-06-01T00:00:00Z'))).toBe(Date.parse('2016-06-01T00:00:00Z'));
  });
});

describe('score sheet', () => {
  it('is reviewed, announced, then published, and frozen once published', () => {
    expect(sheetActionProblem('draft', 'review')).toBeNull();
    expect(sheetActionProblem('reviewed', 'announce')).toBeNull();
    expect(sheetActionProblem('reviewed', 'publish')).toContain('Announce the sheet first');
    expect(sheetActionProblem('announced', 'publish')).toBeNull();
    expect(sheetActionProblem('draft', 'publish')).toContain('Cannot publish');
    expect(sheetActionProblem('published', 'review')).toContain('frozen');
  });
});
