import { dayMs, endOfShanghaiDay, shanghaiDate } from '../time/instants.ts';
import type { Actor } from '../supervision/types.ts';
import { forbid, passes, refuse } from '../errors.ts';
import { lateAndMissing, recordUnitEvent, type RoundEvent, type UnitSummary } from '../rounds/unit.ts';

export interface EvaluationRoundState {
  roundId: string;
  year: number;
  deadline: string;
  status: 'open' | 'consolidated';
  units: UnitSummary[];
  consolidatedAt: string | null;
  summaryDate: string | null;
  seq: number;
}

/** What an evaluation round projects: its state at one instant, with who opened it (an account, or the schedule). */
export type EvaluationRoundSnapshot = EvaluationRoundState & { at: string; openedBy: string };

export type EvaluationRoundAction = { type: 'consolidate'; submittedOn: string; comment?: string };

export interface EvaluationRoundRequest {
  actor: Actor;
  action: EvaluationRoundAction;
}

/** When the yearly round opens and when reports are due, as MM-DD in China Standard Time. */
export interface EvaluationCalendar {
  opens: string;
  due: string;
}

export const defaultEvaluationCalendar: EvaluationCalendar = { opens: '11-01', due: '12-15' };

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function calendarProblems(c: EvaluationCalendar): string[] {
  const problems = [c.opens, c.due].filter((d) => !monthDay.test(d)).map((d) => `"${d}" 应为 MM-DD must be MM-DD.`);
  if (!problems.length && c.opens >= c.due) problems.push('开始日期须早于截止日期 The round must open before reports are due.');
  return problems;
}

/** The report deadline of a year's round: the end of the due day in Shanghai. */
export const reportDeadline = (year: number, due: string) => endOfShanghaiDay(`${year}-${due}`).toISOString();

/** The Shanghai calendar year of an instant: the year a round opened on that day evaluates. */
export const shanghaiYear = (now: number) => Number(shanghaiDate(now).slice(0, 4));

/** Years a round may be opened for by hand: from 2015 (the seed notice) to next year. */
export function yearProblems(year: number, now: number): string[] {
  return Number.isInteger(year) && year >= 2015 && year <= shanghaiYear(now) + 1 ? [] : [`年度 ${year} 无效 The year must be between 2015 and next year.`];
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`));

/** What the kind-level rule needs of a round; the read model carries the same. */
export type EvaluationRoundFacts = Pick<EvaluationRoundState, 'status' | 'deadline'> & { units: Array<Pick<UnitSummary, 'status' | 'bodyName'>> };

/**
 * May this actor consolidate the round now? Throws the reason; the Update
 * validator and `availableEvaluationRoundActions` ask the same question.
 */
export function checkEvaluationRoundTaking(state: EvaluationRoundFacts, actor: Actor, now: number): void {
  if (actor.role !== 'supervisor') forbid('只有督办部门可以执行此操作。', 'Only the supervising office may do this.');
  if (state.status !== 'open') refuse('本轮已汇总。', 'This round is already consolidated.');
  const waiting = state.units.filter((u) => u.status === 'submitted').map((u) => u.bodyName);
  if (waiting.length) refuse(`尚有待审核的报告：${waiting.join('、')}。`, 'Review every report first.');
  if (now <= Date.parse(state.deadline) && !state.units.every((u) => u.status === 'accepted')) {
    refuse('截止时间前，须全部报告通过后才能汇总。', 'Before the deadline, every report must be accepted first.');
  }
}

/** Every kind of action this actor may take on the round now (only consolidate), by the validator's own rule. */
export const availableEvaluationRoundActions = (state: EvaluationRoundFacts, actor: Actor, now: number): Array<'consolidate'> =>
  (passes(() => checkEvaluationRoundTaking(state, actor, now)) ? ['consolidate'] : []);

/**
 * The coordinator consolidates the reports into the round summary and records
 * the day it went to the municipal government; nothing may await review, and
 * before the deadline every unit must have been accepted.
 */
export function validateEvaluationRoundAction(state: EvaluationRoundState, { actor, action }: EvaluationRoundRequest, now: number): void {
  checkEvaluationRoundTaking(state, actor, now);
  if (!isDate(action.submittedOn)) refuse('报送日期应为 YYYY-MM-DD。', 'The date must be YYYY-MM-DD.');
  const day = Date.parse(`${action.submittedOn}T00:00:00+08:00`);
  if (day > now) refuse('报送日期不能在将来。', 'The date cannot be in the future.');
  if (day < Date.parse(state.deadline) - 366 * dayMs) refuse('报送日期早于本轮。', 'The date is before this round.');
}

export function applyEvaluationRoundAction(state: EvaluationRoundState, { actor, action }: EvaluationRoundRequest, now: number): RoundEvent {
  const at = new Date(now).toISOString();
  state.status = 'consolidated';
  state.consolidatedAt = at;
  state.summaryDate = action.submittedOn;
  const { late, missing } = lateAndMissing(state.units, state.deadline);
  return recordUnitEvent(state, {
    type: 'consolidate', at, actor: { accountId: actor.accountId, name: actor.name }, bodyId: null, comment: action.comment ?? null, attachments: [],
    data: { submittedOn: action.submittedOn, accepted: state.units.filter((u) => u.status === 'accepted').map((u) => u.bodyId), late, missing },
  });
}
