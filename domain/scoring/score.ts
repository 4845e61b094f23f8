import { dayMs } from '../time/instants.ts';
import { escalationTerms, type Rubric } from './rubric.ts';

/** One assignment of the body whose deadline falls in the year being scored. */
export interface ScoredAssignment {
  id: string;
  taskRef: string;
  role: 'lead' | 'support';
  due: string;
  submittedAt: string | null;
  returnCount: number;
}

/**
 * A deliverable of a round: the self-evaluation report or a catalogue filing.
 * submittedAt is the first submission while it stands, as the round judges it
 * (later than due: 逾期报送; none: 未报送).
 */
export interface Deliverable {
  /** The unit report or body filing, whose events are the evidence. */
  id?: string;
  /** The round's title, so a line says which filing round it is about. */
  round?: string;
  due: string;
  submittedAt: string | null;
}

/**
 * A rung of the escalation ladder that fired on one of the body's scored
 * assignments by the scoring instant (督办升级), as its `escalated` task event
 * recorded it.
 */
export interface ScoredEscalation {
  /** The `escalated` task event (taskId#seq): the line's source and its evidence. */
  id: string;
  assignmentId: string;
  at: string;
  /** urge | yellowSlip | redSlip | interview */
  action: string;
  /** The rung's score effect as fired (≤ 0: a deduction). */
  points: number;
  slipNumber: string | null;
}

export interface BodyRecord {
  bodyId: string;
  year: number;
  assignments: ScoredAssignment[];
  report: Deliverable | null;
  /** Every filing round whose deadline falls in the year, closed or open. */
  catalogues?: Deliverable[];
  /** Sheets computed before catalogues were scored per round kept one filing here. */
  catalogue?: Deliverable | null;
  /** Escalations of the assignments above; absent on sheets computed before the ladder was scored. */
  escalations?: ScoredEscalation[];
}

export type Criterion = 'overdueAssignments' | 'overdueDays' | 'returns' | 'report' | 'catalogue' | 'escalations';

export interface Deduction {
  /** What it is about: an assignment id, a unit report or body filing id ("report" or "catalogue" on older sheets). */
  source: string;
  detail: string;
  points: number;
  /** Withdrawn on appeal (申诉更正): shown, not counted. */
  withdrawn?: boolean;
}

/** A deduction withdrawn on appeal, named by its criterion and source. */
export interface WithdrawnLine {
  criterion: Criterion;
  source: string;
}

export interface CriterionResult {
  criterion: Criterion;
  label: string;
  points: number;
  capped: boolean;
  deductions: Deduction[];
}

export interface Score {
  bodyId: string;
  year: number;
  rubricVersion: string;
  score: number;
  breakdown: CriterionResult[];
}

/** Points are kept to one decimal, so a score recomputes to exactly the same figure. */
const round = (n: number) => Math.round(n * 10) / 10;

const lateDays = (due: string, submittedAt: string | null, asOf: number) => {
  const end = submittedAt ? Date.parse(submittedAt) : asOf;
  return Math.max(0, Math.ceil((end - Date.parse(due)) / dayMs));
};

function criterion(criterion: Criterion, label: string, found: Deduction[], cap: number, withdrawn: readonly WithdrawnLine[]): CriterionResult {
  const deductions = found.map((d) => (withdrawn.some((w) => w.criterion === criterion && w.source === d.source) ? { ...d, withdrawn: true } : d));
  const total = round(deductions.reduce((sum, d) => sum + (d.withdrawn ? 0 : d.points), 0));
  return { criterion, label, points: -Math.min(total, cap), capped: total > cap, deductions };
}

function deliverable(kind: 'report' | 'catalogue', d: Deliverable | null, missing: number, late: number, asOf: number): Deduction[] {
  if (!d) return [];
  const source = d.id ?? kind;
  const name = (kind === 'report' ? '专题报告 self-evaluation report' : '监管目录备案 catalogue filing') + (d.round ? `（${d.round}）` : '');
  if (!d.submittedAt && Date.parse(d.due) < asOf) return [{ source, detail: `${name} 未报送 not submitted`, points: missing }];
  const days = lateDays(d.due, d.submittedAt, asOf);
  return d.submittedAt && days > 0 ? [{ source, detail: `${name} 逾期 ${days} 天报送 submitted ${days} day(s) late`, points: late }] : [];
}

