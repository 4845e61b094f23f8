import type { BodyRegistry } from '../bodies/registry.ts';
import { findDeadlines } from '../dates/chinese-dates.ts';
import { parseNumber } from '../dates/numerals.ts';
import { type Heading, parseHeading } from './headings.ts';
import { looksLikeBody, splitBodies } from './lists.ts';
import { addList, type Conventions, emptyRoles, type Roles } from './roles.ts';
import { re } from './variants.ts';
import { type Column, columnOf } from './vocabulary.ts';

/**
 * Task-division tables (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限), found by
 * their header row and read by column, in the three shapes a notice reaches us:
 * cells separated by tabs (a table of a web page, .docx, .xlsx or PDF as the
 * reader keeps it), a table flattened to text one row per line (cells separated
 * by spaces), or one cell per line. In the flattened shapes empty cells leave
 * no trace, so each piece goes to the next column that can hold what it looks
 * like: bodies, a time, or words.
 */
export interface TableRow {
  /** The row's number as written in 序号; null in a table without one. */
  number: number | null;
  text: string;
  roles: Roles;
}

export type TableEntry = { kind: 'section'; heading: Heading; line: number } | { kind: 'row'; row: TableRow; line: number };

export interface Table {
  /** The header line. */
  start: number;
  /** The line after the table. */
  end: number;
  entries: TableEntry[];
}

/** Ranks of table sections and rows: below every numbered heading of the text. */
export const sectionRank = 8;
export const rowRank = 9;

type Shape = 'cells' | 'row-per-line' | 'cell-per-line';
type PieceKind = 'bodies' | 'time' | 'person' | 'words';

const isRoleColumn = (c: Column) => c === 'leads' || c === 'supports' || c === 'responsible' || c === 'division';
const isTextColumn = (c: Column) => c === 'text' || c === 'section';

/** The columns a header row names, when it is one: a text column, a role column and most cells known. */
function headerColumns(cells: string[], everyCell: boolean): Column[] | null {
  const filled = cells.filter((c) => c !== '');
  const columns = cells.map(columnOf);
  const known = columns.filter((c) => c !== null);
  if (known.length < 2 || (everyCell ? known.length < filled.length : known.length < filled.length * 0.6)) return null;
  if (!known.some(isRoleColumn) || !known.includes('text')) return null;
  return columns.map((c) => c ?? 'ignored');
}

const splitCells = (line: string) => line.split('\t').map((c) => c.trim());
const splitWords = (line: string) => line.split(/[\s\u3000]+/).filter(Boolean);

/** Where a table starts at line i, and in which shape. */
function headerAt(lines: string[], i: number): { shape: Shape; columns: Column[]; headers: string[]; next: number } | null {
  const line = lines[i]!;
  if (line.includes('\t')) {
    const headers = splitCells(line);
    const columns = headerColumns(headers, false);
    return columns ? { shape: 'cells', columns, headers, next: i + 1 } : null;
  }
  const words = splitWords(line);
  if (words.length >= 2) {
    const columns = headerColumns(words, true);
    return columns ? { shape: 'row-per-line', columns, headers: words, next: i + 1 } : null;
  }
  let j = i;
  while (j < lines.length && j - i < 12 && !lines[j]!.includes('\t') && columnOf(lines[j]!) !== null) j++;
  if (j - i < 3) return null;
  const headers = lines.slice(i, j);
  const columns = headerColumns(headers, true);
  return columns ? { shape: 'cell-per-line', columns, headers, next: j } : null;
}

/** Whether a line is, by itself, the header row of a task table. */
export const isHeaderLine = (line: string) =>
  headerColumns(line.includes('\t') ? splitCells(line) : splitWords(line), !line.includes('\t')) !== null;

const numberCell = re('^[（(]?\\s*([0-9０-９]{1,3}|[一二三四五六七八九十百]{1,4})\\s*[）)]?\\s*[.、．]?$');
const dottedNumber = /^[0-9０-９]{1,3}[.．\-－][0-9０-９]{1,3}$/;

/** The number in a 序号 cell ("3", "3.", "（3）", "2.3" → 3), or null. */
function rowNumber(cell: string): number | null {
  if (dottedNumber.test(cell)) return parseNumber(cell.split(/[.．\-－]/)[1]!);
  const m = numberCell.exec(cell);
  return m ? parseNumber(m[1]!) : null;
}

const timeWords = re('^(长期|持续|常态化|逐年|每年|每季度|每月|按年度|立即|已完成|年底前|年内|全年|年底|年中|上半年|下半年)');
const timeUnits = /[0-9０-９一二三四五六七八九十]+\s*(年|月|季度|日)|底前|前完成/;

/** A leader named in a 责任领导 column: "张副市长", "王主任". */
const person = re('^[\\u4e00-\\u9fff]{1,8}(?:长|书记|主任|同志|专员|巡视员)$');
/** Bare names ("叶林", "吴晓、郑洁"): leaders, in a table that has a column for them. */
const names = /^[\u4e00-\u9fff]{2,4}(?:[、，,\s][\u4e00-\u9fff]{2,4})*$/;
/** The header of a column of persons. */
const personHeader = re('领导|责任人|联系人|经办人');

