import type { Block, Item, OutlineContext } from './outline.ts';
import { extractRoles, hasBodies, mergeRoles, resolveRoles, rolesOfLine, type Roles } from './roles.ts';
import type { ParsedTask, PlanWarning } from './types.ts';
import { warning } from './warnings.ts';

/**
 * Tasks are the numbered items that carry a responsibility, every row of a
 * task table, and the numbered items that stand among tasks as their peers
 * though no responsibility could be read in them (kept, with a warning: an
 * item is never dropped silently). The headings that directly contain tasks
 * are the sections, counted from 1 in order; tasks outside any heading are in
 * section 1 too. Items with no responsibility under a task are part of its text.
 */
export interface TaskDraft {
  task: ParsedTask;
  timeLimits: string[];
  item: Item;
}

interface Reading {
  /** The item's text without its responsibility parts. */
  text: string;
  roles: Roles;
}

function readItem(item: Item, context: OutlineContext): Reading {
  if (item.row) return { text: item.row.text, roles: item.row.roles };
  const { text, roles } = extractRoles(item.lines.join(''), context.registry, context.conventions);
  for (const line of item.roleLines) mergeRoles(roles, rolesOfLine(line, context.registry, context.conventions));
  return { text, roles };
}

/** A section's name: the first sentence of its heading, without the full stop. */
const sectionTitle = (text: string) => (text.split(/[。；;\n]/)[0] ?? '').replace(/[.．:：\s]+$/, '').trim();

/** The task an item without responsibility belongs to: its nearest task ancestor. */
export function nearestTask(item: Item, tasks: ReadonlySet<Item>): Item | null {
  for (let up = item.parent; up; up = up.parent) if (tasks.has(up)) return up;
  return null;
}

/** Without any responsibility in the notice, the items of the deepest level that contain no others. */
function unassignedTasks(items: Item[]): Item[] {
  const deepest = Math.max(...items.map((i) => i.heading.rank));
  const parents = new Set(items.map((i) => i.parent));
  return items.filter((i) => i.heading.rank === deepest && !parents.has(i));
}

/**
 * The items without a readable responsibility that are peers of tasks: under
 * the same heading and at its level (outside any heading, after the first
 * task), or at the tasks' level under another heading of their sections' level
 * after the first task, where the numbering agrees: a notice whose tasks'
 * numbers run on across sections (（十五） then （十六）) keeps the items that
 * carry that numbering on, a notice that numbers each section afresh keeps
 * the items of a section between sections of tasks. Items before the first
 * task (总体要求, 指导思想, 目标) and a heading of other matters numbered
 * afresh (保障措施 （一）… in a notice running on) are not tasks.
 */
function peersOfTasks(items: Item[], tasks: ReadonlySet<Item>): Item[] {
  const order = new Map(items.map((item, i) => [item, i]));
  const containsTask = new Set<Item | null>();
  for (const task of tasks) for (let up = task.parent; up; up = up.parent) containsTask.add(up);
  const firstTask = new Map<Item | null, Item>();
  const sorted = [...tasks].sort((a, b) => order.get(a)! - order.get(b)!);
  for (const task of sorted) if (!firstTask.has(task.parent)) firstTask.set(task.parent, task);
  // Whether the tasks' numbers run on from one section to the next, as most of the notice's section changes say.
  const changes = sorted.flatMap((t, i) => (i > 0 && t.parent !== sorted[i - 1]!.parent ? [t.heading.number > sorted[i - 1]!.heading.number] : []));
  const runningOn = changes.filter(Boolean).length * 2 > changes.length;
  // The heading's first item at each level says whether its numbering carries on the tasks' or starts afresh.
  const levelKey = (item: Item) => `${order.get(item.parent!)}:${item.heading.rank}`;
  const leads = new Map<string, Item>();
  for (const item of items) if (item.parent && !leads.has(levelKey(item))) leads.set(levelKey(item), item);
  /** The index in `sorted` of the first task after position `at`. */
  const nextTask = (at: number): number => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (order.get(sorted[mid]!)! > at) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const amongTasks = (item: Item): boolean => {
    const lead = leads.get(levelKey(item))!;
    const before = sorted[nextTask(order.get(lead)!) - 1];
    const after = sorted[nextTask(order.get(item)!)];
    if (!before || before.heading.rank !== item.heading.rank || before.parent?.heading.rank !== item.parent?.heading.rank) return false;
    if (runningOn || lead.heading.number === before.heading.number + 1) {
      return before.heading.number < item.heading.number && (!after || item.heading.number < after.heading.number);
    }
    return !!after && after.heading.rank === item.heading.rank;
  };
  return items.filter((item) => {
    if (tasks.has(item) || containsTask.has(item) || nearestTask(item, tasks)) return false;
    // Under a heading every peer of a task is one; outside any heading only those after the first (the letter may come before).
    const first = firstTask.get(item.parent);
    if (first && first.heading.rank === item.heading.rank && (item.parent !== null || order.get(first)! < order.get(item)!)) return true;
    return item.parent !== null && !containsTask.has(item.parent) && amongTasks(item);
  });
}

