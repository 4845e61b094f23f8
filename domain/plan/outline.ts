import type { BodyRegistry } from '../bodies/registry.ts';
import { type Heading, readHeadings } from './headings.ts';
import { looksLikeBody } from './lists.ts';
import { type Conventions, extractRoles, hasBodies, isRoleLine, readRoleText } from './roles.ts';
import { findTables, rowRank, sectionRank, type TableRow } from './tables.ts';
import { re } from './variants.ts';

/**
 * The numbered items of a notice as a tree, and the prose between them.
 * A line that is not a heading continues the item above it until that item
 * has its responsibility (a task's text may be wrapped over several lines);
 * after that it is prose of its own. The rows of a task table are items too,
 * below the headings around the table.
 */
export interface Item {
  heading: Heading;
  /** The heading's text and the lines continuing it, as written. */
  lines: string[];
  /** Lines after the item that name who does it (牵头单位：…). */
  roleLines: string[];
  parent: Item | null;
  /** A table row, its text and roles read by column. */
  row?: TableRow;
}

export type Block = { kind: 'item'; item: Item } | { kind: 'prose'; text: string };

export interface OutlineContext {
  registry: BodyRegistry;
  conventions: Conventions;
}

/**
 * A line that is nothing but verb clauses naming bodies ("市发改委牵头，市财政局配合。")
 * names the roles of the item above; every name must look like a body, as prose
 * ("各区要认真落实。") can end with a verb too.
 */
function isBareRoleLine(line: string, { registry, conventions }: OutlineContext): boolean {
  const read = readRoleText(line, registry, { conventions });
  if (read === null || read === 'note' || !hasBodies(read)) return false;
  return [...read.leads, ...read.supports, ...read.responsible].every((name) => looksLikeBody(name, registry));
}

/** Roles close an item's text; they sit at its end, so its last lines are enough to look at (and keep long texts linear). */
const itemHasRoles = (item: Item, { registry, conventions }: OutlineContext) =>
  item.roleLines.length > 0 || hasBodies(extractRoles(item.lines.slice(-8).join(''), registry, conventions).roles);

const tableRank = sectionRank - 1;
const captionEnd = re('(表|清单|台账|分工|方案|任务)$');

/** The line just above a table when it names the table ("某某重点任务分工表"). */
function caption(blocks: Block[]): string {
  const last = blocks[blocks.length - 1];
  return last?.kind === 'prose' && last.text.length <= 60 && captionEnd.test(last.text) ? last.text : '';
}

/** Cells of a line outside any table are just words. */
const plain = (line: string) => line.replace(/\t+/g, ' ').trim();

export function buildOutline(
  lines: string[],
  document: { meta: ReadonlySet<number>; dateLine: number | null },
  context: OutlineContext,
): Block[] {
  const blocks: Block[] = [];
  const open: Item[] = [];
  let current: Item | null = null;
  const push = (heading: Heading, text: string, row?: TableRow): Item => {
    while (open.length && open[open.length - 1]!.heading.rank >= heading.rank) open.pop();
    const item: Item = { heading, lines: text ? [text] : [], roleLines: [], parent: open[open.length - 1] ?? null, row };
    open.push(item);
    blocks.push({ kind: 'item', item });
    return item;
  };
  const stop = new Set([...document.meta, ...(document.dateLine === null ? [] : [document.dateLine])]);
  const tables = new Map(findTables(lines, context.registry, context.conventions, stop).map((t) => [t.start, t]));
  const headings = readHeadings(lines.map(plain));
  for (let i = 0; i < lines.length; i++) {
    const table = tables.get(i);
    if (table) {
      // A table outside any heading is a section of its own (two attachments' tables both start at 1).
      if (open.length === 0 && table.entries[0]?.kind !== 'section') push({ rank: tableRank, number: 0, marker: '', rest: '' }, caption(blocks));
      for (const entry of table.entries) {
        if (entry.kind === 'section') push(entry.heading, entry.heading.rest);
        else {
          const number = entry.row.number ?? 0;
          push({ rank: rowRank, number, marker: `${number}.`, rest: entry.row.text }, entry.row.text, entry.row);
        }
      }
      current = null;
      i = table.end - 1;
      continue;
    }
    if (i === document.dateLine) {
      current = null;
      open.length = 0;
    }
    if (document.meta.has(i)) continue;
    const line = plain(lines[i]!);
    const heading = headings[i];
    if (heading) {
      current = push(heading, heading.rest);
    } else if (current && isRoleLine(line)) {
      current.roleLines.push(line);
    } else if (current && /[:：]$/.test(current.roleLines.at(-1) ?? '')) {
      // "责任单位：" with its bodies on the next line.
      current.roleLines[current.roleLines.length - 1] += line;
    } else if (current && !current.row && !itemHasRoles(current, context)) {
      (isBareRoleLine(line, context) ? current.roleLines : current.lines).push(line);
    } else {
      blocks.push({ kind: 'prose', text: line });
    }
  }
  return blocks;
}