function pieceKind(piece: string, registry: BodyRegistry, persons: boolean): PieceKind {
  if (person.test(piece)) return 'person';
  if (piece.length <= 24 && (timeWords.test(piece) || timeUnits.test(piece) || findDeadlines(piece, { issuedOn: null }).length > 0)) {
    return 'time';
  }
  if (persons && names.test(piece) && !splitBodies(piece, registry).some((n) => looksLikeBody(n, registry))) return 'person';
  if (piece.length <= 300 && !/[。；;：:]/.test(piece)) {
    const names = splitBodies(piece, registry);
    if (names.length > 0 && names.every((n) => n.length <= 30 && looksLikeBody(n.replace(/[（(][^（）()]*[）)]$/, ''), registry))) return 'bodies';
  }
  return 'words';
}

const accepts = (column: Column, kind: PieceKind) =>
  isTextColumn(column) ? kind === 'words' : isRoleColumn(column) ? kind === 'bodies' : column === 'timeLimits' ? kind === 'time' : column === 'ignored' && kind !== 'time' && kind !== 'bodies';

/** Pieces of a flattened row put into columns by what they look like, in column order. */
function assign({ columns, headers, registry }: Reader, pieces: string[]): string[] {
  const values = columns.map(() => '');
  const firstText = columns.findIndex(isTextColumn);
  const persons = headers.some((h) => personHeader.test(h));
  let at = columns.findIndex((c) => c !== 'number');
  for (const piece of pieces) {
    const kind = pieceKind(piece, registry, persons);
    const current = columns[at]!;
    const continuing = values[at] !== '' && /[、，,]$/.test(values[at]!);
    if (continuing || (isTextColumn(current) && (kind === 'words' || values[at] === ''))) {
      values[at] += piece;
      continue;
    }
    const next = columns.findIndex((c, j) => (values[at] === '' ? j >= at : j > at) && accepts(c, kind));
    if (next >= 0) {
      values[next] += piece;
      at = next;
    } else if (firstText >= 0) {
      values[firstText] += piece;
    }
  }
  return values;
}

/** The section a row with a single value stands for ("一、优化营商环境"). */
function sectionHeading(title: string, ordinal: number): Heading {
  const heading = parseHeading(title);
  return { rank: sectionRank, number: heading?.number ?? ordinal, marker: heading?.marker ?? '', rest: heading ? heading.rest : title };
}

interface Reader {
  columns: Column[];
  headers: string[];
  registry: BodyRegistry;
  conventions: Conventions;
}

function readRow({ columns, headers, registry, conventions }: Reader, values: string[], number: number | null): TableRow {
  const roles = emptyRoles();
  const texts: string[] = [];
  columns.forEach((column, i) => {
    const value = values[i]?.trim();
    if (!value || column === 'number' || column === 'section') return;
    if (column === 'text') texts.push(value);
    else if (column === 'timeLimits') roles.timeLimits.push(`${headers[i]!.replace(/\s+/g, '')}：${value}`);
    else addList(roles, column, value, registry, conventions);
  });
  return { number, text: [...new Set(texts)].join('：'), roles };
}

/**
 * A text column whose value repeats down the rows (a merged cell the reader
 * copied into each row) groups the rows: it is a section column.
 */
function sectionColumns(columns: Column[], rows: string[][]): Column[] {
  const texts = columns.flatMap((c, i) => (c === 'text' ? [i] : []));
  if (texts.length < 2 || columns.includes('section')) return columns;
  const [first] = texts;
  const values = rows.map((r) => r[first!] ?? '').filter(Boolean);
  const repeats = values.some((v, i) => i > 0 && v === values[i - 1]);
  return repeats ? columns.map((c, i) => (i === first ? 'section' : c)) : columns;
}

/** A line between tab rows that is a group heading: short, no sentence, and a tab row after it. */
const isGroupLine = (lines: string[], i: number) =>
  !lines[i]!.includes('\t') && lines[i]!.length <= 40 && !/[。；;]/.test(lines[i]!) && (lines[i + 1]?.includes('\t') ?? false);

