import { appendEvent, type CaseEvent, type CaseRequest } from '../credit/cases.ts';
import { forbid, refuse } from '../errors.ts';
import { requireText } from '../limits.ts';
import { systemActor, type Actor } from '../supervision/types.ts';
import { isProvisional, nthWorkingDayEnd, type WorkingDayCalendar, type WorkingDayTimes } from '../time/calendar.ts';
import type { Criterion } from './score.ts';

/**
 * 公示与申诉: a reviewed sheet is shown to each unit as a draft; a unit may
 * appeal a line of its own within a number of working days; the performance
 * office upholds the line or corrects it (the line is withdrawn in a new sheet
 * version); once the window has closed and every appeal is decided, the office
 * publishes the final sheet.
 */

/** One deduction on the sheet, as a unit may appeal it. */
export interface ScoreLine {
  bodyId: string;
  criterion: Criterion;
  /** The deduction's source (an assignment, unit report or body filing id). */
  source: string;
  detail: string;
  points: number;
}

export type AppealStatus = 'pending' | 'upheld' | 'corrected';

export interface ScoreAppeal {
  appealId: string;
  bodyId: string;
  criterion: Criterion;
  source: string;
  detail: string;
  points: number;
  /** The sheet version the line was appealed on. */
  sheetId: string;
  reason: string;
  evidence: string[];
  filedAt: number;
  filedBy: { accountId: string | null; name: string };
  status: AppealStatus;
  decidedAt: number | null;
  decidedBy: string | null;
  decision: string | null;
  /** The version a correction made; null until it exists. */
  correctedSheetId: string | null;
}

export type AppealWindowStatus = 'open' | 'closed' | 'published';

export interface AppealWindowState {
  /** The sheet first announced: it names the window and its workflow. */
  windowId: string;
  year: number;
  /** The version now shown (a correction makes a new one). */
  sheetId: string;
  status: AppealWindowStatus;
  announcedAt: number;
  announcedBy: string;
  appealWorkingDays: number;
  closesAt: number;
  lines: ScoreLine[];
  appeals: ScoreAppeal[];
  calendar: WorkingDayCalendar;
  provisionalFrom: number | null;
  events: CaseEvent[];
}

export interface NewAppealWindow extends WorkingDayTimes {
  windowId: string;
  year: number;
  lines: ScoreLine[];
  announcedBy: string;
  appealWorkingDays: number;
}

/** What the window's workflow projects: the state without the calendar, lines and timeline. */
export type AppealWindowSnapshot = Omit<AppealWindowState, 'calendar' | 'lines' | 'events'> & { seq: number; provisional: boolean };

export type AppealAction =
  | { type: 'appeal'; bodyId: string; criterion: Criterion; source: string; reason: string; evidence: string[] }
  | { type: 'uphold'; appealId: string; reason: string }
  | { type: 'correct'; appealId: string; reason: string }
  | { type: 'publish' };

export type AppealRequest = CaseRequest<AppealAction>;

/** Working days a unit has to appeal (0: the sheet is shown without an appeal period). */
export const maxAppealWorkingDays = 20;

/** The end of the appeal window: the end of the n-th working day after the day of announcement (0: at once). */
export const appealWindowEnd = (calendar: WorkingDayCalendar, announcedAt: number, workingDays: number) =>
  workingDays === 0 ? announcedAt : nthWorkingDayEnd(calendar, announcedAt, workingDays);

export function openAppealWindow(input: NewAppealWindow, now: number): AppealWindowState {
  const state: AppealWindowState = {
    windowId: input.windowId, year: input.year, sheetId: input.windowId, status: 'open', announcedAt: now, announcedBy: input.announcedBy,
    appealWorkingDays: input.appealWorkingDays, closesAt: appealWindowEnd(input.calendar, now, input.appealWorkingDays),
    lines: input.lines, appeals: [], calendar: input.calendar, provisionalFrom: input.provisionalFrom, events: [],
  };
  appendEvent(state.events, 'announced', now, { accountId: null, name: input.announcedBy }, null, { closesAt: new Date(state.closesAt).toISOString(), sheetId: state.sheetId });
  return state;
}

