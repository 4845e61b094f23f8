import type { ArrangementInput } from '../../services/holiday-calendar.ts';
import { readSheet } from '../../services/credit/import.ts';

export const maxCalendarFileBytes = 256 * 1024;
const maxYears = 5;
const maxRows = 1000;

const holidayWords = ['放假', '休', '休息', '节假日', 'holiday', 'off'];
const workWords = ['上班', '班', '调休上班', '补班', 'work', 'working', 'workday'];

function fromJson(text: string): ArrangementInput[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return '不是有效的 JSON。 Not valid JSON.';
  }
  const items = Array.isArray(value) ? value : [value];
  const arrangements: ArrangementInput[] = [];
  for (const item of items) {
    const { year, holidays, workingWeekends = [] } = (item ?? {}) as Record<string, unknown>;
    const strings = (list: unknown) => Array.isArray(list) && list.every((d) => typeof d === 'string');
    if (typeof year !== 'number' || !strings(holidays) || !strings(workingWeekends)) {
      return 'JSON 应为 { "year": 2027, "holidays": ["2027-01-01", …], "workingWeekends": [ … ] }（或其数组）。 The JSON must be { "year", "holidays", "workingWeekends" } or an array of them.';
    }
    arrangements.push({ year, holidays: holidays as string[], workingWeekends: workingWeekends as string[] });
  }
  return arrangements;
}

/** Rows 日期 Date | 安排 Arrangement (放假 or 上班), a header first; a date cell may hold a range; years grouped. */
function fromRows(rows: string[][]): ArrangementInput[] | string {
  const body = rows.slice(1);
  if (body.length > maxRows) return `超过 ${maxRows} 行。 More than ${maxRows} rows.`;
  const years = new Map<number, { year: number; holidays: string[]; workingWeekends: string[] }>();
  for (const [i, [date = '', kind = '']] of body.entries()) {
    const word = kind.trim().toLowerCase();
    const list = holidayWords.includes(word) ? 'holidays' : workWords.includes(word) ? 'workingWeekends' : null;
    const year = Number(/^\s*(\d{4})-/.exec(date)?.[1]);
    if (!list || !year) return `第 ${i + 2} 行应为"日期（YYYY-MM-DD）, 放假 或 上班"。 Row ${i + 2} must be a date (YYYY-MM-DD) and 放假 (holiday) or 上班 (working day).`;
    const arrangement = years.get(year) ?? { year, holidays: [], workingWeekends: [] };
    arrangement[list].push(date.trim());
    years.set(year, arrangement);
  }
  return [...years.values()];
}

/** Reads an uploaded holiday arrangement: JSON, or .xlsx/CSV rows of dates; the problem in words, or one arrangement per year. */
export async function readHolidayFile(bytes: Uint8Array, name: string): Promise<ArrangementInput[] | string> {
  if (!/\.(json|xlsx|csv)$/i.test(name)) return '只支持 JSON、.xlsx 或 CSV 文件。 Only JSON, .xlsx and CSV files can be imported.';
  if (bytes.length > maxCalendarFileBytes) return '文件超过 256 KB。 The file is larger than 256 KB.';
  const read = name.toLowerCase().endsWith('.json') ? fromJson(new TextDecoder('utf-8').decode(bytes)) : await readSheet(bytes, name).then((rows) => (Array.isArray(rows) ? fromRows(rows) : rows.message));
  if (typeof read === 'string') return read;
  if (read.length === 0) return '文件中没有放假安排。 The file holds no arrangement.';
  if (read.length > maxYears) return `一次最多导入 ${maxYears} 个年度。 At most ${maxYears} years at once.`;
  return read;
}
