import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { htmlToText } from './html.ts';

/**
 * Word and Excel documents as text. A .docx goes through HTML so its tables
 * keep their cells (one row per line, cells separated by tabs); each sheet of
 * an .xlsx is a table the same way (a cell merged across a row, such as a
 * title or a group heading, is written once); a legacy .doc gives its text
 * with table cells separated by tabs. The zips of .docx and .xlsx come here
 * already checked and stored (see zip.ts).
 */
export async function docxText(zip: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: zip });
  return htmlToText(value);
}

function cellText(cell: ExcelJS.Cell): string {
  return (cell.text ?? '').replace(/[\t\r\n]+/g, ' ').trim();
}

export async function xlsxText(zip: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(zip as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
      const filled = [...new Set(cells.filter(Boolean))];
      lines.push(filled.length === 1 ? filled[0]! : cells.join('\t').replace(/\t+$/, ''));
    });
    lines.push('');
  });
  return lines.join('\n');
}

/**
 * The extractor ends every cell of a Word 97 table with a tab, so a row ends
 * with a tab and a line break; a line break before that is a paragraph inside
 * a cell, and the row goes on.
 */
function joinRows(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const rowEnds = (k: number) => lines.slice(k, k + 6).findIndex((l) => l.endsWith('\t'));
    while (line.includes('\t') && !line.endsWith('\t') && i + 1 < lines.length && rowEnds(i + 1) >= 0) line += ` ${lines[++i]}`;
    out.push(line);
  }
  return out.join('\n');
}

export async function docText(bytes: Uint8Array): Promise<string> {
  const document = await new WordExtractor().extract(Buffer.from(bytes));
  return joinRows(document.getBody().replace(/\u0007/g, '\t'));
}
