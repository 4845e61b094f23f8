// The credit import's bulk statements (rows as one JSON parameter, runtime/sql.ts)
// on both databases the project runs: what they write must be what the sheet
// says, typed as Prisma reads it, each class what the pure rule computes, and
// written once however often the same file is imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../domain/credit/classes.ts';
import { reclassifyEntity, reclassifyMany, ruleRecord } from '../readmodel/classes.ts';
import { dialectOf } from '../runtime/sql.ts';
import { importCreditSheet } from '../services/credit/import.ts';
import { addEntity, addRecord, testCode } from './helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createPostgresTestDatabase } from './helpers/postgres.ts';

const header = ['统一社会信用代码', '记录类型', '日期', '罚款金额', '情节', '事由', '提供单位', '不予修复'];
// Entity 0 has no records, 1–11 six each of every kind, with fractional, large and zero fines, quotes and Chinese
// in the text, serious penalties and records excluded from repair; 12 is only on the abnormal-operations list.
const sheet = (): string[][] => [
  header,
  ...Array.from({ length: 66 }, (_, i) => {
    const entity = 1 + (i % 11);
    const kind = ['行政处罚', '行政处罚', '经营异常名录', '行政处罚', '严重违法失信名单', '行政处罚', '拒绝检查'][i % 7]!;
    const fine = kind === '行政处罚' ? ['12,345.67', '0', '99999.5', '250000', '1e5'][i % 5]! : '';
    return [testCode(entity).toLowerCase(), kind, `2026-0${1 + (i % 9)}-1${i % 10}`, fine, i % 4 === 0 ? '较重' : '一般', `事由 "${i}" ，含引号\\与中文`, i % 2 ? '市市场监管委' : '', i % 6 === 0 ? '是' : '否'];
  }),
  [testCode(12), '经营异常名录', '2026-02-02', '', '', '未按期年报', '市市场监管委', '否'],
];

/** The entities with the given codes, their records and class history. */
const snapshot = async (db: TestDatabase, codes: string[]) => ({
  entities: await db.prisma.marketEntity.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' }, select: { code: true, creditClass: true, ruleVersion: true, classReasons: true, classifiedAt: true } }),
  records: await db.prisma.creditRecord.findMany({ where: { entityCode: { in: codes } }, orderBy: { id: 'asc' } }),
  changes: await db.prisma.creditClassChange.findMany({ where: { entityCode: { in: codes } }, orderBy: { id: 'asc' } }),
});

