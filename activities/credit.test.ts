import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntity, addRecord } from '../test/helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/database.ts';
import { reclassifyEntity, reclassifyMany } from '../readmodel/classes.ts';
import { correctCreditRecord, endRecordPublication, markRecordUnderObjection } from './credit-records.ts';

// Temporal retries activities: each of these must write once however often it runs.
describe('credit activities against SQLite', () => {
  let db: TestDatabase;
  const entity = (code: string) => db.prisma.marketEntity.findUniqueOrThrow({ where: { code }, include: { classChanges: { orderBy: { at: 'asc' } }, records: true } });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.dispose());

  it('corrects a record once, however often the activity runs, and recomputes the class', async () => {
    const code = await addEntity(db.prisma, 1);
    await addRecord(db.prisma, 'a1', code, { amountYuan: 600_000 });
    await db.prisma.$transaction((tx) => reclassifyEntity(tx, code, 'import:x', new Date('2026-03-01T00:00:00Z')));
    await markRecordUnderObjection(db.prisma, 'objection:1', 'a1', true);
    expect((await entity(code)).creditClass).toBe('seriouslyDishonest');
    for (let i = 0; i < 3; i += 1) await correctCreditRecord(db.prisma, 'objection:1', code, 'a1', { amountYuan: 60_000 }, Date.parse('2026-03-02T00:00:00Z'));
    const after = await entity(code);
    expect(after.creditClass).toBe('warning');
    expect(after.classChanges.map((c) => [c.from, c.to, c.cause])).toEqual([[null, 'seriouslyDishonest', 'import:x'], ['seriouslyDishonest', 'warning', 'objection:objection:1']]);
    expect(JSON.parse(after.records[0]!.history)).toHaveLength(1);
    expect([after.records[0]!.amountYuan, after.records[0]!.underObjection]).toEqual([60_000, false]);
    // A stale "clear" from another case leaves the mark of the case that holds it.
    await markRecordUnderObjection(db.prisma, 'objection:2', 'a1', true);
    await markRecordUnderObjection(db.prisma, 'objection:1', 'a1', false);
    expect((await entity(code)).records[0]!.underObjection).toBe(true);
  });

  it('ends a repaired record\'s publication once, keeping its history', async () => {
    const code = await addEntity(db.prisma, 2);
    await addRecord(db.prisma, 'a2', code, { kind: 'abnormal', amountYuan: null });
    await db.prisma.$transaction((tx) => reclassifyEntity(tx, code, 'import:y', new Date()));
    await endRecordPublication(db.prisma, 'repair:1', 'a2', Date.now());
    await endRecordPublication(db.prisma, 'repair:1', 'a2', Date.now() + 1000);
    const after = await entity(code);
    expect([after.creditClass, after.records[0]!.publication, JSON.parse(after.records[0]!.history).length, after.classChanges.length]).toEqual(['good', 'ended', 1, 2]);
  });

  it('recomputes many classes in batches, writing each change of class once', async () => {
    const codes: string[] = [];
    for (let n = 10; n < 13; n += 1) codes.push(await addEntity(db.prisma, n));
    for (const [i, c] of codes.entries()) await addRecord(db.prisma, `b${i}`, c, { kind: i === 0 ? 'seriousViolation' : 'penalty', amountYuan: i === 0 ? null : 1000 });
    const at = new Date('2026-03-03T00:00:00Z');
    expect(await db.prisma.$transaction((tx) => reclassifyMany(tx, codes, 'import:z', at, undefined, 2))).toBe(3);
    // Run again (a retry): the classes stand, so nothing more is written to the history.
    expect(await db.prisma.$transaction((tx) => reclassifyMany(tx, codes, 'import:z', at, undefined, 2))).toBe(0);
    const rows = await Promise.all(codes.map(entity));
    expect(rows.map((r) => [r.creditClass, r.classChanges.length, r.classifiedAt?.toISOString()])).toEqual([
      ['dishonest', 1, at.toISOString()], ['warning', 1, at.toISOString()], ['warning', 1, at.toISOString()],
    ]);
  });
});