const escalationNames: Record<string, string> = {
  urge: '催办 urge', yellowSlip: '黄色督办单 yellow supervision slip', redSlip: '红色督办单 red supervision slip', interview: '约谈 interview',
};

/** 督办扣分: each escalation fired by the scoring instant with a score effect deducts its points (as fired) times the rubric's weight, supports at their weight. */
function escalations(record: BodyRecord, rubric: Rubric, asOf: number, weight: (a: ScoredAssignment) => number, label: (a: ScoredAssignment) => string): Deduction[] {
  const terms = escalationTerms(rubric);
  return (record.escalations ?? []).flatMap((e) => {
    const a = record.assignments.find((x) => x.id === e.assignmentId);
    if (!a || !(e.points < 0) || Date.parse(e.at) > asOf) return [];
    const name = escalationNames[e.action] ?? e.action;
    return [{ source: e.id, detail: `${label(a)} ${name}${e.slipNumber ? ` ${e.slipNumber}` : ''}`, points: round(-e.points * terms.weight * weight(a)) }];
  });
}

/**
 * A body's score for a year from its record, as of an instant (normally the
 * year's end): the base less capped deductions per criterion, each deduction
 * naming the assignment or deliverable behind it; lines withdrawn on appeal
 * are kept but not counted. Pure: the same record, rubric and withdrawals
 * always give the same score.
 */
export function scoreBody(record: BodyRecord, rubric: Rubric, asOf: number, withdrawn: readonly WithdrawnLine[] = []): Score {
  const weight = (a: ScoredAssignment) => (a.role === 'support' ? rubric.supportWeight : 1);
  const late = record.assignments
    .map((a) => ({ a, days: lateDays(a.due, a.submittedAt, asOf) }))
    .filter(({ a, days }) => days > 0 && Date.parse(a.due) < asOf);
  const label = (a: ScoredAssignment) => `任务 ${a.taskRef}（${a.role === 'lead' ? '牵头' : '配合'}）`;
  const breakdown = [
    criterion('overdueAssignments', '逾期事项 Overdue assignments', late.map(({ a, days }) => ({
      source: a.id, detail: `${label(a)} 逾期 ${days} 天 ${days} day(s) overdue`, points: round(rubric.perOverdueAssignment * weight(a)),
    })), rubric.overdueAssignmentCap, withdrawn),
    criterion('overdueDays', '逾期天数 Days overdue', late.map(({ a, days }) => ({
      source: a.id, detail: `${label(a)} ${days} 天 days`, points: round(days * rubric.perOverdueDay * weight(a)),
    })), rubric.overdueDayCap, withdrawn),
    criterion('returns', '退回 Returned submissions', record.assignments.filter((a) => a.returnCount > 0).map((a) => ({
      source: a.id, detail: `${label(a)} 退回 ${a.returnCount} 次 returned ${a.returnCount} time(s)`, points: round(a.returnCount * rubric.perReturn * weight(a)),
    })), rubric.returnCap, withdrawn),
    criterion('report', '专题报告 Self-evaluation report', deliverable('report', record.report, rubric.reportMissing, rubric.reportLate, asOf), Infinity, withdrawn),
    criterion('catalogue', '监管目录 Supervision catalogue', (record.catalogues ?? [record.catalogue ?? null])
      .flatMap((c) => deliverable('catalogue', c, rubric.catalogueMissing, rubric.catalogueLate, asOf)), Infinity, withdrawn),
    // A record from before the ladder was scored recomputes to the breakdown it was stored with.
    ...(record.escalations ? [criterion('escalations', '督办扣分 Escalations', escalations(record, rubric, asOf, weight, label), escalationTerms(rubric).cap, withdrawn)] : []),
  ];
  const total = breakdown.reduce((sum, c) => sum + c.points, rubric.base);
  return { bodyId: record.bodyId, year: record.year, rubricVersion: rubric.version, score: Math.max(0, round(total)), breakdown };
}
