import type { BodyRegistry } from '../bodies/registry.ts';
import type { Block, Item } from './outline.ts';
import { extractRoles, hasBodies, mergeRoles, resolveRoles, rolesOfLine, type Roles } from './roles.ts';
import type { ParsedTask } from './types.ts';

/**
 * Tasks are the numbered items that carry a responsibility; the headings that
 * directly contain them are the sections, counted from 1 in order. Items with
 * no responsibility under a task are part of its text.
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

function readItem(item: Item, registry: BodyRegistry): Reading {
  const { text, roles } = extractRoles(item.lines.join(''), registry);
  for (const line of item.roleLines) mergeRoles(roles, rolesOfLine(line, registry));
  return { text, roles };
}

/** A section's name: the first sentence of its heading, without the full stop. */
const sectionTitle = (text: string) => (text.split(/[。；;\n]/)[0] ?? '').replace(/[.．\s]+$/, '').trim();

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

export function collectTasks(
  blocks: Block[],
  title: string,
  registry: BodyRegistry,
): { drafts: TaskDraft[]; warnings: string[] } {
  const items = blocks.flatMap((b) => (b.kind === 'item' ? [b.item] : []));
  const readings = new Map(items.map((item) => [item, readItem(item, registry)]));
  const warnings: string[] = [];
  let taskItems = items.filter((item) => hasBodies(readings.get(item)!.roles));
  if (taskItems.length === 0 && items.length > 0) {
    taskItems = unassignedTasks(items);
    warnings.push('未找到责任分工 No responsibility assignments found: the numbered items of the deepest level are taken as tasks without bodies');
  }
  const isTask = new Set(taskItems);
  const texts = new Map(taskItems.map((item) => [item, readings.get(item)!.text]));
  for (const item of items) {
    const owner = isTask.has(item) ? null : nearestTask(item, isTask);
    if (owner) texts.set(owner, `${texts.get(owner)}\n${item.heading.marker}${readings.get(item)!.text}`);
  }

  const ordinals = new Map<Item, number>();
  const drafts = taskItems.map((item): TaskDraft => {
    const parent = item.parent;
    if (parent && !ordinals.has(parent)) ordinals.set(parent, ordinals.size + 1);
    const { roles } = readings.get(item)!;
    return {
      task: {
        ref: parent ? `${ordinals.get(parent)}.${item.heading.number}` : String(item.heading.number),
        section: parent ? sectionTitle(readings.get(parent)!.text) : title,
        text: texts.get(item)!.trim(),
        ...resolveRoles(roles),
      },
      timeLimits: roles.timeLimits,
      item,
    };
  });
  return { drafts, warnings: warnings.concat(taskWarnings(drafts, warnings.length > 0)) };
}

function taskWarnings(drafts: TaskDraft[], unassigned: boolean): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const { task } of drafts) {
    if (seen.has(task.ref)) warnings.push(`重复编号 Duplicate task number ${task.ref}`);
    seen.add(task.ref);
    if (!unassigned && task.leads.length === 0) warnings.push(`无牵头单位 Task ${task.ref} has no lead body`);
  }
  return warnings;
}