export const appealActionTypes = ['appeal', 'uphold', 'correct', 'publish'] as const satisfies ReadonlyArray<AppealAction['type']>;

/** What the rule reads of a window: the workflow's state, or the read model's row. */
export interface AppealStanding {
  status: AppealWindowStatus;
  closesAt: number;
  appeals: Array<Pick<ScoreAppeal, 'appealId' | 'status'>>;
}
type Standing = AppealStanding;

const isOpen = (s: Standing, now: number) => s.status === 'open' && now < s.closesAt;

/** Whose line it is: the unit's own body, or a body merged into it. */
const ownBody = (actor: Actor, bodyId: string) => actor.role === 'department' && (actor.bodyId === bodyId || (actor.mergedBodyIds ?? []).includes(bodyId));

/**
 * May this actor take this kind of action now (the validator and
 * availableActions ask the same)? Throws the reason. `appealId` names the
 * appeal decided; `bodyId` the unit appealing.
 */
export function checkAppealTaking(state: Standing, actor: Actor, type: AppealAction['type'], now: number, target: { appealId?: string; bodyId?: string } = {}): void {
  if (state.status === 'published') refuse('评分已正式发布，公示已结束。', 'The final sheet is published: the publicity period is over.');
  if (type === 'appeal') {
    if (actor.role !== 'department' || (target.bodyId !== undefined && !ownBody(actor, target.bodyId))) forbid('只有被扣分的单位可以对本单位的扣分提出申诉。', 'Only a unit appeals, and only its own lines.');
    if (!isOpen(state, now)) refuse('申诉期已过，不能再提出申诉。', 'The appeal period has ended: no more appeals.');
    return;
  }
  if (actor.role !== 'performance') forbid('只有绩效办可以处理申诉和发布评分。', 'Only the performance office decides appeals and publishes the scores.');
  if (type === 'publish') {
    if (isOpen(state, now)) refuse('申诉期尚未结束，不能发布。', 'The appeal period has not ended: the sheet cannot be published yet.');
    if (state.appeals.some((a) => a.status === 'pending')) refuse('尚有申诉未处理，请先逐条处理。', 'Some appeals are undecided: decide each first.');
    return;
  }
  const appeal = target.appealId === undefined ? undefined : state.appeals.find((a) => a.appealId === target.appealId);
  if (target.appealId !== undefined && !appeal) refuse('没有这条申诉。', 'No such appeal.');
  if (appeal && appeal.status !== 'pending') refuse('该申诉已处理。', 'This appeal has been decided.');
  if (!appeal && !state.appeals.some((a) => a.status === 'pending')) refuse('没有待处理的申诉。', 'No appeal awaits a decision.');
}

/** The window's actions this actor may take now, by the validator's rule. */
export function availableAppealActions(state: Standing, actor: Actor, now: number): Array<AppealAction['type']> {
  return appealActionTypes.filter((type) => {
    try {
      checkAppealTaking(state, actor, type, now);
      return true;
    } catch {
      return false;
    }
  });
}

/** What an appeal's decider may do to it now: uphold or correct while it is pending. */
export function availableDecisions(state: Standing, actor: Actor, appealId: string, now: number): Array<'uphold' | 'correct'> {
  return (['uphold', 'correct'] as const).filter((type) => {
    try {
      checkAppealTaking(state, actor, type, now, { appealId });
      return true;
    } catch {
      return false;
    }
  });
}

const sameLine = (a: { bodyId: string; criterion: string; source: string }, b: { bodyId: string; criterion: string; source: string }) =>
  a.bodyId === b.bodyId && a.criterion === b.criterion && a.source === b.source;

