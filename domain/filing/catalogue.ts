/** What happened to an approval item in the reform: kept, cancelled or delegated (保留、取消、下放). */
export type ItemDisposition = 'kept' | 'cancelled' | 'delegated';

/** One row of a supervision catalogue (监管目录), as Part 二 of the seed notice prescribes. */
export interface CatalogueRow {
  item: string; // 审批事项
  disposition: ItemDisposition;
  object: string; // 监管对象
  content: string; // 监管内容
  method: string; // 监管方式
  standard: string; // 监管标准
  measures: string; // 监管措施
  procedure: string; // 监管程序
}

export const catalogueColumns: Array<{ key: keyof CatalogueRow; title: string }> = [
  { key: 'item', title: '审批事项 Approval item' },
  { key: 'disposition', title: '保留/取消/下放 Kept, cancelled or delegated' },
  { key: 'object', title: '监管对象 Supervised object' },
  { key: 'content', title: '监管内容 Content' },
  { key: 'method', title: '监管方式 Method' },
  { key: 'standard', title: '监管标准 Standard' },
  { key: 'measures', title: '监管措施 Measures' },
  { key: 'procedure', title: '监管程序 Procedure' },
];

const dispositions: Record<string, ItemDisposition> = {
  kept: 'kept', 保留: 'kept', cancelled: 'cancelled', 取消: 'cancelled', delegated: 'delegated', 下放: 'delegated',
};

export interface RowError {
  /** 1-based row number as the user sees it (after the header in a spreadsheet). */
  row: number;
  message: string;
}

/** Reads a disposition written in Chinese or English; null when it is neither. */
export function parseDisposition(value: string): ItemDisposition | null {
  return dispositions[value.trim().toLowerCase()] ?? dispositions[value.trim()] ?? null;
}

const maxCell = 2000;

/** How the template marks its example row: an approval item beginning 「（示例）」. */
export const exampleMark = '（示例）';
const isExample = (item: string) => /^[（(]\s*示例\s*[)）]/.test(item.trim());

/** Every problem in a catalogue, row by row: missing fields, over-long cells, items listed twice. */
export function catalogueErrors(rows: Array<Record<keyof CatalogueRow, string>>, firstRow = 1): RowError[] {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) errors.push({ row: firstRow, message: '目录为空 The catalogue has no rows.' });
  rows.forEach((row, index) => {
    const at = firstRow + index;
    for (const { key, title } of catalogueColumns) {
      const value = (row[key] ?? '').trim();
      if (!value) errors.push({ row: at, message: `缺少${title.split(' ')[0]} Missing ${title.split(' ').slice(1).join(' ')}.` });
      else if (value.length > maxCell) errors.push({ row: at, message: `${title.split(' ')[0]}过长 ${key} is longer than ${maxCell} characters.` });
    }
    if (row.disposition?.trim() && !parseDisposition(row.disposition)) {
      errors.push({ row: at, message: `"${row.disposition}" 应为 保留、取消 或 下放 must be kept, cancelled or delegated.` });
    }
    const item = (row.item ?? '').trim();
    if (isExample(item)) {
      errors.push({ row: at, message: `这是模板中的示例行，请删除或改为实际事项 This is the template's example row: delete it, or replace it with a real item.` });
    }
    if (item) {
      const earlier = seen.get(item);
      if (earlier !== undefined) errors.push({ row: at, message: `审批事项"${item}"与第 ${earlier} 行重复 Duplicate of row ${earlier}.` });
      else seen.set(item, at);
    }
  });
  return errors;
}
