// What a benchmark hands to bench/run.ts: figures, each next to the reference
// measured in the same run, so a noisy machine moves both sides together.
import fs from 'node:fs';

export interface Figure {
  /** What is measured, e.g. "parseNotice, 200-task notice". */
  metric: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, when the figure has one. */
  reference?: { label: string; value: number; unit: string };
  /**
   * figure ÷ reference, in the direction stated (e.g. "× slower", "of reference rate").
   * Computed by {@link figure} when a reference is given.
   */
  ratio?: { value: number; meaning: string };
}

export interface BenchResult {
  /** The benchmark's file name, e.g. "parse". */
  name: string;
  title: string;
  /** The command that reproduces this benchmark alone, with the settings it ran with. */
  command: string;
  figures: Figure[];
  notes: string[];
}

/**
 * A figure; with a reference, the ratio is value ÷ reference (`higherIsBetter`
 * figures such as rates read as "x of the reference", times as "x the reference").
 */
export function figure(
  metric: string,
  value: number,
  unit: string,
  reference?: { label: string; value: number; unit: string },
  meaning?: string,
): Figure {
  if (!reference) return { metric, value, unit };
  return { metric, value, unit, reference, ratio: { value: value / reference.value, meaning: meaning ?? '÷ reference' } };
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : Math.abs(n) >= 0.1 ? n.toFixed(2) : n.toPrecision(2));
export const formatNumber = fmt;

/** Prints the result for a human and, under bench/run.ts, writes it where the runner reads it. */
export function emit(result: BenchResult): void {
  console.log(`\n${result.title}`);
  for (const f of result.figures) {
    const ref = f.reference ? `   | ref ${f.reference.label}: ${fmt(f.reference.value)} ${f.reference.unit}` : '';
    const ratio = f.ratio ? `   | ratio ${fmt(f.ratio.value)} (${f.ratio.meaning})` : '';
    console.log(`  ${f.metric}: ${fmt(f.value)} ${f.unit}${ref}${ratio}`);
  }
  for (const note of result.notes) console.log(`  - ${note}`);
  const out = process.env.BENCH_RESULT_FILE;
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