/** Checks an action against the window as it stands (the update's validator); throws the refusal. */
export function validateAppealAction(state: AppealWindowState, { actor, action }: AppealRequest, now: number): void {
  const target = action.type === 'appeal' ? { bodyId: action.bodyId } : action.type === 'publish' ? {} : { appealId: action.appealId };
  checkAppealTaking(state, actor, action.type, now, target);
  if (action.type === 'publish') return;
  requireText(action.reason, action.type === 'appeal' ? '申诉理由' : '处理意见', action.type === 'appeal' ? 'reason for the appeal' : 'reasons for the decision');
  if (action.type !== 'appeal') return;
  if (!state.lines.some((l) => sameLine(l, action))) refuse('评分表上没有这一扣分项。', 'The sheet has no such deduction.');
  if (state.appeals.some((a) => sameLine(a, action))) refuse('这一扣分项已提出过申诉。', 'This line has already been appealed.');
  if (action.evidence.length > 20) refuse('证明材料最多 20 个。', 'At most 20 evidence files.');
}

/** Applies a validated action; returns the event it records (publish and correct are finished by the workflow's activities). */
export function applyAppealAction(state: AppealWindowState, { actor, action }: AppealRequest, now: number): CaseEvent {
  switch (action.type) {
    case 'appeal': {
      const line = state.lines.find((l) => sameLine(l, action))!;
      const appealId = `${state.windowId}#${state.appeals.length + 1}`;
      state.appeals.push({
        appealId, bodyId: line.bodyId, criterion: line.criterion, source: line.source, detail: line.detail, points: line.points, sheetId: state.sheetId,
        reason: action.reason.trim(), evidence: action.evidence, filedAt: now, filedBy: { accountId: actor.accountId, name: actor.name },
        status: 'pending', decidedAt: null, decidedBy: null, decision: null, correctedSheetId: null,
      });
      return appendEvent(state.events, 'appealed', now, actor, action.reason.trim(), { appealId, bodyId: line.bodyId, criterion: line.criterion, source: line.source, evidence: action.evidence });
    }
    case 'uphold':
    case 'correct': {
      const appeal = state.appeals.find((a) => a.appealId === action.appealId)!;
      Object.assign(appeal, { status: action.type === 'uphold' ? 'upheld' : 'corrected', decidedAt: now, decidedBy: actor.name, decision: action.reason.trim() });
      return appendEvent(state.events, action.type === 'uphold' ? 'appealUpheld' : 'appealCorrected', now, actor, action.reason.trim(), { appealId: appeal.appealId });
    }
    case 'publish':
      state.status = 'published';
      return appendEvent(state.events, 'published', now, actor, null, { sheetId: state.sheetId });
  }
}

/** Closes the window once its end has passed; returns the event (once). */
export function closeAppealWindow(state: AppealWindowState, now: number): CaseEvent[] {
  if (state.status !== 'open' || now < state.closesAt) return [];
  state.status = 'closed';
  return [appendEvent(state.events, 'appealsClosed', now, systemActor, null, { appeals: state.appeals.length })];
}

export const appealWindowProvisional = (s: Pick<AppealWindowState, 'status' | 'closesAt' | 'provisionalFrom'>) => s.status === 'open' && isProvisional(s.closesAt, s.provisionalFrom);

/** Checks a new calendar reaches the window's end (the re-time update's validator). */
export function validateAppealRetime(state: AppealWindowState, times: WorkingDayTimes): void {
  if (state.status === 'open') appealWindowEnd(times.calendar, state.announcedAt, state.appealWorkingDays);
}

/** Takes a new calendar: an open window's end is counted again. Returns the event, or null when nothing shown changed. */
export function retimeAppealWindow(state: AppealWindowState, times: WorkingDayTimes, now: number): CaseEvent | null {
  const before = { closesAt: state.closesAt, provisional: appealWindowProvisional(state) };
  state.calendar = times.calendar;
  state.provisionalFrom = times.provisionalFrom;
  if (state.status !== 'open') return null;
  state.closesAt = appealWindowEnd(times.calendar, state.announcedAt, state.appealWorkingDays);
  if (before.closesAt === state.closesAt && before.provisional === appealWindowProvisional(state)) return null;
  return appendEvent(state.events, 'retimed', now, systemActor, null, { closesAt: new Date(state.closesAt).toISOString(), before: new Date(before.closesAt).toISOString() });
}
