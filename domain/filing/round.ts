import type { Actor, AttachmentRef } from '../supervision/types.ts';
import { catalogueErrors, parseDisposition, type CatalogueRow } from './catalogue.ts';
import { forbid, passes, refuse } from '../errors.ts';
import { lateAndMissing, recordUnitEvent, type RoundEvent, type UnitSummary } from '../rounds/unit.ts';

/** What an approval body files: its implementation measures (a document) and its catalogue. */
export interface CatalogueSubmission {
  measures: AttachmentRef;
  rows: CatalogueRow[];
}

/** Problems of a submission, each a sentence; rows are numbered from 1. */
export function submissionProblems(s: CatalogueSubmission): string[] {
  const problems: string[] = [];
  if (!s.measures?.id) problems.push('请附上实施办法文件 Attach the implementation measures document.');
  const rows = (s.rows ?? []).map((r) => ({ ...r, disposition: r.disposition as string }));
  for (const e of catalogueErrors(rows)) problems.push(`第 ${e.row} 行 Row ${e.row}: ${e.message}`);
  return problems;
}

/** Rows as stored: trimmed, the disposition in its English key. */
export function normalizeRows(rows: Array<Record<keyof CatalogueRow, string>>): CatalogueRow[] {
  return rows.map((r) => ({
    item: r.item.trim(), disposition: parseDisposition(r.disposition) ?? 'kept', object: r.object.trim(), content: r.content.trim(),
    method: r.method.trim(), standard: r.standard.trim(), measures: r.measures.trim(), procedure: r.procedure.trim(),
  }));
}

export interface FilingRoundState {
  roundId: string;
  title: string;
  deadline: string;
  status: 'open' | 'consolidated' | 'filed';
  units: UnitSummary[];
  consolidatedAt: string | null;
  filedOn: string | null;
  filingNumber: string | null;
  seq: number;
}

/** What a filing round projects: its state at one instant. */
export type FilingRoundSnapshot = FilingRoundState & { at: string };

export type FilingRoundAction =
  | { type: 'consolidate'; comment?: string }
  | { type: 'recordFiling'; filedOn: string; filingNumber: string; comment?: string };

export interface FilingRoundRequest {
  actor: Actor;
  action: FilingRoundAction;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`));

/**
 * The coordinator consolidates once nothing awaits review and either every
 * body is accepted or the deadline has passed (those who never filed are then
 * listed as overdue); then records the filing with the municipal government.
 */
export type FilingRoundActionType = FilingRoundAction['type'];

/** What the kind-level rule needs of a round; the read model carries the same. */
export type FilingRoundFacts = Pick<FilingRoundState, 'status' | 'deadline'> & { units: Array<Pick<UnitSummary, 'status' | 'bodyName'>> };

/**
 * May this actor consolidate or record the filing now? Throws the reason; the
 * Update validator and `availableFilingRoundActions` ask the same question.
 */
export function checkFilingRoundTaking(state: FilingRoundFacts, actor: Actor, type: FilingRoundActionType, now: number): void {
  if (actor.role !== 'supervisor') forbid('只有督办部门可以执行此操作。', 'Only the supervising office may do this.');
  if (type === 'consolidate') {
    if (state.status !== 'open') refuse('本轮已汇总。', 'This round is already consolidated.');
    const waiting = state.units.filter((u) => u.status === 'submitted').map((u) => u.bodyName);
    if (waiting.length) refuse(`尚有待审核的报送：${waiting.join('、')}。`, 'Review every submission first.');
    const allAccepted = state.units.every((u) => u.status === 'accepted');
    if (!allAccepted && now <= Date.parse(state.deadline)) {
      refuse('截止时间前，须全部单位通过后才能汇总。', 'Before the deadline, every body must be accepted first.');
    }
    if (!state.units.some((u) => u.status === 'accepted')) refuse('还没有通过的目录。', 'No catalogue has been accepted yet.');
  } else if (state.status !== 'consolidated') {
    refuse(state.status === 'filed' ? '已备案。' : '请先汇总目录。', state.status === 'filed' ? 'Already filed.' : 'Consolidate first.');
  }
}

/** Every kind of action this actor may take on the round now, by the validator's own rule. */
export const availableFilingRoundActions = (state: FilingRoundFacts, actor: Actor, now: number): FilingRoundActionType[] =>
  (['consolidate', 'recordFiling'] as const).filter((type) => passes(() => checkFilingRoundTaking(state, actor, type, now)));

/**
 * The coordinator consolidates once nothing awaits review and either every
 * body is accepted or the deadline has passed (those who never filed are then
 * listed as overdue); then records the filing with the municipal government.
 */
export function validateFilingRoundAction(state: FilingRoundState, { actor, action }: FilingRoundRequest, now: number): void {
  checkFilingRoundTaking(state, actor, action.type, now);
  if (action.type === 'recordFiling') {
    if (!isDate(action.filedOn)) refuse('备案日期应为 YYYY-MM-DD。', 'The filing date must be YYYY-MM-DD.');
    if (Date.parse(`${action.filedOn}T00:00:00+08:00`) > now) refuse('备案日期不能在将来。', 'The filing date cannot be in the future.');
    if (!action.filingNumber.trim() || action.filingNumber.length > 100) refuse('请填写备案文号（100字以内）。', 'Give the filing number (at most 100 characters).');
  }
}

export function applyFilingRoundAction(state: FilingRoundState, { actor, action }: FilingRoundRequest, now: number): RoundEvent {
  const at = new Date(now).toISOString();
  const data: Record<string, unknown> = {};
  if (action.type === 'consolidate') {
    state.status = 'consolidated';
    state.consolidatedAt = at;
    const { late, missing } = lateAndMissing(state.units, state.deadline);
    Object.assign(data, { included: state.units.filter((u) => u.status === 'accepted').map((u) => u.bodyId), late, overdue: missing });
  } else {
    state.status = 'filed';
    state.filedOn = action.filedOn;
    state.filingNumber = action.filingNumber.trim();
    Object.assign(data, { filedOn: state.filedOn, filingNumber: state.filingNumber });
  }
  return recordUnitEvent(state, {
    type: action.type, at, actor: { accountId: actor.accountId, name: actor.name }, bodyId: null, comment: action.comment ?? null, attachments: [], data,
  });
}
