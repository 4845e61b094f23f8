import type { RowError } from '../filing/catalogue.ts';
import type { RecordKind } from './classes.ts';
import { canonicalUscc, usccProblem } from './uscc.ts';

/** Columns of an entity import (CSV or .xlsx), by header in Chinese or English. */
export const entityColumns = {
  code: ['统一社会信用代码', 'code', 'uscc'],
  name: ['名称', 'name'],
  registrationBody: ['登记机关', 'registrationBody', 'registration body'],
  district: ['区县', 'district'],
  industry: ['行业', 'industry'],
} as const;

export const recordColumns = {
  code: ['统一社会信用代码', 'code', 'uscc'],
  kind: ['记录类型', 'kind'],
  date: ['日期', 'date'],
  amountYuan: ['罚款金额', 'amount', 'amountYuan'],
  severity: ['情节', 'severity'],
  description: ['事由', 'description'],
  provider: ['提供单位', 'provider'],
  repairExcluded: ['不予修复', 'repairExcluded'],
} as const;

export interface EntityRow {
  code: string;
  name: string;
  registrationBody: string;
  district: string;
  industry: string;
}

export interface RecordRow {
  code: string;
  kind: RecordKind;
  date: string;
  amountYuan: number | null;
  severity: 'general' | 'serious';
  description: string;
  /** As written; the importer matches it to a registered body. */
  provider: string;
  repairExcluded: boolean;
}

const kinds: Record<string, RecordKind> = {
  penalty: 'penalty', 行政处罚: 'penalty', 处罚: 'penalty',
  abnormal: 'abnormal', 经营异常名录: 'abnormal', 经营异常: 'abnormal',
  seriousviolation: 'seriousViolation', 严重违法失信名单: 'seriousViolation', 严重违法: 'seriousViolation',
  refusedinspection: 'refusedInspection', 拒绝检查: 'refusedInspection',
};
const yes = new Set(['是', 'y', 'yes', 'true', '1']);
const no = new Set(['', '否', 'n', 'no', 'false', '0']);

/** Maps a sheet's header cells to field names; unknown headers are reported. */
export function mapHeader<K extends string>(header: string[], columns: Record<K, readonly string[]>): { fields: Array<K | null>; errors: RowError[] } {
  const lookup = new Map<string, K>();
  for (const [key, names] of Object.entries(columns) as Array<[K, readonly string[]]>) for (const n of names) lookup.set(n.toLowerCase(), key);
  const fields = header.map((h) => lookup.get(h.trim().toLowerCase()) ?? null);
  const errors: RowError[] = [];
  for (const key of Object.keys(columns) as K[]) {
    if (!fields.includes(key)) errors.push({ row: 1, message: `缺少列"${columns[key][0]}" Missing column "${columns[key][1]}".` });
  }
  return { fields, errors };
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const cell = (row: Record<string, string>, key: string) => (row[key] ?? '').trim();

/** Entity rows checked one by one: a valid code, named fields, no code twice in the file. */
export function checkEntityRows(rows: Array<Record<string, string>>, firstRow = 2): { entities: EntityRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const entities: EntityRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = firstRow + i;
    const code = canonicalUscc(cell(row, 'code'));
    const problem = usccProblem(code);
    if (problem) errors.push({ row: at, message: problem });
    else if (seen.has(code)) errors.push({ row: at, message: `代码与第 ${seen.get(code)} 行重复 Same code as row ${seen.get(code)}.` });
    else seen.set(code, at);
    const missing = (['name', 'registrationBody', 'district', 'industry'] as const).filter((k) => !cell(row, k));
    for (const k of missing) errors.push({ row: at, message: `缺少${entityColumns[k][0]} Missing ${entityColumns[k][1]}.` });
    if (cell(row, 'name').length > 200) errors.push({ row: at, message: '名称过长 The name is longer than 200 characters.' });
    entities.push({ code, name: cell(row, 'name'), registrationBody: cell(row, 'registrationBody'), district: cell(row, 'district'), industry: cell(row, 'industry') });
  });
  return { entities, errors };
}

/** Record rows checked one by one; `known` tells whether an entity code is registered (in the database or this import). */
export function checkRecordRows(rows: Array<Record<string, string>>, known: (code: string) => boolean, firstRow = 2): { records: RecordRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const records: RecordRow[] = [];
  // A sheet repeats few dates: each is checked once.
  const dates = new Map<string, boolean>();
  rows.forEach((row, i) => {
    const at = firstRow + i;
    const fail = (message: string) => errors.push({ row: at, message });
    const code = canonicalUscc(cell(row, 'code'));
    const problem = usccProblem(code);
    if (problem) fail(problem);
    else if (!known(code)) fail(`主体 ${code} 尚未登记，请先导入主体。 Entity ${code} is not registered: import it first.`);
    const kindText = cell(row, 'kind');
    const kind = kinds[kindText.toLowerCase()] ?? kinds[kindText];
    if (!kind) fail(`记录类型"${kindText}"无效，应为 行政处罚、经营异常名录、严重违法失信名单 或 拒绝检查。 The kind must be penalty, abnormal, seriousViolation or refusedInspection.`);
    const date = cell(row, 'date');
    let dateValid = dates.get(date);
    if (dateValid === undefined) dates.set(date, (dateValid = validDate(date)));
    if (!dateValid) fail(`日期"${date}"应为 YYYY-MM-DD。 The date must be a real date written YYYY-MM-DD.`);
    const amountCell = cell(row, 'amountYuan');
    const amountText = amountCell.replace(/[,，¥￥]/g, '');
    const amount = amountText === '' ? null : Number(amountText);
    if (amount !== null && !(Number.isFinite(amount) && amount >= 0)) fail(`罚款金额"${amountCell}"应为非负数。 The fine must be a non-negative number.`);
    if (kind === 'penalty' && amount === null) fail('行政处罚须填写罚款金额（无罚款填 0）。 A penalty needs its fine (0 when none).');
    const severityCell = cell(row, 'severity');
    const severityText = severityCell.toLowerCase();
    const severity = severityText === '' || severityText === '一般' || severityText === 'general' ? 'general' : severityText === '较重' || severityText === '严重' || severityText === 'serious' ? 'serious' : null;
    if (!severity) fail(`情节"${severityCell}"应为 一般 或 较重。 The severity must be general or serious.`);
    const description = cell(row, 'description');
    if (!description) fail('缺少事由 Missing description.');
    const excludedCell = cell(row, 'repairExcluded');
    const excluded = excludedCell.toLowerCase();
    if (!yes.has(excluded) && !no.has(excluded)) fail(`不予修复"${excludedCell}"应为 是 或 否。 repairExcluded must be yes or no.`);
    records.push({
      code, kind: kind ?? 'penalty', date, amountYuan: amount, severity: severity ?? 'general',
      description, provider: cell(row, 'provider'), repairExcluded: yes.has(excluded),
    });
  });
  return { records, errors };
}
