/**
 * A scoring rubric: the weights the performance office may edit. Every score
 * keeps the rubric (and its version) that produced it, so it can be recomputed.
 */
export interface Rubric {
  version: string;
  base: number;
  /** Deduction per lead assignment submitted after its deadline or still owed past it. */
  perOverdueAssignment: number;
  overdueAssignmentCap: number;
  /** Deduction per day overdue, summed over the body's assignments. */
  perOverdueDay: number;
  overdueDayCap: number;
  /** Deduction per submission returned for rework. */
  perReturn: number;
  returnCap: number;
  /** The yearly self-evaluation report (专题报告). */
  reportMissing: number;
  reportLate: number;
  /** The supervision catalogue filing (监管目录备案). */
  catalogueMissing: number;
  catalogueLate: number;
  /** Supports are rated lighter than leads: their deductions are multiplied by this. */
  supportWeight: number;
}

export const defaultRubric: Rubric = {
  version: 'default-2026.1',
  base: 100,
  perOverdueAssignment: 3,
  overdueAssignmentCap: 30,
  perOverdueDay: 0.1,
  overdueDayCap: 20,
  perReturn: 1,
  returnCap: 10,
  reportMissing: 10,
  reportLate: 5,
  catalogueMissing: 10,
  catalogueLate: 5,
  supportWeight: 0.5,
};

/** Every weight must be a finite number of at least zero; the support weight at most 1. */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (!rubric.version.trim()) problems.push('评分规则需要版本号 The rubric needs a version.');
  for (const [key, value] of Object.entries(rubric)) {
    if (key !== 'version' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      problems.push(`${key} 必须是非负数 must be a number of at least 0.`);
    }
  }
  if (rubric.supportWeight > 1) problems.push('supportWeight 不能大于 1 must be at most 1.');
  if (rubric.base > 1000) problems.push('base 不能大于 1000 must be at most 1000.');
  return problems;
}
