import { refuse } from '../errors.ts';
import { nthWorkingDayEnd, type WorkingDayCalendar } from '../time/calendar.ts';
import { owing } from './lights.ts';
import type { Assignment, TaskEvent } from './types.ts';

/**
 * The escalation ladder (督办升级): rungs a late assignment climbs, one by one,
 * each once per assignment. A rung is triggered by working days overdue (on the
 * office's holiday calendar) or by urges left without a response from the unit,
 * takes an action, and carries a score effect the rubric reads.
 */
export type RungAction = 'urge' | 'yellowSlip' | 'redSlip' | 'interview';
export type RungTrigger = { kind: 'workingDaysOverdue'; count: number } | { kind: 'urgesWithoutResponse'; count: number };

export interface LadderRung {
  /** Stable across edits: what "fired" is recorded against, so an edit never fires a rung twice. */
  id: string;
  trigger: RungTrigger;
  action: RungAction;
  /** Score effect, in points (≤ 0: a deduction), that the rubric's 督办单扣分 item adds up. */
  points: number;
}

export const rungActions: readonly RungAction[] = ['urge', 'yellowSlip', 'redSlip', 'interview'];

/** 1 working day overdue → urge; 5 → yellow 督办单 (−1); 10 → red 督办单 and a bulletin mention (−2); 15 → 约谈 (−2). */
export const defaultLadder: readonly LadderRung[] = [
  { id: 'urge', trigger: { kind: 'workingDaysOverdue', count: 1 }, action: 'urge', points: 0 },
  { id: 'yellow', trigger: { kind: 'workingDaysOverdue', count: 5 }, action: 'yellowSlip', points: -1 },
  { id: 'red', trigger: { kind: 'workingDaysOverdue', count: 10 }, action: 'redSlip', points: -2 },
  { id: 'interview', trigger: { kind: 'workingDaysOverdue', count: 15 }, action: 'interview', points: -2 },
];

export const ladderLimits = { rungs: 10, workingDays: 250, urges: 20, points: 20, idLength: 40 } as const;

/** The slip a rung issues (督办单), if any. */
export const slipLevel = (action: RungAction): 'yellow' | 'red' | null => (action === 'yellowSlip' ? 'yellow' : action === 'redSlip' ? 'red' : null);

/** Checks a ladder as the office edits it: a few rungs, whole counts within limits, each kind of trigger strictly ascending. */
export function validateLadder(rungs: readonly LadderRung[]): void {
  if (rungs.length > ladderLimits.rungs) refuse(`升级规则最多${ladderLimits.rungs}级。`, `A ladder has at most ${ladderLimits.rungs} rungs.`);
  const ids = new Set<string>();
  const last: Record<RungTrigger['kind'], number> = { workingDaysOverdue: 0, urgesWithoutResponse: 0 };
  for (const [i, rung] of rungs.entries()) {
    const n = i + 1;
    if (!/^[\w-]{1,40}$/.test(rung.id)) refuse(`第${n}级的标识无效。`, `Rung ${n} has an invalid id.`);
    if (ids.has(rung.id)) refuse(`第${n}级的标识重复。`, `Rung ${n} repeats an id.`);
    ids.add(rung.id);
    if (!rungActions.includes(rung.action)) refuse(`第${n}级的措施无效。`, `Rung ${n} has an unknown action.`);
    const max = rung.trigger.kind === 'workingDaysOverdue' ? ladderLimits.workingDays : ladderLimits.urges;
    if (!Number.isInteger(rung.trigger.count) || rung.trigger.count < 1 || rung.trigger.count > max) {
      refuse(`第${n}级的触发条件须为 1 到 ${max} 之间的整数。`, `Rung ${n}'s trigger must be a whole number from 1 to ${max}.`);
    }
    if (rung.trigger.count <= last[rung.trigger.kind]) {
      refuse(`第${n}级的触发条件须大于前一级同类条件。`, `Rung ${n}'s trigger must be above the previous rung of its kind.`);
    }
    last[rung.trigger.kind] = rung.trigger.count;
    if (!Number.isInteger(rung.points) || Math.abs(rung.points) > ladderLimits.points) {
      refuse(`第${n}级的分值须为 −${ladderLimits.points} 到 ${ladderLimits.points} 之间的整数。`, `Rung ${n}'s points must be a whole number from −${ladderLimits.points} to ${ladderLimits.points}.`);
    }
  }
}

