// `npx tsx scripts/plan-score.ts [repo]`: (ref, role, body) F1 of `npm run -s plan:parse`
// on the visible notices (../shared/notices/ or $DUBAN_NOTICES_DIR, and the seed) against the hand annotations in
// domain/plan/annotations/. `repo` (default: this one) is the checkout whose plan:parse runs,
// so an older commit can be measured with the same annotations.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planTriples, pool, readTriples, scoreTriples, type Score } from '../domain/plan/score.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const repo = path.resolve(process.argv[2] ?? root);
const annotations = path.join(root, 'domain/plan/annotations');
// The shared notices sit beside the clone (../shared/notices); DUBAN_NOTICES_DIR points elsewhere.
const noticesDir = process.env.DUBAN_NOTICES_DIR ?? path.join(root, '../shared/notices');
const noticeOf = (stem: string) =>
  [path.join(noticesDir, `${stem}.txt`), path.join(root, 'prisma/seed', `${stem}.txt`)].find((f) => fs.existsSync(f));

const pct = (x: number) => x.toFixed(3);
const scores: Score[] = [];
for (const name of fs.readdirSync(annotations).filter((f) => f.endsWith('.tsv')).sort()) {
  const stem = name.replace(/\.tsv$/, '');
  const file = noticeOf(stem);
  if (!file) continue;
  const out = execFileSync('npm', ['run', '-s', 'plan:parse', '--', file], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
  const plan = JSON.parse(out) as { tasks: Array<{ ref: string; leads: string[]; supports: string[] }> };
  const s = scoreTriples(readTriples(fs.readFileSync(path.join(annotations, name), 'utf8')), planTriples(plan.tasks));
  scores.push(s);
  console.log(`${stem.padEnd(36)} F1 ${pct(s.f1)}  P ${pct(s.precision)}  R ${pct(s.recall)}  triples ${s.correct}/${s.expected} (found ${s.found})  tasks ${plan.tasks.length}`);
}
const all = pool(scores);
console.log(`${'pooled'.padEnd(36)} F1 ${pct(all.f1)}  P ${pct(all.precision)}  R ${pct(all.recall)}  triples ${all.correct}/${all.expected} (found ${all.found})`);