export function collectTasks(
  blocks: Block[],
  title: string,
  context: OutlineContext,
): { drafts: TaskDraft[]; warnings: PlanWarning[] } {
  const items = blocks.flatMap((b) => (b.kind === 'item' ? [b.item] : []));
  const readings = new Map(items.map((item) => [item, readItem(item, context)]));
  const warnings: PlanWarning[] = [];
  const assigned = new Set(items.filter((item) => item.row || hasBodies(readings.get(item)!.roles)));
  let taskItems: Item[];
  const unread = new Set<Item>();
  if (assigned.size === 0) {
    taskItems = items.length ? unassignedTasks(items) : [];
    if (taskItems.length) warnings.push(warning('noRoles'));
  } else {
    for (const peer of peersOfTasks(items, assigned)) unread.add(peer);
    taskItems = items.filter((item) => assigned.has(item) || unread.has(item));
  }
  const isTask = new Set(taskItems);
  const texts = new Map(taskItems.map((item) => [item, readings.get(item)!.text]));
  for (const item of items) {
    const owner = isTask.has(item) ? null : nearestTask(item, isTask);
    if (owner) texts.set(owner, `${texts.get(owner)}\n${item.heading.marker}${readings.get(item)!.text}`);
  }

  const ordinals = new Map<Item | null, number>();
  const drafts = taskItems.map((item): TaskDraft => {
    const parent = item.parent;
    if (!ordinals.has(parent)) ordinals.set(parent, ordinals.size + 1);
    const { roles } = readings.get(item)!;
    return {
      task: {
        ref: `${ordinals.get(parent)}.${item.heading.number}`,
        section: (parent && sectionTitle(readings.get(parent)!.text)) || title,
        // A task is never without words: its line as written when the roles were all of it, else its number.
        text: texts.get(item)!.trim() || item.lines.join('').trim() || item.heading.marker.trim(),
        ...resolveRoles(roles),
      },
      timeLimits: roles.timeLimits,
      item,
    };
  });
  return { drafts, warnings: warnings.concat(taskWarnings(drafts, unread, assigned.size === 0)) };
}

function taskWarnings(drafts: TaskDraft[], unread: ReadonlySet<Item>, unassigned: boolean): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const seen = new Set<string>();
  for (const { task, item } of drafts) {
    if (seen.has(task.ref)) warnings.push(warning('duplicateRef', { ref: task.ref }));
    seen.add(task.ref);
    if (unassigned) continue;
    if (unread.has(item) || (item.row && task.leads.length + task.supports.length === 0)) warnings.push(warning('rolesUnread', { ref: task.ref }));
    else if (task.leads.length === 0) warnings.push(warning('noLead', { ref: task.ref }));
  }
  return warnings;
}