/** The key on an assignment's `reminders` recording that a rung fired for it. */
export const firedKey = (rungId: string) => `ladder:${rungId}`;
export const hasFired = (a: Pick<Assignment, 'reminders'>, rungId: string) => a.reminders.includes(firedKey(rungId));

type Climbing = Pick<Assignment, 'status' | 'due' | 'placeholder' | 'reminders' | 'bodyName' | 'bodyId'>;

/** Only a real body's owed assignment with a deadline climbs: a submission (or acceptance, withdrawal) stops the climb. */
const climbing = (a: Climbing) => owing(a) && !a.placeholder && a.due !== null && a.bodyId !== null;

/** The instant a working-days rung falls due: the end of the n-th working day after the deadline's day; null when the calendar does not reach it. */
export function rungInstant(calendar: WorkingDayCalendar, due: string, workingDays: number): number | null {
  try {
    return nthWorkingDayEnd(calendar, Date.parse(due), workingDays);
  } catch {
    return null;
  }
}

/** Does this event count as the unit's response (any action of its own), or as an urge? */
const unitActions = new Set(['acknowledge', 'progress', 'submit', 'requestExtension', 'acknowledgeSlip']);
const isUrge = (e: TaskEvent) => e.type === 'urge' || (e.type === 'escalated' && e.data.action === 'urge');

/** Urges (by the office, or by an urge rung) since the unit last acted on this assignment. */
export function urgesWithoutResponse(events: readonly TaskEvent[], bodyName: string): number {
  let count = 0;
  for (const e of events) {
    if (e.bodyName !== bodyName) continue;
    if (unitActions.has(e.type)) count = 0;
    else if (isUrge(e)) count += 1;
  }
  return count;
}

/** Working days from the deadline's day to `now`'s day: how late the assignment is, on the calendar. */
export function workingDaysOverdue(calendar: WorkingDayCalendar, due: string, now: number): number {
  const start = rungInstant(calendar, due, 1);
  if (start === null || now <= Date.parse(due)) return 0;
  const first = calendar.indexOf(start);
  return calendar.slice(first).filter((end) => end <= now).length;
}

/** The rungs of the ladder due now for this assignment and not yet fired, in ladder order. */
export function dueRungs(a: Climbing, ladder: readonly LadderRung[], calendar: WorkingDayCalendar, events: readonly TaskEvent[], now: number): LadderRung[] {
  if (!climbing(a)) return [];
  const urges = urgesWithoutResponse(events, a.bodyName);
  return ladder.filter((rung) => {
    if (hasFired(a, rung.id)) return false;
    if (rung.trigger.kind === 'urgesWithoutResponse') return urges >= rung.trigger.count;
    const at = rungInstant(calendar, a.due!, rung.trigger.count);
    return at !== null && now >= at;
  });
}

/** When the next working-days rung falls due, so the workflow can sleep until then (urge rungs follow actions, not time). */
export function nextRungAt(a: Climbing, ladder: readonly LadderRung[], calendar: WorkingDayCalendar, now: number): number | null {
  if (!climbing(a)) return null;
  const times = ladder
    .filter((r) => r.trigger.kind === 'workingDaysOverdue' && !hasFired(a, r.id))
    .map((r) => rungInstant(calendar, a.due!, r.trigger.count))
    .filter((t): t is number => t !== null && t > now);
  return times.length ? Math.min(...times) : null;
}

/** May the office issue this rung by hand to this assignment now? */
export function checkHandRung(a: Climbing, ladder: readonly LadderRung[], rungId: string): LadderRung {
  const rung = ladder.find((r) => r.id === rungId);
  if (!rung) refuse('升级规则中没有这一级。', 'No such rung in the ladder.');
  if (!climbing(a)) refuse('只有尚未报送、有期限的分工可以督办升级。', 'Only an owed assignment with a deadline can be escalated.');
  if (hasFired(a, rungId)) refuse('这一级已对该分工发出过。', 'This rung has already been issued for this assignment.');
  return rung!;
}

/** 督办〔2026〕3号 */
export const slipNumber = (year: number, serial: number) => `督办〔${year}〕${serial}号`;

export const rungActionNames: Record<RungAction, string> = { urge: '催办', yellowSlip: '黄色督办单', redSlip: '红色督办单', interview: '约谈' };
