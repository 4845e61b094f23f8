import {
  AlignmentType, Document, LineRuleType, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { BulletinFigures, EscalationMention, OverdueItem } from '../../domain/bulletin/figures.ts';
import { chineseDate } from '../../domain/dates/chinese-dates.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';

/** GB/T 9704 fonts by name only: the office's machines have them; no font file is bundled. */
export const bulletinFonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312' } as const;
/** Sizes in half-points: 二号 22 pt, 三号 16 pt. */
export const bulletinSizes = { title: 44, body: 32 } as const;

export interface BulletinText {
  planTitle: string;
  /** 第N期 */
  number: number;
  issuer: string;
  figures: BulletinFigures;
}

/** Millimetres to twentieths of a point, rounded (docx's own helper truncates: 297 mm would lose a twip). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
export const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** GB/T 9704: 22 lines a page, a fixed line pitch of about 28.95 pt. */
export const lineSpacing = { line: 579, lineRule: LineRuleType.EXACT };

export const run = (text: string, fontName: string = bulletinFonts.body, size: number = bulletinSizes.body) => new TextRun({ text, font: font(fontName), size });
export const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: lineSpacing });
export const heading = (text: string) => new Paragraph({ children: [run(text, bulletinFonts.heading)], indent: { firstLine: 640 }, spacing: lineSpacing });
const subheading = (text: string) => new Paragraph({ children: [run(text, bulletinFonts.subheading)], indent: { firstLine: 640 }, spacing: lineSpacing });

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`);
const average = (days: number, count: number) => (count === 0 ? '0' : (Math.round((days * 10) / count) / 10).toFixed(1));
const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [bold ? run(text, bulletinFonts.heading) : run(text)] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const mentionLine = (e: EscalationMention) => {
  const when = chineseDate(shanghaiDate(e.at));
  const what = e.action === 'redSlip' ? `发出红色督办单${e.slipNumber ? `（${e.slipNumber}）` : ''}` : '列入约谈';
  return `${e.unitName}承办的${e.taskRef}项任务「${e.taskText.replace(/[。；，、\s]+$/u, '')}」，${when}${what}，时已逾期${e.workingDays}个工作日。`;
};

const itemLine = (o: OverdueItem) => `${o.taskRef} ${o.taskText}（期限${chineseDate(shanghaiDate(o.due))}），逾期${o.days}天。`;

/**
 * The bulletin's paragraphs, in the order GB/T 9704 and the offices' bulletins
 * use: title, addressees, overall situation, ranking, overdue items by unit,
 * the period's red 督办单 and 约谈, changes since the last bulletin,
 * commendations, issuing body and date.
 * Every word comes from the figures, so the same figures give the same text.
 */
function content({ planTitle, number, issuer, figures }: BulletinText): Array<Paragraph | Table> {
  const { period, headline: h, ranking, overdue, changes, commended, escalations = [] } = figures;
  const sections: Array<[string, Array<Paragraph | Table>]> = [];
  const longest = h.longestOverdue ? `逾期最久的是${h.longestOverdue.unitName}承办的${h.longestOverdue.taskRef}项任务，已逾期${h.longestOverdue.days}天。` : '目前没有逾期事项。';
  sections.push(['总体情况', [
    body(`截至${chineseDate(period.end)}，共有任务${h.tasks}项，其中已办结${h.closedTasks}项、正在办理${h.openTasks}项。各单位分工中，绿灯（正常）${h.lights.green}项、黄灯（预警）${h.lights.yellow}项、红灯（逾期）${h.lights.red}项、已办结${h.lights.done}项。`),
    body(`本期（${chineseDate(period.start)}至${chineseDate(period.end)}）办结分工${h.closedThisPeriod}项，新增逾期${h.newlyOverdue}项。${longest}`),
  ]]);
  sections.push(['各单位按期办结情况排名', ranking.length === 0 ? [body('本期尚无到期分工。')] : [
    body('按期办结率＝按期限办结的分工数÷截至本期末到期的分工数；按期办结率相同的，逾期事项少者在前；再相同的，平均逾期天数少者在前；完全相同的并列。'),
    table(['名次', '单位', '负责人', '到期', '按期办结', '按期办结率', '逾期', '平均逾期天数'], ranking.map((r) => [
      String(r.rank), r.unitName, r.responsible || '—', String(r.due), String(r.closedOnTime), percent(r.closedOnTime, r.due), String(r.overdue), average(r.overdueDays, r.overdue),
    ])),
  ]]);
  sections.push(['逾期未办结事项', overdue.length === 0 ? [body('截至本期末，没有逾期未办结的事项。')] : overdue.flatMap((group, i) => [
    subheading(`（${chineseOrdinals[i] ?? String(i + 1)}）${group.unitName}（${group.items.length}项）`),
    ...group.items.map((o) => body(itemLine(o))),
  ])]);
  sections.push(['红色督办及约谈情况', escalations.length === 0 ? [body('本期没有发出红色督办单，也没有单位列入约谈。')] : [
    body(`本期发出红色督办单${h.redSlips ?? 0}份，列入约谈${h.interviews ?? 0}次，现予通报：`),
    ...escalations.map((e) => body(mentionLine(e))),
  ]]);
  if (changes) {
    const moved = changes.rankChanges.map((r) => (r.before === null ? `${r.unitName}首次列入排名，居第${r.now}名` : `${r.unitName}由第${r.before}名变为第${r.now}名`));
    sections.push([`与上期（截至${chineseDate(changes.previousEnd)}）相比`, [
      body(`逾期事项由${changes.overdueBefore}项变为${changes.overdueNow}项，其中已消除${changes.resolved.length}项、新增${changes.added.length}项。`),
      ...changes.resolved.map((o) => body(`已消除：${o.unitName} ${o.taskRef} ${o.taskText}。`)),
      ...changes.added.map((o) => body(`新增：${o.unitName} ${itemLine(o)}`)),
      body(moved.length === 0 ? '各单位排名与上期相同。' : `排名变化：${moved.join('；')}。`),
    ]]);
  }
  sections.push(['通报表扬', [
    body(commended.length === 0
      ? '本期没有到期分工全部按期办结的单位。'
      : `${commended.map((c) => c.unitName).join('、')}本期到期分工全部按期办结，予以通报表扬。`),
  ]]);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(`督查通报`, bulletinFonts.title, bulletinSizes.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(`第${number}期`)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(`关于《${planTitle}》落实情况的通报`, bulletinFonts.title, bulletinSizes.title)] }),
    new Paragraph({ spacing: lineSpacing, children: [run('各有关单位：')] }),
    body(`现将截至${chineseDate(period.end)}《${planTitle}》任务落实情况通报如下。`),
    ...sections.flatMap(([title, parts], i) => [heading(`${chineseOrdinals[i]}、${title}`), ...parts]),
    new Paragraph({ spacing: lineSpacing, children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: lineSpacing, indent: { right: 1280 }, children: [run(issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: lineSpacing, indent: { right: 1280 }, children: [run(chineseDate(period.end))] }),
  ];
}

/** An official document as .docx: A4, GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm), the body font by default. */
export function gbt9704Docx({ creator, title, children }: { creator: string; title: string; children: Array<Paragraph | Table> }): Promise<Buffer> {
  const document = new Document({
    creator,
    title,
    styles: { default: { document: { run: { font: font(bulletinFonts.body), size: bulletinSizes.body } } } },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
        },
      },
      children,
    }],
  });
  return Packer.toBuffer(document);
}

/** The bulletin as .docx. */
export const bulletinDocx = (text: BulletinText): Promise<Buffer> => gbt9704Docx({ creator: text.issuer, title: '督查通报', children: content(text) });
