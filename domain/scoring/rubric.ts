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
  /**
   * 督办扣分: each escalation a body received (a rung of the plan's ladder that
   * fired, yellow −1, red −2, 约谈 −2 by default) deducts its points times this.
   * Absent on rubrics written before the ladder: read through escalationTerms.
   */
  escalationWeight?: number;
  escalationCap?: number;
  /** Kinds of body scored (default: departments and districts; central regulators and external bodies are not under the city government). */
  scoredBodyKinds?: string[];
  /** Bodies never scored, by id (default: the performance office, which does not score itself). */
  excludedBodies?: string[];
}

/** The population fields of a rubric: lists, not weights. */
export const populationFields = ['scoredBodyKinds', 'excludedBodies'] as const;
export type Weight = Exclude<keyof Rubric, 'version' | (typeof populationFields)[number]>;

const scorableKinds = ['department', 'district', 'regulator', 'external'];

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
  escalationWeight: 1,
  escalationCap: 10,
  scoredBodyKinds: ['department', 'district'],
  excludedBodies: ['performance-office'],
};

/** Who is scored under a rubric; a rubric written before these fields existed scores the default population. */
export const scoredPopulation = (rubric: Rubric) => ({
  kinds: rubric.scoredBodyKinds ?? defaultRubric.scoredBodyKinds!,
  excluded: rubric.excludedBodies ?? defaultRubric.excludedBodies!,
});

/** The escalation weights; a rubric written before the ladder reads the defaults, so its scores stay as they were computed. */
export const escalationTerms = (rubric: Rubric) => ({
  weight: rubric.escalationWeight ?? defaultRubric.escalationWeight!,
  cap: rubric.escalationCap ?? defaultRubric.escalationCap!,
});

/** Every weight must be a finite number of at least zero; the support weight at most 1. */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (!rubric.version.trim()) problems.push('评分规则需要版本号 The rubric needs a version.');
  for (const [key, value] of Object.entries(rubric)) {
    if (key !== 'version' && !(populationFields as readonly string[]).includes(key) && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      problems.push(`${key} 必须是非负数 must be a number of at least 0.`);
    }
  }
  const { kinds, excluded } = scoredPopulation(rubric);
  if (!Array.isArray(kinds) || !kinds.length || kinds.some((k) => !scorableKinds.includes(k))) problems.push(`scoredBodyKinds 只能是 ${scorableKinds.join('、')} 且至少一种 must list at least one of ${scorableKinds.join(', ')}.`);
  if (!Array.isArray(excluded) || excluded.length > 200 || excluded.some((id) => typeof id !== 'string' || !id.trim() || id.length > 100)) {
    problems.push('excludedBodies 最多 200 个单位编号 must be at most 200 body ids.');
  }
  if (rubric.supportWeight > 1) problems.push('supportWeight 不能大于 1 must be at most 1.');
  if (rubric.base > 1000) problems.push('base 不能大于 1000 must be at most 1000.');
  return problems;
}
