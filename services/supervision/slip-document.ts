import { AlignmentType, Paragraph } from 'docx';
import { slipNumber } from '../../domain/supervision/ladder.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import { chineseDate } from '../../domain/dates/chinese-dates.ts';
import { body, bulletinFonts, bulletinSizes, gbt9704Docx, lineSpacing, run } from '../../readmodel/bulletins/document.ts';

export interface SlipText {
  issuer: string;
  level: 'yellow' | 'red';
  year: number;
  serial: number;
  unit: string;
  /** The unit's 负责人 when the slip was issued, named under the addressee; null when the unit has none. */
  responsible: string | null;
  taskRef: string;
  taskTitle: string;
  planTitle: string;
  due: string;
  daysOverdue: number;
  respondBy: string;
  issuedAt: string;
}

/** The words of a slip its row does not hold, fixed when it is issued (the row's `wording`). */
export type SlipWording = Pick<SlipText, 'issuer' | 'unit' | 'responsible' | 'taskRef' | 'taskTitle' | 'planTitle'>;

const levelName = { yellow: '黄色督办单', red: '红色督办单' } as const;

/**
 * The 督办单 as .docx, in the bulletin's GB/T 9704 page and fonts: title, number,
 * addressee and its 负责人, the overdue task, the required action and its due date, the issuing
 * body and date. Every word comes from the slip's row, so it regenerates the same.
 */
export function slipDocx(s: SlipText): Promise<Buffer> {
  const centred = (text: string, fontName: string = bulletinFonts.body, size: number = bulletinSizes.body) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: lineSpacing, children: [run(text, fontName, size)] });
  const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: lineSpacing, indent: { right: 1280 }, children: [run(text)] });
  const children = [
    centred('督 办 单', bulletinFonts.title, bulletinSizes.title),
    centred(`（${levelName[s.level]}）`, bulletinFonts.subheading),
    centred(slipNumber(s.year, s.serial)),
    new Paragraph({ spacing: lineSpacing, children: [run(`${s.unit}：`)] }),
    ...(s.responsible ? [new Paragraph({ spacing: lineSpacing, children: [run(`负责人：${s.responsible}`)] })] : []),
    body(`《${s.planTitle}》第${s.taskRef}项任务「${s.taskTitle}」由你单位承办，期限为${chineseDate(shanghaiDate(s.due))}。截至${chineseDate(shanghaiDate(s.issuedAt))}，该项任务已逾期${s.daysOverdue}个工作日，尚未报送办理结果。`),
    body(s.level === 'red'
      ? '根据督办工作规则，现发出红色督办单，并将在下期督查通报中予以通报。'
      : '根据督办工作规则，现发出黄色督办单。'),
    body(`请你单位于${chineseDate(shanghaiDate(s.respondBy))}前完成并报送办理结果，书面说明逾期原因及整改措施，并在督办系统中签收本督办单。`),
    new Paragraph({ spacing: lineSpacing, children: [] }),
    right(s.issuer),
    right(chineseDate(shanghaiDate(s.issuedAt))),
  ];
  return gbt9704Docx({ creator: s.issuer, title: `督办单 ${slipNumber(s.year, s.serial)}`, children });
}

export const slipFileName = (s: { year: number; serial: number }) => `${slipNumber(s.year, s.serial)}.docx`;
