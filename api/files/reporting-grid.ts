import ExcelJS from 'exceljs';
import { reportingStatus, type ReportingStatus } from '../../domain/reporting/status.ts';
import type { ReportObligation } from '../../domain/reporting/obligations.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { visiblePlans } from '../auth/visibility.ts';
import { evaluationCells, gridCells, type EvaluationCell } from '../schema/reporting.ts';
import { beijingMinute, neutralised } from './ledger.ts';

/** The words a cell shows: a status in words, never a colour alone. */
export const statusWords: Record<ReportingStatus, string> = { onTime: '按时报送', late: '逾期报送', missing: '逾期未报', notDue: '未到期', submitted: '待审核' };

/**
 * The compliance grid as an .xlsx: one row per task and body, one column per
 * period (the month, quarter or year it covers), each cell the status in words;
 * the same cells the viewer sees in the console. The yearly special report (the
 * evaluation rounds) is its own row group, on a second sheet, as on the page.
 * Null when the plan is not visible to the viewer.
 */
export async function reportingGridWorkbook(prisma: PrismaClient, actor: Actor, planId: string, now = Date.now()): Promise<{ name: string; data: Buffer } | null> {
  const plan = await prisma.plan.findFirst({ where: { AND: [{ id: planId }, visiblePlans(actor)] }, select: { title: true } });
  if (!plan) return null;
  const cells = await gridCells({ prisma, actor }, planId);
  const periods = [...new Set(cells.map((c) => c.row.periodStart.toISOString()))].sort();
  const rows = new Map<string, { ref: string; body: string; statuses: Map<string, string> }>();
  for (const c of cells) {
    const key = `${c.task.ref}\u0000${c.row.bodyName}`;
    const row = rows.get(key) ?? { ref: c.task.ref, body: c.row.bodyName, statuses: new Map() };
    const status = reportingStatus({ status: c.row.status as ReportObligation['status'], due: c.row.due.toISOString(), submittedAt: c.row.submittedAt?.toISOString() ?? null }, now);
    row.statuses.set(c.row.periodStart.toISOString(), `${statusWords[status]}（${shanghaiDate(c.row.due)}）`);
    rows.set(key, row);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('定期报告', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  sheet.columns = [{ width: 10 }, { width: 24 }, ...periods.map(() => ({ width: 22 }))];
  const title = sheet.addRow([`定期报告报送情况　${plan.title}　截至 ${beijingMinute(new Date(now))}（北京时间）`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(2, periods.length + 2));
  const header = sheet.addRow(['任务', '单位', ...periods.map((p) => `${shanghaiDate(p).slice(0, 7)} 起`)]);
  header.font = { bold: true };
  for (const row of [...rows.values()].sort((a, b) => a.ref.localeCompare(b.ref, 'zh', { numeric: true }) || a.body.localeCompare(b.body, 'zh'))) {
    sheet.addRow([row.ref, neutralised(row.body), ...periods.map((p) => row.statuses.get(p) ?? '')]);
  }
  evaluationSheet(workbook, await evaluationCells({ prisma, actor }), now);
  return { name: `定期报告-${shanghaiDate(now)}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** 年度专题报告（评估）: one row per unit, one column per year, each cell the status in words and its deadline. */
function evaluationSheet(workbook: ExcelJS.Workbook, cells: readonly EvaluationCell[], now: number): void {
  const sheet = workbook.addWorksheet('年度专题报告（评估）', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  sheet.columns = [{ width: 24 }, ...years.map(() => ({ width: 22 }))];
  const title = sheet.addRow([`年度专题报告（自查评估）报送情况　截至 ${beijingMinute(new Date(now))}（北京时间）`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(2, years.length + 1));
  const header = sheet.addRow(['单位', ...years.map((y) => `${y} 年度`)]);
  header.font = { bold: true };
  const rows = new Map<string, Map<number, string>>();
  for (const c of cells) {
    const status = reportingStatus({ status: c.status, due: c.due.toISOString(), submittedAt: c.submittedAt?.toISOString() ?? null }, now);
    const row = rows.get(c.body.shortName) ?? new Map<number, string>();
    row.set(c.year, `${statusWords[status]}（${shanghaiDate(c.due)}）`);
    rows.set(c.body.shortName, row);
  }
  if (rows.size === 0) sheet.addRow(['尚无年度专题报告']);
  for (const [body, statuses] of [...rows].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    sheet.addRow([neutralised(body), ...years.map((y) => statuses.get(y) ?? '')]);
  }
}