/** A table of tab-separated rows: read by position; a row of one value is a section. */
function readCells(lines: string[], start: number, header: NonNullable<ReturnType<typeof headerAt>>, reader: Omit<Reader, 'columns' | 'headers'>): Table {
  let end = header.next;
  while (end < lines.length && (lines[end]!.includes('\t') || isGroupLine(lines, end)) && !headerAt(lines, end)) end++;
  const rows = lines.slice(header.next, end).map(splitCells);
  const columns = sectionColumns(header.columns, rows);
  const r: Reader = { ...reader, columns, headers: header.headers };
  const numberAt = columns.indexOf('number');
  const sectionAt = columns.indexOf('section');
  const entries: TableEntry[] = [];
  let sections = 0;
  let section = '';
  let count = 0;
  rows.forEach((cells, k) => {
    const filled = [...new Set(cells.filter(Boolean))];
    const number = numberAt >= 0 ? rowNumber(cells[numberAt] ?? '') : null;
    const line = header.next + k;
    if (filled.length === 0) return;
    if (filled.length === 1 && number === null && pieceKind(filled[0]!, reader.registry, false) !== 'bodies') {
      entries.push({ kind: 'section', heading: sectionHeading(filled[0]!, ++sections), line });
      return;
    }
    if (sectionAt >= 0 && cells[sectionAt] && cells[sectionAt] !== section) {
      section = cells[sectionAt]!;
      entries.push({ kind: 'section', heading: sectionHeading(section, ++sections), line });
    }
    const values = cells.length === columns.length ? cells : assign(r, cells.filter(Boolean));
    const row = readRow(r, values, number ?? (numberAt < 0 ? ++count : null));
    const last = entries[entries.length - 1];
    // A number repeated by a merged cell, or no number where the table has them, continues the row above.
    if (last?.kind === 'row' && (row.number === null || last.row.number === row.number)) {
      if (row.text && !last.row.text.includes(row.text)) last.row.text += `\n${row.text}`;
      for (const key of ['leads', 'supports', 'responsible', 'timeLimits'] as const) last.row.roles[key].push(...row.roles[key]);
    } else {
      entries.push({ kind: 'row', row, line });
    }
  });
  return { start, end, entries };
}

/** A sentence after a row that already names its bodies is the text after the table ("各责任单位每季度末报送进展。"). */
const isSentence = (line: string) => line.length > 12 && /[。；;]$/.test(line);
const hasRoles = (reader: Reader, pieces: string[]) =>
  assign(reader, pieces).some((value, i) => value !== '' && isRoleColumn(reader.columns[i]!));

function flatRow(reader: Reader, open: { number: number; pieces: string[]; line: number }): TableEntry {
  return { kind: 'row', row: readRow(reader, assign(reader, open.pieces), open.number), line: open.line };
}

const rowStart = re('^([0-9０-９]{1,3}(?=\\s*[.、．])|[0-9０-９]{1,3}(?=\\s)|[一二三四五六七八九十]{1,3}(?=\\s))\\s*[.、．]?\\s*(.*)$');
const aloneNumber = /^[（(]?([0-9０-９]{1,3})[）)]?\s*[.、．]?$/;
/** Headings that group the rows of a flattened table: 一、 （一） 第一部分. */
const isSectionLine = (line: string) => {
  const heading = parseHeading(line);
  return heading !== null && heading.rank <= 1;
};

/** A flattened table: rows start with their number (the next one), sections are 一、/（一） headings, anything else continues the row. */
function readFlat(
  lines: string[],
  start: number,
  header: NonNullable<ReturnType<typeof headerAt>>,
  reader: Omit<Reader, 'columns' | 'headers'>,
  stop: ReadonlySet<number>,
): Table | null {
  const r: Reader = { ...reader, columns: header.columns, headers: header.headers };
  const entries: TableEntry[] = [];
  const pieces = (line: string) => (header.shape === 'row-per-line' ? splitWords(line) : [line]);
  let open: { number: number; pieces: string[]; line: number } | null = null;
  let last = 0;
  let sections = 0;
  let end = header.next;
  for (; end < lines.length && !stop.has(end); end++) {
    const line = lines[end]!;
    if (end > header.next && headerAt(lines, end)) break;
    const m = header.shape === 'row-per-line' ? rowStart.exec(line) : aloneNumber.exec(line);
    const number = m ? parseNumber(m[1]!) : null;
    // The next row: the next number (a few may be missing), or 1 again where a new group or table starts.
    const next = number !== null && (last === 0 || number === 1 || (number > last && number <= last + 3));
    if (next || isSectionLine(line)) {
      if (open) entries.push(flatRow(r, open));
      open = null;
    }
    if (next) {
      last = number!;
      open = { number: number!, pieces: header.shape === 'row-per-line' ? splitWords(m![2]!) : [], line: end };
    } else if (isSectionLine(line)) {
      entries.push({ kind: 'section', heading: sectionHeading(line, ++sections), line: end });
    } else if (open && !(isSentence(line) && hasRoles(r, open.pieces))) {
      open.pieces.push(...pieces(line));
    } else if (last === 0) {
      return null; // words under the header that are no row: not a table
    } else {
      break;
    }
  }
  if (open) entries.push(flatRow(r, open));
  // Sections after the last row are the text's own headings again.
  for (let tail = entries.at(-1); tail?.kind === 'section'; tail = entries.at(-1)) {
    end = tail.line;
    entries.pop();
  }
  return entries.some((e) => e.kind === 'row') ? { start, end, entries } : null;
}

/**
 * Every task table of the notice's lines, in order. `stop` lines (the date,
 * the signature) end a flattened table.
 */
export function findTables(lines: string[], registry: BodyRegistry, conventions: Conventions, stop: ReadonlySet<number>): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (!header) continue;
    const reader = { registry, conventions };
    const table = header.shape === 'cells' ? readCells(lines, i, header, reader) : readFlat(lines, i, header, reader, stop);
    if (!table || !table.entries.some((e) => e.kind === 'row')) continue;
    tables.push(table);
    i = table.end - 1;
  }
  return tables;
}
