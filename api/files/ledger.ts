import ExcelJS from 'exceljs';
import { overdueDays } from '../../domain/supervision/lights.ts';
import type { Actor, AssignmentStatus } from '../../domain/supervision/types.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { assignmentWhere } from '../schema/ledger.ts';

const statusNames: Record<string, string> = {
  assigned: '已交办', in_progress: '办理中', submitted: '已报送', accepted: '已办结', returned: '已退回', withdrawn: '已撤销', designated: '已指定',
};
const lightNames: Record<string, string> = { green: '正常', yellow: '预警', red: '逾期', done: '办结', none: '—' };

export const ledgerColumns = [
  { header: '任务编号 Task', key: 'ref', width: 10 },
  { header: '任务 Task text', key: 'task', width: 50 },
  { header: '单位 Body', key: 'body', width: 24 },
  { header: '分工 Role', key: 'role', width: 10 },
  { header: '状态 Status', key: 'status', width: 10 },
  { header: '期限 Due (北京时间)', key: 'due', width: 14 },
  { header: '逾期天数 Days overdue', key: 'overdueDays', width: 12 },
  { header: '灯 Light', key: 'light', width: 8 },
  { header: '退回次数 Returns', key: 'returns', width: 10 },
] as const;

type Row = Record<(typeof ledgerColumns)[number]['key'], string | number>;

/** The overdue ledger (督办台账): every owed assignment past its deadline, longest overdue first. */
export async function ledgerRows(prisma: PrismaClient, actor: Actor, overdueOnly: boolean, now = new Date()): Promise<Row[]> {
  const rows = await prisma.assignment.findMany({
    where: assignmentWhere(overdueOnly ? { overdue: true } : {}, actor, now),
    include: { task: { select: { ref: true, text: true, planId: true } } },
    orderBy: [{ due: 'asc' }, { id: 'asc' }],
  });
  return rows.map((a) => ({
    ref: a.task.ref,
    task: a.task.text,
    body: a.bodyName,
    role: a.role === 'lead' ? (a.primary ? '牵头' : '共同牵头') : '配合',
    status: statusNames[a.status] ?? a.status,
    due: a.due ? shanghaiDate(a.due) : '',
    overdueDays: overdueDays(
      { status: a.status as AssignmentStatus, due: a.due?.toISOString() ?? null, submittedAt: a.submittedAt?.toISOString() ?? null, returnCount: a.returnCount },
      now.getTime(),
    ),
    light: lightNames[a.light] ?? a.light,
    returns: a.returnCount,
  }));
}

export async function ledgerWorkbook(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督办台账');
  sheet.columns = ledgerColumns.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A text cell a spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, so it stays text. */
export const neutralised = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** RFC 4180 CSV with a BOM, so spreadsheet programs read the Chinese text as UTF-8; no text cell runs as a formula. */
export function ledgerCsv(rows: Row[]): string {
  const cell = (v: string | number) => {
    const text = typeof v === 'string' ? neutralised(v) : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [ledgerColumns.map((c) => cell(c.header)).join(','), ...rows.map((r) => ledgerColumns.map((c) => cell(r[c.key])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
