import { compareTaskRefs } from '../plan/refs.ts';
import { isOverdue, overdueDays } from '../supervision/lights.ts';
import { endOfShanghaiDay } from '../time/instants.ts';
import { taskAsOf, type AssignmentAsOf, type TaskRecord } from './replay.ts';

/** A bulletin's period: Shanghai calendar dates, both days included. */
export interface BulletinPeriod {
  start: string;
  end: string;
}

export const periodStartInstant = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
export const periodEndInstant = (date: string) => endOfShanghaiDay(date).getTime();

/** The assignment a bulletin line names: its task and its unit. */
export interface AssignmentLine {
  assignmentId: string;
  taskId: string;
  taskRef: string;
  taskText: string;
  unit: string;
  unitName: string;
}

/** An overdue assignment as a bulletin lists it, with the events behind it. */
export interface OverdueItem extends AssignmentLine {
  due: string;
  days: number;
  eventIds: string[];
}

/** A unit's line in the ranking. */
export interface UnitStanding {
  unit: string;
  unitName: string;
  /** The unit's 负责人 named on the bulletin (absent from bulletins made before units had one). */
  responsible?: string | null;
  /** Assignments due in or before the period. */
  due: number;
  /** Of those, accepted by the period end on a submission made by the deadline. */
  closedOnTime: number;
  overdue: number;
  /** Whole days overdue, summed over the unit's overdue assignments. */
  overdueDays: number;
  rank: number;
  assignmentIds: string[];
  /** Ids of the events up to the period end behind the row: those of every assignment counted. */
  eventIds: string[];
}

export interface Headline {
  tasks: number;
  openTasks: number;
  closedTasks: number;
  lights: { green: number; yellow: number; red: number; done: number };
  closedThisPeriod: number;
  newlyOverdue: number;
  longestOverdue: OverdueItem | null;
  /** Red 督办单 issued and 约谈 called in the period (absent from bulletins made before the ladder). */
  redSlips?: number;
  interviews?: number;
}

/** A red 督办单 or a 约谈 of the escalation ladder fired in the period: the bulletin mentions each (通报). */
export interface EscalationMention extends AssignmentLine {
  action: 'redSlip' | 'interview';
  slipNumber: string | null;
  at: string;
  /** Working days overdue when it fired. */
  workingDays: number;
  /** The escalated event. */
  eventIds: string[];
}

export interface Changes {
  previousEnd: string;
  overdueBefore: number;
  overdueNow: number;
  /** Overdue at the previous bulletin and no longer. */
  resolved: OverdueItem[];
  /** Overdue now and not at the previous bulletin. */
  added: OverdueItem[];
  rankChanges: Array<{ unit: string; unitName: string; before: number | null; now: number }>;
}

export interface BulletinFigures {
  period: BulletinPeriod;
  headline: Headline;
  ranking: UnitStanding[];
  overdue: Array<{ unit: string; unitName: string; items: OverdueItem[] }>;
  changes: Changes | null;
  /** Units every one of whose assignments due in the period was closed on time. */
  commended: Array<{ unit: string; unitName: string; dueInPeriod: number }>;
  /** Red 督办单 and 约谈 in the period, in the order they fired (absent from bulletins made before the ladder). */
  escalations?: EscalationMention[];
}

const counted = (a: AssignmentAsOf) => !a.placeholder && a.status !== 'withdrawn' && a.status !== 'designated';

/** Closed by its deadline: accepted as of the instant, on a submission made by the deadline (the review's own time is not the unit's). */
export const closedOnTime = (a: AssignmentAsOf) =>
  a.status === 'accepted' && a.due !== null && a.submittedAt !== null && Date.parse(a.submittedAt) <= Date.parse(a.due);

interface Snapshot {
  tasks: ReturnType<typeof taskAsOf>[];
  assignments: AssignmentAsOf[];
}

function snapshotAt(tasks: TaskRecord[], at: number): Snapshot {
  const replayed = tasks.map((t) => taskAsOf(t, at));
  return { tasks: replayed, assignments: replayed.flatMap((t) => t.assignments.filter(counted)) };
}

function overdueItems(s: Snapshot, at: number, name: (unit: string) => string): OverdueItem[] {
  const text = new Map(s.tasks.map((t) => [t.id, t.text]));
  return s.assignments
    .filter((a) => isOverdue(a, at) && !s.tasks.find((t) => t.id === a.taskId)!.closed)
    .map((a) => ({
      assignmentId: a.id, taskId: a.taskId, taskRef: a.taskRef, taskText: text.get(a.taskId)!, unit: a.unit, unitName: name(a.unit),
      due: a.due!, days: overdueDays(a, at), eventIds: a.eventIds,
    }))
    .sort((a, b) => b.days - a.days || compareTaskRefs(a.taskRef, b.taskRef) || cmp(a.unitName, b.unitName));
}

/** Code-point order: the same on every machine, whatever its locale data. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Better first: a higher on-time rate, then fewer overdue, then fewer average days overdue (compared as exact fractions). */
function compareStanding(a: UnitStanding, b: UnitStanding): number {
  return (
    b.closedOnTime * a.due - a.closedOnTime * b.due ||
    a.overdue - b.overdue ||
    a.overdueDays * Math.max(b.overdue, 1) - b.overdueDays * Math.max(a.overdue, 1)
  );
}

const mentioned = new Set(['redSlip', 'interview']);

