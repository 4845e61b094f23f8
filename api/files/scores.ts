import ExcelJS from 'exceljs';
import type { CriterionResult } from '../../domain/scoring/score.ts';
import { competitionRank } from '../../domain/scoring/sheet.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import type { PrismaClient } from '../../runtime/db.ts';

const criteria = ['overdueAssignments', 'overdueDays', 'returns', 'report', 'catalogue', 'escalations'] as const;
const criterionTitles: Record<(typeof criteria)[number], string> = {
  overdueAssignments: '逾期事项 Overdue assignments', overdueDays: '逾期天数 Days overdue', returns: '退回 Returns', report: '专题报告 Report', catalogue: '监管目录 Catalogue',
  escalations: '督办扣分 Escalations',
};

/**
 * A score sheet as .xlsx: the score table (one row per body, one column per
 * criterion) and every deduction with its reason on a second sheet. The
 * offices get any sheet; a department only a published one, and its own row.
 */
export async function scoresWorkbook(prisma: PrismaClient, actor: Actor, sheetId: string): Promise<{ name: string; data: Buffer } | null> {
  const office = actor.role === 'performance' || actor.role === 'supervisor';
  const sheet = await prisma.scoreSheet.findUnique({
    where: { id: sheetId },
    include: { scores: { where: office ? {} : { bodyId: actor.bodyId ?? '' }, orderBy: [{ score: 'desc' }, { bodyId: 'asc' }] } },
  });
  if (!sheet || (!office && !sheet.publishedAt)) return null;
  // A department's row keeps its rank among every body's.
  const all = (await prisma.bodyScore.findMany({ where: { sheetId }, select: { score: true } })).map((s) => s.score);
  const workbook = new ExcelJS.Workbook();
  const table = workbook.addWorksheet('得分 Scores');
  table.columns = [
    { header: '名次 Rank', key: 'rank', width: 8 },
    { header: '单位 Body', key: 'body', width: 24 },
    { header: '得分 Score', key: 'score', width: 10 },
    ...criteria.map((c) => ({ header: criterionTitles[c], key: c, width: 14 })),
  ];
  table.getRow(1).font = { bold: true };
  const details = workbook.addWorksheet('扣分明细 Deductions');
  details.columns = [
    { header: '单位 Body', key: 'body', width: 24 },
    { header: '评分项 Criterion', key: 'criterion', width: 22 },
    { header: '扣分 Points', key: 'points', width: 10 },
    { header: '封顶 Capped', key: 'capped', width: 8 },
    { header: '依据 Reason', key: 'detail', width: 60 },
    { header: '来源 Source', key: 'source', width: 40 },
  ];
  details.getRow(1).font = { bold: true };
  for (const s of sheet.scores) {
    const breakdown = JSON.parse(s.breakdown) as CriterionResult[];
    table.addRow({ rank: competitionRank(s.score, all), body: s.bodyName, score: s.score, ...Object.fromEntries(breakdown.map((c) => [c.criterion, c.points])) });
    for (const c of breakdown) {
      for (const d of c.deductions) details.addRow({ body: s.bodyName, criterion: c.label, points: -d.points, capped: c.capped ? '是' : '', detail: d.detail, source: d.source });
    }
  }
  const meta = workbook.addWorksheet('说明 About');
  meta.addRows([
    ['年度 Year', sheet.year], ['版本 Version', sheet.version], ['状态 Status', sheet.status], ['评分规则 Rubric', sheet.rubricVersion],
    ['计分时点 As of (北京时间)', shanghaiDate(sheet.asOf)], ['规则 Weights', sheet.rubric],
  ]);
  return { name: `绩效评分-${sheet.year}-v${sheet.version}.xlsx`, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
