import ExcelJS from 'exceljs';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { overdueDays } from '../../domain/supervision/lights.ts';
import { assignmentStatuses, type Actor, type AssignmentStatus, type Light } from '../../domain/supervision/types.ts';
import { lightWords, roleWord, statusWords } from '../../domain/supervision/words.ts';
import { chineseNumeral } from '../../domain/dates/numerals.ts';
import { shanghaiDate, shanghaiOffsetMs, toShanghaiIso } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { assignmentWhere, ledgerIds, type Filter, type LedgerOrder } from '../schema/ledger.ts';

export const ledgerColumns = [
  { header: '计划', key: 'plan', width: 30 },
  { header: '部分', key: 'section', width: 24 },
  { header: '任务编号', key: 'ref', width: 10 },
  { header: '任务', key: 'task', width: 50 },
  { header: '承办单位', key: 'body', width: 24 },
  { header: '分工', key: 'role', width: 10 },
  { header: '办理状态', key: 'status', width: 10 },
  { header: '期限（北京时间）', key: 'due', width: 14 },
  { header: '逾期天数', key: 'overdueDays', width: 10 },
  { header: '状态灯', key: 'light', width: 8 },
  { header: '退回次数', key: 'returns', width: 10 },
] as const;

type Key = (typeof ledgerColumns)[number]['key'];
export type LedgerRow = Record<Exclude<Key, 'due'>, string | number> & { due: Date | null };
export interface Ledger {
  /** The one plan the filter names, if it names one. */
  plan: string | null;
  asOf: Date;
  rows: LedgerRow[];
}

const lights: Light[] = ['green', 'yellow', 'red', 'done', 'none'];
const orders: LedgerOrder[] = ['urgency', 'body', 'task'];
const maxRows = 20_000;

const refuse = (name: string) => ({ error: `筛选参数 ${name} 无效。 Invalid filter parameter ${name}.` });

/**
 * The export's query parameters as the ledger query's AssignmentFilter and
 * order: the same names, the same meaning (planId and bodyId are the API's
 * global ids, as the console holds them). No parameter means the whole ledger.
 */
export function ledgerQuery(query: Record<string, unknown>): { filter: Filter; order: LedgerOrder } | { error: string } {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const filter: Filter = {};
  for (const [name, type] of [['planId', 'Plan'], ['bodyId', 'Body']] as const) {
    const value = text(name);
    if (value === undefined) continue;
    try {
      const decoded = decodeGlobalID(value);
      if (decoded.typename !== type) return refuse(name);
      filter[name] = decoded as { typename: string; id: string } as never;
    } catch {
      return refuse(name);
    }
  }
  for (const name of ['sectionOrdinal', 'dueWithinDays'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    if (!/^\d{1,4}$/.test(value)) return refuse(name);
    filter[name] = Number(value);
  }
  for (const name of ['overdue', 'unacknowledged', 'behindPace'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    if (value !== 'true' && value !== 'false') return refuse(name);
    filter[name] = value === 'true';
  }
  const light = text('light');
  if (light !== undefined) {
    if (!lights.includes(light as Light)) return refuse('light');
    filter.light = light as Light;
  }
  const status = text('status');
  if (status !== undefined) {
    if (!assignmentStatuses.includes(status as AssignmentStatus)) return refuse('status');
    filter.status = status as AssignmentStatus;
  }
  const role = text('role');
  if (role !== undefined) {
    if (role !== 'lead' && role !== 'support') return refuse('role');
    filter.role = role;
  }
  const order = (text('orderBy') ?? 'urgency') as LedgerOrder;
  if (!orders.includes(order)) return refuse('orderBy');
  return { filter, order };
}

/** The ledger (督办台账) as the GraphQL `assignments` query answers it for the same filter and order, every row. */
export async function ledgerRows(prisma: PrismaClient, actor: Actor, filter: Filter, order: LedgerOrder, now = new Date()): Promise<Ledger> {
  const ids = (await ledgerIds(prisma, assignmentWhere(filter, actor, now), order)).slice(0, maxRows);
  const found = await prisma.assignment.findMany({
    where: { id: { in: ids } },
    include: { task: { select: { ref: true, text: true, plan: { select: { title: true } }, section: { select: { ordinal: true, title: true } } } } },
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  const plan = filter.planId ? (await prisma.plan.findUnique({ where: { id: filter.planId.id }, select: { title: true } }))?.title ?? null : null;
  const rows = ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    return [{
      plan: a.task.plan.title,
      section: `（${chineseNumeral(a.task.section.ordinal)}）${a.task.section.title}`,
      ref: a.task.ref,
      task: a.task.text,
      body: a.bodyName,
      role: roleWord(a),
      status: statusWords[a.status as AssignmentStatus] ?? a.status,
      due: a.due,
      overdueDays: overdueDays(
        { status: a.status as AssignmentStatus, due: a.due?.toISOString() ?? null, submittedAt: a.submittedAt?.toISOString() ?? null, returnCount: a.returnCount },
        now.getTime(),
      ),
      light: lightWords[a.light as Light] ?? a.light,
      returns: a.returnCount,
    }];
  });
  return { plan, asOf: now, rows };
}

/** An instant as the spreadsheet date that shows its Beijing wall-clock time (spreadsheets know no time zones). */
const beijingCellDate = (instant: Date) => new Date(instant.getTime() + shanghaiOffsetMs);

/** 北京时间 as a person writes it: 2026-12-06 13:09. */
export const beijingMinute = (instant: Date) => toShanghaiIso(instant).slice(0, 16).replace('T', ' ');

/** The .xlsx: a title row (plan, as-of time), the header frozen under it with an autofilter, deadlines as real dates. */
export async function ledgerWorkbook({ plan, asOf, rows }: Ledger): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = ledgerColumns.map(({ key, width }) => ({ key, width }));
  const title = sheet.addRow([`督办台账　${plan ?? '全部计划'}　截至 ${beijingMinute(asOf)}（北京时间）`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, ledgerColumns.length);
  const header = sheet.addRow(ledgerColumns.map((c) => c.header));
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: ledgerColumns.length } };
  sheet.getColumn('due').numFmt = 'yyyy-mm-dd';
  for (const row of rows) sheet.addRow({ ...row, due: row.due ? beijingCellDate(row.due) : null });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A text cell a spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, so it stays text. */
export const neutralised = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** RFC 4180 CSV with a BOM, so spreadsheet programs read the Chinese text as UTF-8; no text cell runs as a formula. */
export function ledgerCsv({ rows }: Ledger): string {
  const cell = (v: string | number | Date | null) => {
    const text = v instanceof Date ? shanghaiDate(v) : typeof v === 'string' ? neutralised(v) : String(v ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [ledgerColumns.map((c) => cell(c.header)).join(','), ...rows.map((r) => ledgerColumns.map((c) => cell(r[c.key])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
