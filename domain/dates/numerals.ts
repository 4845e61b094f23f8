/** Values of single Chinese digits, including the forms used in years (二〇一六) and 两. */
const digits: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads "12", "１２", "十二", "二十一" or a digit-by-digit year "二〇一六";
 * null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
  if (/^[0-9０-９]+$/.test(text)) {
    return Number(text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  }
  if (!text || [...text].some((c) => !(c in digits) && !(c in units))) return null;
  if (![...text].some((c) => c in units)) return Number([...text].map((c) => digits[c]).join(''));
  return positional(text);
}

/** 十一 → 11, 二十 → 20, 一百零五 → 105: digits multiply the unit that follows them. */
function positional(text: string): number {
  let total = 0;
  let pending: number | null = null;
  for (const c of text) {
    const unit = units[c];
    if (unit === undefined) {
      pending = digits[c] ?? 0;
    } else {
      total += (pending ?? 1) * unit;
      pending = null;
    }
  }
  return total + (pending ?? 0);
}

const numeralDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 35 → 三十五: section numbers as the notice writes them ((一), (二)…). */
export function chineseNumeral(n: number): string {
  if (n < 10) return numeralDigits[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : numeralDigits[tens]}十${ones ? numeralDigits[ones] : ''}`;
}