describe.each([
  ['SQLite', 'sqlite', createTestDatabase],
  ['PostgreSQL', 'postgresql', createPostgresTestDatabase],
] as const)('bulk credit import on %s', (_name, dialect, create) => {
  let db: TestDatabase;
  const now = new Date('2026-12-01T08:00:00.123Z');
  beforeAll(async () => {
    db = await create();
    for (let n = 0; n < 13; n += 1) await addEntity(db.prisma, n);
  }, 120_000);
  afterAll(() => db?.dispose());

  it('writes every record as given and each class as the rule computes it, once however often the file is imported', async () => {
    expect(dialectOf(db.prisma)).toBe(dialect);
    const first = await importCreditSheet(db.prisma, 'records', sheet(), now);
    expect(first).toEqual({ imported: 67, skipped: 0, reclassified: 12, errors: [] });
    const codes = Array.from({ length: 13 }, (_, n) => testCode(n));
    const after = await snapshot(db, codes);
    // The records as the sheet gave them, typed as Prisma reads them.
    const record = after.records.find((r) => r.description === '事由 "3" ，含引号\\与中文')!;
    expect(record).toMatchObject({ entityCode: testCode(4), kind: 'penalty', amountYuan: 250_000, date: '2026-04-13', severity: 'general', providerBodyId: 'market-commission', repairExcluded: false, status: 'active', underObjection: false, source: 'import', createdAt: now, updatedAt: now });
    expect(after.records.find((r) => r.description.startsWith('事由 "0"'))).toMatchObject({ amountYuan: 12_345.67, severity: 'serious', providerBodyId: null, providerName: '', repairExcluded: true });
    expect(after.records.filter((r) => r.kind === 'abnormal').every((r) => r.amountYuan === null)).toBe(true);
    // Each class is what the pure rule makes of the entity's records; entity 0 has none and was not touched.
    for (const entity of after.entities) {
      const records = after.records.filter((r) => r.entityCode === entity.code);
      if (records.length === 0) {
        expect(entity).toMatchObject({ creditClass: 'good', classifiedAt: null });
        continue;
      }
      const expected = classify(records.map(ruleRecord));
      expect({ ...entity, classReasons: JSON.parse(entity.classReasons) }).toEqual({ code: entity.code, creditClass: expected.creditClass, ruleVersion: expected.ruleVersion, classReasons: expected.reasons, classifiedAt: now });
    }
    expect(new Set(after.entities.map((e) => e.creditClass))).toEqual(new Set(['good', 'warning', 'dishonest', 'seriouslyDishonest']));
    // One history row per entity classified for the first time, its reasons those of the class.
    expect(after.changes).toHaveLength(12);
    for (const change of after.changes) {
      const entity = after.entities.find((e) => e.code === change.entityCode)!;
      expect(change).toMatchObject({ at: now, from: null, to: entity.creditClass, ruleVersion: entity.ruleVersion, reasons: entity.classReasons });
      expect(change.id).toBe(`${change.entityCode}@${change.cause}`);
    }
    // The same file again (a retry after a crash, or a second upload): nothing new, nothing changed.
    expect(await importCreditSheet(db.prisma, 'records', sheet(), new Date(now.getTime() + 60_000))).toEqual({ imported: 0, skipped: 67, reclassified: 0, errors: [] });
    const again = await snapshot(db, codes);
    expect({ ...again, entities: again.entities.map((e) => ({ ...e, classifiedAt: e.classifiedAt && now })) }).toEqual(after);
  });

  it('registers entities as the sheet names them, rated good, and skips them when the sheet comes again', async () => {
    const codes = [40, 41, 42].map(testCode);
    const entitySheet = [['统一社会信用代码', '名称', '登记机关', '区县', '行业'], ...codes.map((code, i) => [code, `“津门”商贸 "${i}" 有限公司\\`, '和平区市场监管局', '和平区', 'retail'])];
    expect(await importCreditSheet(db.prisma, 'entities', entitySheet, now)).toEqual({ imported: 3, skipped: 0, reclassified: 3, errors: [] });
    const entities = await db.prisma.marketEntity.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' }, include: { classChanges: true } });
    expect(entities.map((e) => [e.code, e.name, e.registrationBody, e.district, e.industry, e.creditClass, e.classifiedAt, e.classChanges.map((c) => [c.from, c.to, c.at])])).toEqual(
      codes.map((code, i) => [code, `“津门”商贸 "${i}" 有限公司\\`, '和平区市场监管局', '和平区', 'retail', 'good', now, [[null, 'good', now]]]),
    );
    expect(await importCreditSheet(db.prisma, 'entities', entitySheet, now)).toEqual({ imported: 0, skipped: 3, reclassified: 0, errors: [] });
  });

  it('recomputes in chunks as one entity at a time does, and writes no history row when no class changes', async () => {
    const codes = await Promise.all([20, 21, 22, 23, 24, 25, 26].map((n) => addEntity(db.prisma, n)));
    for (const [i, code] of codes.entries()) {
      for (let k = 0; k < i * 2; k += 1) await addRecord(db.prisma, `bulk-${i}-${k}`, code, { amountYuan: 20_000.5 * k, kind: k === 3 ? 'abnormal' : 'penalty' });
    }
    // Two entities were classified before, one of them on records it has since changed.
    const earlier = new Date('2026-11-01T00:00:00Z');
    for (const code of codes.slice(0, 2)) await db.prisma.$transaction((tx) => reclassifyEntity(tx, code, 'earlier', earlier));
    await addRecord(db.prisma, 'bulk-late', codes[0]!, { amountYuan: 1 });
    const before = await snapshot(db, codes);
    const at = new Date('2026-12-02T00:00:00Z');
    const recompute = () => db.prisma.$transaction((tx) => reclassifyMany(tx, codes, 'recompute:test', at, undefined, 3));
    const changed = await recompute();
    const after = await snapshot(db, codes);
    const expected = codes.map((code) => ({ code, classification: classify(after.records.filter((r) => r.entityCode === code).map(ruleRecord)) }));
    for (const { code, classification } of expected) {
      expect(after.entities.find((e) => e.code === code)).toEqual({ code, creditClass: classification.creditClass, ruleVersion: classification.ruleVersion, classReasons: JSON.stringify(classification.reasons), classifiedAt: at });
    }
    // A history row for each entity classified for the first time or whose class changed: not for entity 21 (good before and after).
    const previous = (code: string) => before.entities.find((e) => e.code === code)!;
    const changes = expected.flatMap(({ code, classification }) => {
      const from = previous(code).classifiedAt ? previous(code).creditClass : null;
      return from === classification.creditClass ? [] : [[code, from, classification.creditClass]];
    });
    expect(changes.map((c) => c[0])).toEqual([codes[0], ...codes.slice(2)]);
    expect(after.changes.filter((c) => c.cause === 'recompute:test').map((c) => [c.entityCode, c.from, c.to])).toEqual(changes);
    expect(changed).toBe(changes.length);
    expect(await recompute()).toBe(0);
  });
});