/** The ladder's red 督办单 and 约谈 whose escalated event falls in [start, end], on assignments the plan records. */
function escalationMentions(tasks: TaskRecord[], start: number, end: number, name: (unit: string) => string): EscalationMention[] {
  return tasks
    .flatMap((t) => t.events
      .filter((e) => e.type === 'escalated' && mentioned.has(String(e.data.action)) && Date.parse(e.at) >= start && Date.parse(e.at) <= end)
      .flatMap((e) => {
        const a = t.assignments.find((x) => x.bodyName === e.bodyName);
        if (!a) return [];
        return [{
          assignmentId: a.id, taskId: t.id, taskRef: t.ref, taskText: t.text, unit: a.unit, unitName: name(a.unit), action: e.data.action as EscalationMention['action'],
          slipNumber: typeof e.data.slipNumber === 'string' ? e.data.slipNumber : null, at: e.at,
          workingDays: typeof e.data.daysOverdue === 'number' ? e.data.daysOverdue : 0, eventIds: [e.id],
        }];
      }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareTaskRefs(a.taskRef, b.taskRef) || cmp(a.unitName, b.unitName));
}

function ranking(s: Snapshot, at: number, overdue: OverdueItem[], name: (unit: string) => string, responsible: (unit: string) => string | null): UnitStanding[] {
  const byUnit = new Map<string, UnitStanding>();
  for (const a of s.assignments) {
    if (a.due === null || Date.parse(a.due) > at) continue;
    const row = byUnit.get(a.unit) ?? { unit: a.unit, unitName: name(a.unit), responsible: responsible(a.unit), due: 0, closedOnTime: 0, overdue: 0, overdueDays: 0, rank: 0, assignmentIds: [], eventIds: [] };
    row.due += 1;
    if (closedOnTime(a)) row.closedOnTime += 1;
    row.assignmentIds.push(a.id);
    row.eventIds.push(...a.eventIds);
    byUnit.set(a.unit, row);
  }
  for (const item of overdue) {
    const row = byUnit.get(item.unit);
    if (!row) continue;
    row.overdue += 1;
    row.overdueDays += item.days;
  }
  const rows = [...byUnit.values()];
  // Ties share a rank and the next rank skips: 1, 1, 3.
  for (const row of rows) row.rank = 1 + rows.filter((other) => compareStanding(other, row) < 0).length;
  return rows.sort((a, b) => a.rank - b.rank || cmp(a.unitName, b.unitName));
}

/**
 * Every number of a 督查通报, computed from the tasks' recorded events as
 * they stood at the end of the period (and at the previous bulletin's end,
 * for what changed): the same events give the same figures whenever they
 * are computed. `responsible` names each unit's 负责人 in the ranking.
 */
export function bulletinFigures(
  tasks: TaskRecord[], period: BulletinPeriod, previousEnd: string | null, name: (unit: string) => string, responsible: (unit: string) => string | null = () => null,
): BulletinFigures {
  const start = periodStartInstant(period.start);
  const end = periodEndInstant(period.end);
  const now = snapshotAt(tasks, end);
  const overdue = overdueItems(now, end, name);
  const standings = ranking(now, end, overdue, name, responsible);
  const escalations = escalationMentions(tasks, start, end, name);
  const inPeriod = (iso: string | null) => iso !== null && Date.parse(iso) >= start && Date.parse(iso) <= end;
  const lights = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const a of now.assignments) if (a.light in lights) lights[a.light as keyof typeof lights] += 1;
  const closedTasks = now.tasks.filter((t) => t.closed).length;
  const headline: Headline = {
    tasks: now.tasks.length,
    openTasks: now.tasks.length - closedTasks,
    closedTasks,
    lights,
    closedThisPeriod: now.assignments.filter((a) => a.status === 'accepted' && inPeriod(a.acceptedAt)).length,
    newlyOverdue: overdue.filter((o) => Date.parse(o.due) >= start).length,
    longestOverdue: overdue[0] ?? null,
    redSlips: escalations.filter((e) => e.action === 'redSlip').length,
    interviews: escalations.filter((e) => e.action === 'interview').length,
  };
  const groups = groupBy(overdue, (o) => o.unit);
  const commended = [...groupBy(now.assignments.filter((a) => inPeriod(a.due)), (a) => a.unit)]
    .filter(([, list]) => list.every(closedOnTime))
    .map(([unit, list]) => ({ unit, unitName: name(unit), dueInPeriod: list.length }))
    .sort((a, b) => cmp(a.unitName, b.unitName));
  return {
    period,
    headline,
    ranking: standings,
    overdue: [...groups].map(([unit, items]) => ({ unit, unitName: name(unit), items })).sort((a, b) => cmp(a.unitName, b.unitName)),
    changes: previousEnd === null ? null : changes(tasks, previousEnd, overdue, standings, name),
    commended,
    escalations,
  };
}

function changes(tasks: TaskRecord[], previousEnd: string, overdue: OverdueItem[], standings: UnitStanding[], name: (unit: string) => string): Changes {
  const at = periodEndInstant(previousEnd);
  const before = snapshotAt(tasks, at);
  const overdueBefore = overdueItems(before, at, name);
  const was = new Set(overdueBefore.map((o) => o.assignmentId));
  const is = new Set(overdue.map((o) => o.assignmentId));
  const ranksBefore = new Map(ranking(before, at, overdueBefore, name, () => null).map((r) => [r.unit, r.rank]));
  return {
    previousEnd,
    overdueBefore: overdueBefore.length,
    overdueNow: overdue.length,
    resolved: overdueBefore.filter((o) => !is.has(o.assignmentId)),
    added: overdue.filter((o) => !was.has(o.assignmentId)),
    rankChanges: standings
      .filter((r) => ranksBefore.get(r.unit) !== r.rank)
      .map((r) => ({ unit: r.unit, unitName: r.unitName, before: ranksBefore.get(r.unit) ?? null, now: r.rank })),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
