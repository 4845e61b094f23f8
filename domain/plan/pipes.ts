import { parseHeading } from './headings.ts';
import { columnOf } from './vocabulary.ts';

/**
 * Tables whose cells a web page or a markdown export separated with "|": rows
 * written "| 1 | 任务 | 张三 | 县教育局 | 全年 |" (a rule row "| --- |" under the
 * header), or one cell per line, each ending with " |" (a cell wrapped over
 * lines ends only on its last). Both become rows of tab-separated cells, the
 * shape the table reader reads by position, so an empty cell keeps its place
 * and a leader's name stays in the 责任领导 column.
 */
const pipeRow = /^[|｜](.*[|｜].*)[|｜]$/;
const ruleRow = /^[|｜]?\s*:?-{2,}:?\s*([|｜]\s*:?-{2,}:?\s*)*[|｜]?$/;
const cellEnd = /(?:^|\s)[|｜]$/;

const cells = (row: string) => row.split(/[|｜]/).map((c) => c.trim());

/** Cells written one per line from `start`: each runs to the next line ending with |. */
function cellRun(lines: readonly string[], start: number): { cells: string[]; end: number } {
  const run: string[] = [];
  let pending = '';
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (cellEnd.test(line)) {
      run.push((pending + line.replace(/[|｜]$/, '')).trim());
      pending = '';
      end = i + 1;
    } else if (pending === '' && i > start && !cellEnd.test(lines[i + 1] ?? '') && !cellEnd.test(lines[i + 2] ?? '')) {
      break; // prose after the table
    } else {
      pending += line;
    }
  }
  return { cells: run, end };
}

/** A heading spanning a row ("一、改善居住条件"): it stands alone, as a group line between rows. */
const isGroup = (cell: string) => {
  const heading = parseHeading(cell);
  return heading !== null && heading.rank <= 1;
};

/** Cells one per line regrouped into rows as wide as the header (the leading cells that name columns). */
function rowsOfCells(run: string[]): string[] | null {
  let width = 0;
  while (width < run.length && columnOf(run[width]!) !== null) width++;
  if (width < 2) return null;
  const rows = [run.slice(0, width).join('\t')];
  for (let i = width; i < run.length; ) {
    if (isGroup(run[i]!)) {
      rows.push(run[i++]!);
      continue;
    }
    rows.push(run.slice(i, i + width).join('\t'));
    i += width;
  }
  return rows;
}

/** The lines with every |-separated table turned into tab-separated rows; other lines as they are. */
export function unpipe(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ruleRow.test(line) && line.includes('-')) continue;
    const row = pipeRow.exec(line);
    if (row) {
      out.push(cells(row[1]!).join('\t'));
      continue;
    }
    if (cellEnd.test(line) && line.length > 1) {
      const { cells: run, end } = cellRun(lines, i);
      // Lines ending with | under no header are left as they are, all at once (so the text is read once).
      out.push(...(rowsOfCells(run) ?? lines.slice(i, Math.max(end, i + 1))));
      i = Math.max(end, i + 1) - 1;
      continue;
    }
    out.push(line);
  }
  return out;
}
