const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 35 → 三十五: section numbers as the notice writes them ((一), (二)…). */
export function chineseNumeral(n: number): string {
  if (n < 10) return digits[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}
