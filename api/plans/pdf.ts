import { createRequire } from 'node:module';
import path from 'node:path';
import { columnOf } from '../../domain/plan/vocabulary.ts';

/**
 * The text layer of a PDF, put back into lines: pieces of text on one
 * baseline make a line, a wide gap between them separates cells. A task table
 * is found by its header row (序号 | 工作任务 | 牵头单位 …): its columns are where
 * the header's cells start, every piece below goes to its column, and a row
 * runs from one number in the 序号 column to the next, however many lines its
 * cells wrap over; each row is written as one line of tab-separated cells.
 * A PDF without a text layer (a scan) has almost no text: it is refused.
 */
export class ScannedPdfError extends Error {
  override name = 'ScannedPdfError';
}

interface Piece {
  x: number;
  end: number;
  text: string;
}

interface Line {
  /** Reading position: pages in order, top to bottom. */
  at: number;
  size: number;
  /** The text items as drawn, left to right. */
  items: Piece[];
  /** Items merged where the gap between them is narrower than a column gap. */
  pieces: Piece[];
}

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

type TextItem = { str: string; transform: number[]; width: number; height: number };

/** Items on one baseline, left to right, merged where the gap is narrower than a column gap. */
function linesOfPage(items: TextItem[], page: number, height: number): Line[] {
  const sorted = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({ x: i.transform[4]!, y: i.transform[5]!, w: i.width, size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height || 10, text: i.str }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; items: typeof sorted }> = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.max(l.size, item.size) * 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const items = line.items.sort((a, b) => a.x - b.x).map((i) => ({ x: i.x, end: i.x + i.w, text: i.text }));
      const pieces: Piece[] = [];
      for (const item of items) {
        const last = pieces[pieces.length - 1];
        const gap = last ? item.x - last.end : Infinity;
        if (last && gap < line.size * 0.8) {
          last.text += gap > line.size * 0.3 && /\w$/.test(last.text) && /^\w/.test(item.text) ? ` ${item.text}` : item.text;
          last.end = item.end;
        } else {
          pieces.push({ ...item });
        }
      }
      return { at: page * 100_000 + (height - line.y), size: line.size, items, pieces };
    });
}

const isNumber = (text: string) => /^[（(]?[0-9０-９]{1,3}[）)]?[.、．]?$/.test(text.trim());
const isSectionRow = (text: string) => /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(text.trim());

interface Header {
  index: number;
  starts: number[];
  numberColumn: number;
}

function headerAt(lines: Line[], index: number): Header | null {
  const cells = lines[index]!.pieces.map((p) => p.text.trim());
  const columns = cells.map(columnOf);
  const known = columns.filter((c) => c !== null);
  if (cells.length < 2 || known.length < cells.length * 0.6 || !columns.includes('text')) return null;
  if (!columns.some((c) => c === 'leads' || c === 'supports' || c === 'responsible')) return null;
  return { index, starts: lines[index]!.pieces.map((p) => p.x), numberColumn: columns.indexOf('number') };
}

/** The table under a header: its rows as tab-separated lines, and where it ends. */
function readTable(lines: Line[], header: Header): { rows: string[]; end: number } {
  const { starts, numberColumn } = header;
  const tolerance = lines[header.index]!.size;
  const columnAt = (x: number) => {
    let c = 0;
    starts.forEach((start, i) => {
      if (x >= start - tolerance) c = i;
    });
    return c;
  };
  /** A line of the table: every item inside its cell (a group heading may run across). */
  const inTable = (line: Line) =>
    line.items[0]!.x >= starts[0]! - 2 * tolerance &&
    (line.items.every((item) => {
      const next = starts[columnAt(item.x) + 1];
      return next === undefined || item.end <= next + tolerance;
    }) ||
      (line.items.length === 1 && isSectionRow(line.items[0]!.text)));
  let end = header.index + 1;
  while (end < lines.length && inTable(lines[end]!) && !headerAt(lines, end)) end++;
  const body = lines.slice(header.index + 1, end);
  const anchors = body.filter((l) => numberColumn >= 0 && l.items.some((p) => columnAt(p.x) === numberColumn && isNumber(p.text)));
  // Top-aligned rows start at their number; rows centred in their cells gather the lines nearest their number.
  const topAligned = anchors[0] === body[0];
  const rows = new Map<Line | null, string[][]>();
  const out: string[] = [];
  const rowOf = (line: Line): Line | null => {
    if (anchors.length === 0) return line;
    if (topAligned) return anchors.filter((a) => a.at <= line.at).at(-1) ?? null;
    return anchors.reduce((best, a) => (Math.abs(a.at - line.at) < Math.abs(best.at - line.at) ? a : best));
  };
  for (const line of body) {
    const text = line.items.map((p) => p.text).join('');
    if (!anchors.includes(line) && isSectionRow(text) && new Set(line.items.map((p) => columnAt(p.x))).size === 1) {
      out.push(text);
      continue;
    }
    const row = rowOf(line);
    if (!rows.has(row)) {
      rows.set(row, starts.map(() => []));
      out.push(`\u0000${rows.size - 1}`);
    }
    for (const item of line.items) rows.get(row)![columnAt(item.x)]!.push(item.text.trim());
  }
  const cells = [...rows.values()];
  return { rows: out.map((l) => (l.startsWith('\u0000') ? cells[Number(l.slice(1))]!.map((c) => c.join('')).join('\t') : l)), end };
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const lines: Line[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const { items } = await page.getTextContent();
      lines.push(...linesOfPage(items.filter((i): i is TextItem & (typeof items)[number] => 'str' in i), n, page.view[3]!));
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  const characters = lines.reduce((n, l) => n + l.pieces.reduce((k, p) => k + p.text.replace(/\s/g, '').length, 0), 0);
  if (characters < 20 * Math.max(1, document.numPages) * 0.5) throw new ScannedPdfError();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(lines, i);
    if (!header) {
      out.push(lines[i]!.pieces.map((p) => p.text).join('\t'));
      continue;
    }
    const table = readTable(lines, header);
    out.push(lines[i]!.pieces.map((p) => p.text.trim()).join('\t'), ...table.rows);
    i = table.end - 1;
  }
  return out.join('\n');
}
