import ExcelJS from 'exceljs';
import { catalogueColumns, catalogueErrors, exampleMark, type CatalogueRow, type RowError } from '../../domain/filing/catalogue.ts';
import { normalizeRows } from '../../domain/filing/round.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { xlsxType };

const dispositionNames: Record<string, string> = { kept: '保留', cancelled: '取消', delegated: '下放' };
const unitStatusNames: Record<string, string> = { assigned: '待报送', submitted: '待审核', returned: '已退回', accepted: '已通过' };
const maxRows = 2000;

/** The template a body fills in: the header row and one example row (marked, and refused on upload if left in), with the allowed dispositions as a list. */
export async function catalogueTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('监管目录');
  sheet.columns = catalogueColumns.map((c) => ({ header: c.title, key: c.key, width: c.key === 'item' ? 28 : 22 }));
  sheet.getRow(1).font = { bold: true };
  const example = sheet.addRow({ item: `${exampleMark}食品生产许可`, disposition: '保留', object: '食品生产企业', content: '许可条件保持情况', method: '双随机抽查', standard: '食品生产许可审查通则', measures: '责令整改、撤销许可', procedure: '检查—告知—整改—复查' });
  example.font = { italic: true, color: { argb: 'FF808080' } };
  example.getCell(1).note = '示例行：报送前请删除，保留则整个文件不予接收。 Example row: delete it before submitting, or the file is refused.';
  for (let row = 2; row <= 500; row += 1) {
    sheet.getCell(row, 2).dataValidation = { type: 'list', allowBlank: false, formulae: ['"保留,取消,下放"'] };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

export type CatalogueUpload = { rows: CatalogueRow[]; errors: [] } | { rows: []; errors: RowError[] };

/**
 * Reads an uploaded catalogue: the first sheet, header in row 1, columns in
 * the template's order; blank rows are skipped. Row numbers in errors are the
 * spreadsheet's own. Either every row is good, or nothing is taken.
 */
export async function readCatalogue(bytes: Buffer): Promise<CatalogueUpload> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 1, message: '无法读取该文件，请使用 .xlsx 模板。 Not a readable .xlsx file: use the template.' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 1, message: '文件中没有工作表 The file has no sheet.' }] };
  const header = catalogueColumns.map((_, i) => text(sheet.getRow(1).getCell(i + 1).value).trim());
  const wrong = catalogueColumns.findIndex((c, i) => !header[i] || !c.title.startsWith(header[i]!.split(' ')[0]!));
  if (wrong >= 0) return { rows: [], errors: [{ row: 1, message: `第 ${wrong + 1} 列应为"${catalogueColumns[wrong]!.title}" Column ${wrong + 1} must be as in the template.` }] };
  const raw: Array<{ at: number; row: Record<keyof CatalogueRow, string> }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, at) => {
    if (at === 1) return;
    const cells = catalogueColumns.map((_, i) => text(row.getCell(i + 1).value).trim());
    if (cells.every((c) => !c)) return;
    raw.push({ at, row: Object.fromEntries(catalogueColumns.map((c, i) => [c.key, cells[i]!])) as Record<keyof CatalogueRow, string> });
  });
  if (raw.length > maxRows) return { rows: [], errors: [{ row: 1, message: `目录超过 ${maxRows} 行 More than ${maxRows} rows.` }] };
  // Numbered as the spreadsheet numbers them, even when blank rows were skipped.
  const at = (index: number | string) => raw[Number(index)]?.at ?? 2;
  const errors = catalogueErrors(raw.map((r) => r.row), 0).map((e) => ({
    row: at(e.row),
    message: e.message.replace(/第 (\d+) 行/, (_, n: string) => `第 ${at(n)} 行`).replace(/row (\d+)\./, (_, n: string) => `row ${at(n)}.`),
  }));
  return errors.length ? { rows: [], errors } : { rows: normalizeRows(raw.map((r) => r.row)), errors: [] };
}

export const consolidatedColumns = [
  { header: '序号 No.', key: 'no', width: 6 },
  { header: '报送单位 Body', key: 'bodyName', width: 18 },
  ...catalogueColumns.map((c) => ({ header: c.title, key: c.key, width: c.key === 'item' ? 28 : 22 })),
  { header: '实施办法 Measures file', key: 'measuresName', width: 28 },
];

/**
 * The consolidated catalogue of a round: the round, its deadline, filing number
 * and date in the two rows above the header (frozen, with an autofilter), each
 * row with its body's measures file; the bodies still overdue on a second sheet.
 */
export async function consolidatedWorkbook(prisma: PrismaClient, roundId: string): Promise<{ name: string; data: Buffer } | null> {
  const round = await prisma.filingRound.findUnique({ where: { id: roundId }, include: { record: true, filings: { orderBy: { bodyName: 'asc' } } } });
  if (!round?.record) return null;
  const rows = JSON.parse(round.record.rows) as Array<CatalogueRow & { bodyName: string }>;
  const overdue = new Set(JSON.parse(round.record.overdueBodies) as string[]);
  const measures = new Map(round.filings.map((f) => [f.bodyName, f.measuresName ?? '']));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('汇总监管目录', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = consolidatedColumns.map(({ key, width }) => ({ key, width }));
  const filed = round.record.filingNumber ? `备案号 ${round.record.filingNumber}，备案日期 ${round.record.filedOn}` : '尚未备案';
  sheet.addRow([`${round.title}`]).font = { bold: true, size: 14 };
  sheet.addRow([`报送期限 ${shanghaiDate(round.deadline)}（北京时间）　汇总日期 ${shanghaiDate(round.record.consolidatedAt)}　${filed}`]);
  sheet.mergeCells(1, 1, 1, consolidatedColumns.length);
  sheet.mergeCells(2, 1, 2, consolidatedColumns.length);
  sheet.addRow(consolidatedColumns.map((c) => c.header)).font = { bold: true };
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: consolidatedColumns.length } };
  sheet.addRows(rows.map((r, i) => ({ ...r, no: i + 1, disposition: dispositionNames[r.disposition] ?? r.disposition, measuresName: measures.get(r.bodyName) ?? '' })));
  const missing = workbook.addWorksheet('逾期未报送');
  missing.columns = [{ header: '单位 Body', key: 'bodyName', width: 24 }, { header: '期限 Due (北京时间)', key: 'due', width: 14 }, { header: '状态 Status', key: 'status', width: 12 }];
  missing.getRow(1).font = { bold: true };
  missing.addRows(round.filings.filter((f) => overdue.has(f.bodyId)).map((f) => ({ bodyName: f.bodyName, due: shanghaiDate(f.due), status: unitStatusNames[f.status] ?? f.status })));
  sheet.headerFooter.oddHeader = `${round.title}，${filed}`;
  return { name: `汇总监管目录-${shanghaiDate(round.record.consolidatedAt)}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
