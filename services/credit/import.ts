import { hash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { canonicalUscc } from '../../domain/credit/uscc.ts';
import { checkEntityRows, checkRecordRows, entityColumns, mapHeader, recordColumns } from '../../domain/credit/import.ts';
import type { RowError } from '../../domain/filing/catalogue.ts';
import { reclassifyMany } from '../../readmodel/classes.ts';
import { bulkSql, insertJsonRows, jsonList } from '../../runtime/sql.ts';
import { Prisma } from '../../prisma/generated/client.ts';
import type { PrismaClient } from '../../runtime/db.ts';

export type ImportKind = 'entities' | 'records';

export interface ImportReport {
  imported: number;
  skipped: number;
  reclassified: number;
  errors: RowError[];
}

const maxRows = 200_000;
/** SHA-256 in hex (Node's one-shot hash, several times faster than the pure one the draw uses, same digest): the cause and the record ids. */
const hex = (text: string) => hash('sha256', text, 'hex');
/** Rows per statement: each batch is one JSON parameter, so the size only bounds the statement's memory. */
const chunk = 10_000;

const entityColumnTypes = { code: 'text', name: 'text', registrationBody: 'text', district: 'text', industry: 'text' } as const;
const recordColumnTypes = {
  id: 'text', entityCode: 'text', kind: 'text', severity: 'text', amountYuan: 'float', date: 'text', description: 'text',
  providerBodyId: 'text', providerName: 'text', repairExcluded: 'boolean', source: 'text', createdAt: 'timestamp', updatedAt: 'timestamp',
} as const;

/** Rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF), BOM removed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** The cells of the first sheet of an .xlsx file, as text (dates as YYYY-MM-DD). */
async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const value = row.getCell(c).value;
      cells.push(value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : typeof value === 'object' && 'text' in value ? String(value.text) : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

/** The rows of an uploaded file, CSV (UTF-8) or .xlsx, by its name. */
export async function readSheet(bytes: Uint8Array, name: string): Promise<string[][] | RowError> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return parseCsv(new TextDecoder('utf-8').decode(bytes));
  if (lower.endsWith('.xlsx')) {
    try {
      return await xlsxRows(bytes);
    } catch {
      return { row: 0, message: '无法读取该 .xlsx 文件。 The .xlsx file cannot be read.' };
    }
  }
  return { row: 0, message: '只支持 CSV 或 .xlsx 文件。 Only CSV and .xlsx files can be imported.' };
}

/** Each row's cells by field name (cells under an unknown header dropped). */
function objects<K extends string>(rows: string[][], fields: Array<K | null>): Array<Record<string, string>> {
  const named = fields.flatMap((f, i) => (f ? [[f, i] as const] : []));
  return rows.map((cells) => {
    const row: Record<string, string> = {};
    for (const [field, i] of named) row[field] = cells[i] ?? '';
    return row;
  });
}

/**
 * Imports entities or records from a sheet. Every row is checked first; with
 * any error nothing is written. Otherwise everything is written, and the
 * classes recomputed, in one transaction. Rows already imported are skipped.
 */
export async function importCreditSheet(prisma: PrismaClient, kind: ImportKind, rows: string[][], now = new Date()): Promise<ImportReport> {
  const fail = (errors: RowError[]): ImportReport => ({ imported: 0, skipped: 0, reclassified: 0, errors });
  if (rows.length < 2) return fail([{ row: 1, message: '文件没有数据行。 The file has no data rows.' }]);
  if (rows.length - 1 > maxRows) return fail([{ row: 0, message: `一次最多导入 ${maxRows} 行。 At most ${maxRows} rows per import.` }]);
  const [header, ...body] = rows as [string[], ...string[][]];
  const cause = `import:${hex(rows.map((r) => r.join('\u0001')).join('\n')).slice(0, 16)}`;
  const dialect = bulkSql(prisma).dialect;
  if (kind === 'entities') {
    const { fields, errors: headerErrors } = mapHeader(header, entityColumns);
    if (headerErrors.length) return fail(headerErrors);
    const { entities, errors } = checkEntityRows(objects(body, fields));
    if (errors.length) return fail(errors);
    return prisma.$transaction(async (tx) => {
      // Writes first (SQLite then queues a competing writer rather than refusing this transaction); the codes inserted are the fresh ones.
      const fresh: string[] = [];
      for (let i = 0; i < entities.length; i += chunk) {
        const inserted = await bulkSql(tx).query<{ code: string }>(insertJsonRows(dialect, 'MarketEntity', entityColumnTypes, entities.slice(i, i + chunk), 'ON CONFLICT ("code") DO NOTHING RETURNING "code"'));
        fresh.push(...inserted.map((e) => e.code));
      }
      const reclassified = await reclassifyMany(tx, fresh, cause, now);
      return { imported: fresh.length, skipped: entities.length - fresh.length, reclassified, errors: [] };
    }, { timeout: 600_000 });
  }
  const { fields, errors: headerErrors } = mapHeader(header, recordColumns);
  if (headerErrors.length) return fail(headerErrors);
  const parsed = objects(body, fields);
  const codes = [...new Set(parsed.map((r) => canonicalUscc(r.code ?? '')))];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += chunk) {
    for (const e of await bulkSql(prisma).query<{ code: string }>(Prisma.sql`SELECT e."code" FROM ${jsonList(dialect, codes.slice(i, i + chunk))} AS c JOIN "MarketEntity" AS e ON e."code" = c."value"`)) known.add(e.code);
  }
  const { records, errors } = checkRecordRows(parsed, (c) => known.has(c));
  const bodies = await prisma.body.findMany({ select: { id: true, shortName: true, fullName: true } });
  // Each provider as written is looked up once.
  const providers = new Map<string, (typeof bodies)[number] | null>();
  const bodyOf = (name: string) => {
    let body = providers.get(name);
    if (body === undefined) providers.set(name, (body = bodies.find((b) => b.shortName === name || b.fullName === name || b.id === name) ?? null));
    return body;
  };
  records.forEach((r, i) => {
    if (r.provider && !bodyOf(r.provider)) errors.push({ row: i + 2, message: `提供单位"${r.provider}"未登记。 The providing body "${r.provider}" is not registered.` });
  });
  if (errors.length) return fail(errors.sort((a, b) => a.row - b.row));
  const recordRows = records.map((r) => {
    const provider = r.provider ? bodyOf(r.provider) : null;
    return {
      // The id digests what the row says (the empty text for no fine, as Array.join writes null).
      id: `import:${hex(`${r.code}|${r.kind}|${r.date}|${r.amountYuan ?? ''}|${r.description}`).slice(0, 24)}`,
      entityCode: r.code, kind: r.kind, severity: r.severity, amountYuan: r.amountYuan, date: r.date, description: r.description,
      providerBodyId: provider?.id ?? null, providerName: provider?.shortName ?? '', repairExcluded: r.repairExcluded, source: 'import', createdAt: now, updatedAt: now,
    };
  });
  return prisma.$transaction(async (tx) => {
    // One prepared INSERT per row on SQLite, one per 10,000 rows as JSON on PostgreSQL (runtime/sql.ts); a row imported before, or twice in the file, is written once.
    const imported = await bulkSql(tx).insert('CreditRecord', recordColumnTypes, recordRows, 'ON CONFLICT ("id") DO NOTHING');
    const reclassified = await reclassifyMany(tx, [...new Set(records.map((r) => r.code))], cause, now);
    return { imported, skipped: records.length - imported, reclassified, errors: [] };
  }, { timeout: 600_000 });
}
