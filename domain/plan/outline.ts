import type { BodyRegistry } from '../bodies/registry.ts';
import { type Heading, parseHeading } from './headings.ts';
import { looksLikeBody } from './lists.ts';
import { extractRoles, hasBodies, isRoleLine, readRoleText } from './roles.ts';

/**
 * The numbered items of a notice as a tree, and the prose between them.
 * A line that is not a heading continues the item above it until that item
 * has its responsibility (a task's text may be wrapped over several lines);
 * after that it is prose of its own.
 */
export interface Item {
  heading: Heading;
  /** The heading's text and the lines continuing it, as written. */
  lines: string[];
  /** Lines after the item that name who does it (牵头单位：…). */
  roleLines: string[];
  parent: Item | null;
}

export type Block = { kind: 'item'; item: Item } | { kind: 'prose'; text: string };

/**
 * A line that is nothing but verb clauses naming bodies ("市发改委牵头，市财政局配合。")
 * names the roles of the item above; every name must look like a body, as prose
 * ("各区要认真落实。") can end with a verb too.
 */
function isBareRoleLine(line: string, registry: BodyRegistry): boolean {
  const read = readRoleText(line, registry);
  if (read === null || read === 'note' || !hasBodies(read)) return false;
  return [...read.leads, ...read.supports, ...read.responsible].every((name) => looksLikeBody(name, registry));
}

const itemHasRoles = (item: Item, registry: BodyRegistry) =>
  item.roleLines.length > 0 || hasBodies(extractRoles(item.lines.join(''), registry).roles);

export function buildOutline(
  lines: string[],
  document: { meta: ReadonlySet<number>; dateLine: number | null },
  registry: BodyRegistry,
): Block[] {
  const blocks: Block[] = [];
  const open: Item[] = [];
  let current: Item | null = null;
  lines.forEach((line, i) => {
    if (i === document.dateLine) {
      current = null;
      open.length = 0;
    }
    if (document.meta.has(i)) return;
    const heading = parseHeading(line);
    if (heading) {
      while (open.length && open[open.length - 1]!.heading.rank >= heading.rank) open.pop();
      current = { heading, lines: heading.rest ? [heading.rest] : [], roleLines: [], parent: open[open.length - 1] ?? null };
      open.push(current);
      blocks.push({ kind: 'item', item: current });
    } else if (current && isRoleLine(line)) {
      current.roleLines.push(line);
    } else if (current && !itemHasRoles(current, registry)) {
      (isBareRoleLine(line, registry) ? current.roleLines : current.lines).push(line);
    } else {
      blocks.push({ kind: 'prose', text: line });
    }
  });
  return blocks;
}
