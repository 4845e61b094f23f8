import { parseNumber } from '../dates/numerals.ts';
import { labelLine } from './vocabulary.ts';

/**
 * Numbered headings, by the conventional order of levels in Chinese official
 * documents: 第一部分 > 一、 > （一） > 1. > 1.1 > （1） > 1） > ①. A notice may skip
 * levels or start below the first; the rank only says which kind nests in
 * which. A dotted number (2.3) is the third item under the heading numbered 2.
 * Each level is written in several ways: full- and half-width brackets and
 * dots, the small full stop ﹒, the enclosed forms Word's numbering leaves
 * (㈠ ⒈ ⑴ ①).
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
const digit = '[0-9０-９]';
const open = '[（(]\\s*';
const close = '\\s*[）)]';
/** What ends a number: 、 and its half-width form, the dots (full, half, small, middle). */
const comma = '[、､]';
const dot = '[.．﹒·・]';

/** Enclosed numbers, each standing for a written level: ㈠ is （一）, ⒈ is 1., ⑴ is （1）, ① is ①. */
const enclosed: Array<{ rank: number; ranges: Array<[first: number, last: number, from: number]> }> = [
  { rank: 1, ranges: [[0x3220, 0x3229, 1]] },
  { rank: 2, ranges: [[0x2488, 0x249b, 1]] },
  { rank: 3, ranges: [[0x2474, 0x2487, 1]] },
  { rank: 5, ranges: [[0x2460, 0x2473, 1], [0x3251, 0x325f, 21], [0x32b1, 0x32bf, 36]] },
];

const kinds: Array<{ rank: number; pattern: RegExp }> = [
  { rank: -1, pattern: new RegExp(`^第(${chinese})(?:部分|章|篇)\\s*`) },
  { rank: 0, pattern: new RegExp(`^(${chinese})\\s*(?:${comma}|[.．﹒])`) },
  { rank: 1, pattern: new RegExp(`^${open}(${chinese})${close}`) },
  // 1.5倍 is not a heading: the dot must not be followed by a digit.
  { rank: 2, pattern: new RegExp(`^(${arabic})\\s*(?:${comma}|${dot}(?!${digit}))`) },
  { rank: 2.5, pattern: new RegExp(`^${arabic}${dot}(${arabic})(?:\\s*[.．、﹒]|\\s+|(?=[^0-9０-９.．﹒]))`) },
  { rank: 3, pattern: new RegExp(`^${open}(${arabic})${close}`) },
  { rank: 4, pattern: new RegExp(`^(${arabic})${close}`) },
];

function enclosedHeading(line: string): Heading | null {
  const code = line.codePointAt(0) ?? 0;
  for (const { rank, ranges } of enclosed) {
    for (const [first, last, from] of ranges) {
      if (code < first || code > last) continue;
      const marker = String.fromCodePoint(code);
      return { rank, number: code - first + from, marker, rest: line.slice(marker.length).replace(/^[\s.．、]+/, '').trim() };
    }
  }
  return null;
}

/** An amount right after a dot: 1.5倍, 2.3万元, 3.100个 are decimals, not numbers of headings ("2.2 3个" is one). */
const decimal = /^[0-9０-９]*[万亿千百]?[倍元个%％]/;

/** The heading a line starts with, read from the line alone, or null. */
export function parseHeading(line: string): Heading | null {
  for (const { rank, pattern } of kinds) {
    const m = pattern.exec(line);
    if (!m) continue;
    if (rank === 2.5 && /[0-9０-９]$/.test(m[0]) && decimal.test(line.slice(m[0].length))) continue;
    const number = parseNumber(m[1]!);
    if (number === null) continue;
    return { rank, number, marker: m[0], rest: line.slice(m[0].length).trim() };
  }
  return enclosedHeading(line);
}

/** A line that starts like "11.365…": a two-level number, or a number whose item's words start with digits. */
const twoNumbers = new RegExp(`^(${arabic})(${dot})\\s*(${digit})`);

/**
 * The headings of a notice's lines. A line that starts like a two-level number
 * (11.365便民服务项目, 2.2 3个产业园) is one only where the notice numbers its
 * items that way: a sibling before or after it in sequence (2.1 beside 2.2), or
 * 1 under the item it divides (1.1 after 1.). Otherwise, when it starts after
 * a sentence ended and its first number carries on the numbering of the items
 * (11 after 10, 1 after a heading above them), it is that item, its words
 * starting with the digits after the dot; else it is read as the line alone
 * reads.
 */
export function readHeadings(lines: readonly string[]): Array<Heading | null> {
  const alone = lines.map(parseHeading);
  const dotted = new Map<string, Set<number>>();
  alone.forEach((h, i) => {
    const m = twoNumbers.exec(lines[i]!);
    if (h?.rank === 2.5 && m) dotted.set(m[1]!, (dotted.get(m[1]!) ?? new Set()).add(h.number));
  });
  let lastItem: number | null = null;
  let aboveItems = true;
  return lines.map((line, i) => {
    let heading = alone[i]!;
    const m = twoNumbers.exec(line);
    if (m && (heading === null || heading.rank === 2.5)) {
      const first = parseNumber(m[1]!)!;
      const siblings = dotted.get(m[1]!);
      const inSequence = heading !== null && (siblings?.has(heading.number - 1) || siblings?.has(heading.number + 1));
      const divides = heading !== null && heading.number === 1 && lastItem === first;
      // A line wrapped in the middle of a sentence ("…给予最高" / "2.5万元补助") starts no item; one after a heading above items, a sentence or a role line may.
      const before = lines[i - 1] ?? '';
      const afterSentence = i === 0 || (alone[i - 1]?.rank ?? 2) < 2 || /[。；;）)〕】\]：:！!？?]$/.test(before) || labelLine.test(before);
      const carriesOn = afterSentence && (first === (lastItem ?? 0) + 1 || (first === 1 && aboveItems));
      if (!inSequence && !divides && carriesOn) {
        const marker = line.slice(0, m[1]!.length + m[2]!.length);
        heading = { rank: 2, number: first, marker, rest: line.slice(marker.length).trim() };
      }
    }
    if (heading) {
      if (heading.rank === 2) lastItem = heading.number;
      aboveItems = heading.rank < 2;
    }
    return heading;
  });
}
