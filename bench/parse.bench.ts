// Parsing a notice: parseNotice on a generated 200-task notice in the seed's
// genre and on the seed, each next to a trivial full pass over the same text
// (split into lines + one regular-expression test per line) timed in the same
// loop. Run: npx tsx bench/parse.bench.ts   (BENCH_PARSE_RUNS, default 31)
import { parseNotice } from '../domain/plan/parse.ts';
import { emit, figure, median } from './lib/report.ts';
import { generateNotice, seedText } from './lib/notice.ts';

const runs = Number(process.env.BENCH_PARSE_RUNS ?? 31);
const warmup = 10;

const { text, expected } = generateNotice(20, 10);
const seed = seedText();

// The generated notice must read as intended, or the timing means nothing.
const coldStart = performance.now();
const plan = parseNotice(text);
const cold = performance.now() - coldStart;
const seedPlan = parseNotice(seed);
if (plan.tasks.length !== 200) throw new Error(`the generated notice parsed to ${plan.tasks.length} tasks, not 200`);
plan.tasks.forEach((task, i) => {
  const want = expected[i]!;
  const got = { ref: task.ref, leads: task.leads, supports: task.supports };
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`task ${i + 1} parsed as ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
});
if (JSON.stringify(plan.requirements) !== JSON.stringify(seedPlan.requirements)) {
  throw new Error(`Part 二 parsed to different requirements than in the seed: ${JSON.stringify(plan.requirements)}`);
}

/** The reference: one trivial full pass, a heading test on every line. */
const heading = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;
let sink = 0;
function trivialPass(input: string): void {
  for (const line of input.split('\n')) if (heading.test(line)) sink++;
}
/** The reference lasts microseconds: each sample is the mean of a batch, so the timer's resolution does not dominate. */
const batch = 20;
function time(fn: () => void, repeat = 1): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

for (let i = 0; i < warmup; i++) {
  parseNotice(text);
  parseNotice(seed);
  trivialPass(text);
  trivialPass(seed);
}
const samples = { big: [] as number[], bigRef: [] as number[], seed: [] as number[], seedRef: [] as number[] };
// Interleaved, so a burst of load from elsewhere hits figure and reference alike.
for (let i = 0; i < runs; i++) {
  samples.big.push(time(() => parseNotice(text)));
  samples.bigRef.push(time(() => trivialPass(text), batch));
  samples.seed.push(time(() => parseNotice(seed)));
  samples.seedRef.push(time(() => trivialPass(seed), batch));
}
if (sink === 0) throw new Error('the reference pass found no headings');

const m = { big: median(samples.big), bigRef: median(samples.bigRef), seed: median(samples.seed), seedRef: median(samples.seedRef) };
const perTask = { big: m.big / plan.tasks.length, seed: m.seed / seedPlan.tasks.length };
const lines = (s: string) => s.split('\n').length;

emit({
  name: 'parse',
  title: `Parsing notices (parseNotice, warm, median of ${runs} runs)`,
  command: `BENCH_PARSE_RUNS=${runs} npx tsx bench/parse.bench.ts`,
  figures: [
    figure('parseNotice, generated 200-task notice', m.big, 'ms', { label: 'split + regex test per line, same text', value: m.bigRef, unit: 'ms' }, '× the reference'),
    figure('parseNotice, seed (35 tasks)', m.seed, 'ms', { label: 'split + regex test per line, same text', value: m.seedRef, unit: 'ms' }, '× the reference'),
    figure('parseNotice per task, 200-task notice', perTask.big, 'ms/task', { label: 'per task, seed', value: perTask.seed, unit: 'ms/task' }, '× (1 = linear in tasks)'),
    figure('parseNotice, 200-task notice, first (cold) run', cold, 'ms'),
  ],
  notes: [
    `Generated notice: 20 sections × 10 tasks, ${text.length} characters, ${lines(text)} lines; seed: ${seed.length} characters, ${lines(seed)} lines. ` +
      'Task texts and parentheticals are the seed’s, paired by a permutation; every task’s leads and supports and the Part 二 requirements are checked before timing.',
    `Reference samples are means of ${batch} consecutive passes. Samples are interleaved (200-task, its reference, seed, its reference).`,
  ],
});
