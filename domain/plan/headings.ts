import { parseNumber } from '../dates/numerals.ts';

/**
 * Numbered headings, by the conventional order of levels in Chinese official
 * documents: 第一部分 > 一、 > （一） > 1. > 1.1 > （1） > 1） > ①. A notice may skip
 * levels or start below the first; the rank only says which kind nests in
 * which. A dotted number (2.3) is the third item under the heading numbered 2.
 */
export interface Heading {
  rank: number;
  number: number;
  /** The number as written, with its punctuation: "（十一）", "1．". */
  marker: string;
  /** The rest of the line. */
  rest: string;
}

const chinese = '[一二三四五六七八九十百]+';
const arabic = '[0-9０-９]{1,3}';
const open = '[（(]\\s*';
const close = '\\s*[）)]';

const kinds: Array<{ rank: number; pattern: RegExp }> = [
  { rank: -1, pattern: new RegExp(`^第(${chinese})(?:部分|章|篇)\\s*`) },
  { rank: 0, pattern: new RegExp(`^(${chinese})\\s*[、.．]`) },
  { rank: 1, pattern: new RegExp(`^${open}(${chinese})${close}`) },
  // 1.5倍 is not a heading: the dot must not be followed by a digit.
  { rank: 2, pattern: new RegExp(`^(${arabic})\\s*(?:[、]|[.．](?![0-9０-９]))`) },
  { rank: 2.5, pattern: new RegExp(`^${arabic}[.．](${arabic})(?:\\s*[.．、]|\\s+|(?=[^0-9０-９.．]))`) },
  { rank: 3, pattern: new RegExp(`^${open}(${arabic})${close}`) },
  { rank: 4, pattern: new RegExp(`^(${arabic})${close}`) },
  { rank: 5, pattern: /^([\u2460-\u2473])/ },
];

const circled = (c: string) => c.charCodeAt(0) - 0x2460 + 1;

/** The heading a line starts with, or null. */
export function parseHeading(line: string): Heading | null {
  for (const { rank, pattern } of kinds) {
    const m = pattern.exec(line);
    if (!m) continue;
    const digits = m[1]!;
    const number = rank === 5 ? circled(digits) : parseNumber(digits);
    // 1.5倍, 2.3万元: a decimal, not a heading.
    if (rank === 2.5 && /^[0-9０-９]*[万亿千百]?[倍元个%％]/.test(line.slice(m[0].length))) continue;
    if (number === null) continue;
    return { rank, number, marker: m[0], rest: line.slice(m[0].length).trim() };
  }
  return null;
}

