// Credit at scale: a population of 1,000,000 market entities.
//  1. Drawing a 3% inspection sample with inspectors (2 per body, 5 bodies, declared
//     conflicts honoured), next to the plain reference of sorting and hashing the same
//     population (what any draw must do first) in the same run.
//  2. Importing 100,000 record rows (checked row by row, one transaction) and recomputing
//     the class of every entity they touch, with a history row per change, next to one
//     raw SQL aggregate over the same records (count and total fine per entity).
// Run: npx tsx bench/credit.bench.ts
//   (BENCH_CREDIT_ENTITIES=1000000, BENCH_CREDIT_RECORDS=100000, BENCH_CREDIT_RATIO=0.03, BENCH_CREDIT_OFFICERS=200 per body)
import Database from 'better-sqlite3';
import { reclassifyMany } from '../readmodel/classes.ts';
import { importCreditSheet } from '../services/credit/import.ts';
import { usccCheckCharacter } from '../domain/credit/uscc.ts';
import { drawRound, populationHash, sampleSize, type Inspector } from '../domain/inspection/draw.ts';
import { createTestDatabase } from '../test/helpers/database.ts';
import { emit, figure } from './lib/report.ts';

const entities = Number(process.env.BENCH_CREDIT_ENTITIES ?? 1_000_000);
const recordRows = Number(process.env.BENCH_CREDIT_RECORDS ?? 100_000);
const ratio = Number(process.env.BENCH_CREDIT_RATIO ?? 0.03);
const officersPerBody = Number(process.env.BENCH_CREDIT_OFFICERS ?? 200);
const bodies = ['market-commission', 'environment', 'work-safety', 'health', 'commerce'];

const code = (n: number) => {
  const first17 = `91120101MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};
const ms = (start: number) => performance.now() - start;

const population = Array.from({ length: entities }, (_, i) => code(i));
// Every tenth officer has declared a conflict with a few entities.
const staff: Inspector[] = bodies.flatMap((bodyId) =>
  Array.from({ length: officersPerBody }, (_, i) => ({ id: `${bodyId}-${i}`, bodyId, conflicts: i % 10 === 0 ? [code(i), code(i * 7), code(i * 13)] : [] })),
);
const size = sampleSize(entities, ratio);

let start = performance.now();
const hash = populationHash(population);
const reference = ms(start);
start = performance.now();
const draw = drawRound({ id: 'bench-round', date: '2026-03-01' }, population, size, staff, bodies);
const drawMs = ms(start);
if (draw.populationHash !== hash || draw.entities.length !== size) throw new Error('draw did not cover the population');

const db = await createTestDatabase();
const sqlite = new Database(db.url.replace(/^file:/, ''));
let importMs = 0;
let recomputeMs = 0;
let aggregateMs = 0;
let touched = 0;
try {
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    const insert = sqlite.prepare(`INSERT INTO MarketEntity (code, name, registrationBody, district, industry, creditClass, ruleVersion, classReasons, classifiedAt, createdAt)
      VALUES (?, ?, '和平区市场监管局', ?, 'retail', 'good', 'default-2026.1', '[]', ?, ?)`);
    for (let i = 0; i < entities; i += 1) insert.run(population[i], `基准商贸有限公司 ${i}`, i % 2 ? '和平区' : '河西区', Date.parse(now), Date.parse(now));
  })();
  // 100,000 rows over a tenth of the population: penalties of varying size, some list entries.
  const header = ['统一社会信用代码', '记录类型', '日期', '罚款金额', '情节', '事由', '提供单位', '不予修复'];
  const rows = [header, ...Array.from({ length: recordRows }, (_, i) => {
    const entity = population[(i * 7919) % Math.max(1, Math.floor(entities / 10))]!;
    const listed = i % 17 === 0;
    return [entity, listed ? '经营异常名录' : '行政处罚', `2026-0${1 + (i % 9)}-1${i % 10}`, listed ? '' : String(1000 + ((i * 37) % 90_000)), '一般', `基准事由 ${i}`, '市市场监管委', '否'];
  })];
  start = performance.now();
  const report = await importCreditSheet(db.prisma, 'records', rows);
  importMs = ms(start);
  if (report.errors.length || report.imported !== recordRows) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))} imported ${report.imported}`);
  const codes = (sqlite.prepare('SELECT DISTINCT entityCode AS code FROM CreditRecord').all() as Array<{ code: string }>).map((r) => r.code);
  touched = codes.length;
  start = performance.now();
  await db.prisma.$transaction((tx) => reclassifyMany(tx, codes, 'bench:recompute', new Date()), { timeout: 3_600_000 });
  recomputeMs = ms(start);
  start = performance.now();
  sqlite.prepare(`SELECT entityCode, COUNT(*) AS n, SUM(COALESCE(amountYuan, 0)) AS total FROM CreditRecord WHERE status = 'active' GROUP BY entityCode`).all();
  aggregateMs = ms(start);
} finally {
  sqlite.close();
  await db.dispose();
}

emit({
  name: 'credit',
  title: `Credit: ${entities.toLocaleString('en-US')} entities, ${(ratio * 100).toFixed(1)}% sample, ${recordRows.toLocaleString('en-US')} record rows`,
  command: `BENCH_CREDIT_ENTITIES=${entities} BENCH_CREDIT_RECORDS=${recordRows} BENCH_CREDIT_RATIO=${ratio} BENCH_CREDIT_OFFICERS=${officersPerBody} npx tsx bench/credit.bench.ts`,
  figures: [
    figure(`draw ${size.toLocaleString('en-US')} entities with 2 inspectors from each of ${bodies.length} bodies`, drawMs, 'ms', { label: 'sort and SHA-256 of the same population', value: reference, unit: 'ms' }, '× the reference'),
    figure(`import ${recordRows.toLocaleString('en-US')} record rows (checks, one transaction, classes recomputed)`, importMs, 'ms', { label: 'one SQL aggregate over the imported records', value: aggregateMs, unit: 'ms' }, '× the reference'),
    figure(`recompute the class of all ${touched.toLocaleString('en-US')} entities with records`, recomputeMs, 'ms', { label: 'one SQL aggregate over the same records', value: aggregateMs, unit: 'ms' }, '× the reference'),
  ],
  notes: [
    'The draw is the pure, documented function anyone can re-run (domain/inspection/draw.ts); the reference is the population hash every draw starts from.',
    'Only entities with records are recomputed: without records the class is 良好 by rule, and a record change recomputes only its own entity (dynamic adjustment).',
    'Import and recompute run in Prisma transactions; their bulk statements run on the same SQLite connection through better-sqlite3 (runtime/sql.ts bulkSql): the records by one prepared INSERT per row, then per 10,000 entities in code order one read of the entities with their records (the columns the rule reads, the codes as one JSON parameter), one prepared UPDATE per entity for its class, and one INSERT of history rows copied from the classes written; the aggregate is raw SQL through a separate better-sqlite3 connection.',
  ],
});
