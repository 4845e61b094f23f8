// runtime/sql.ts bulkSql on SQLite runs its statements on the connection Prisma
// itself uses: inside Prisma's transaction (seen by it, undone with it), each
// value stored as Prisma stores it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteConnection } from '../runtime/db.ts';
import { bulkSql } from '../runtime/sql.ts';
import { addEntity, testCode } from './helpers/credit.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { Prisma } from '../prisma/generated/client.ts';

describe('bulk statements on SQLite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await addEntity(db.prisma, 1);
  }, 120_000);
  afterAll(() => db?.dispose());

  const columns = { id: 'text', entityCode: 'text', kind: 'text', amountYuan: 'float', date: 'text', description: 'text', repairExcluded: 'boolean', source: 'text', createdAt: 'timestamp', updatedAt: 'timestamp' } as const;
  const at = new Date('2026-12-01T08:00:00.123Z');
  const row = (id: string, over: { amountYuan?: number | null; repairExcluded?: boolean } = {}) => ({
    id, entityCode: testCode(1), kind: 'penalty', amountYuan: 'amountYuan' in over ? over.amountYuan : 1234.5, date: '2026-03-01', description: '事由 "引号"', repairExcluded: over.repairExcluded ?? false, source: 'import', createdAt: at, updatedAt: at,
  });

  it('runs on the connection behind the client and its transactions', async () => {
    expect(sqliteConnection(db.prisma)).not.toBeNull();
    await db.prisma.$transaction(async (tx) => expect(sqliteConnection(tx)).toBe(sqliteConnection(db.prisma)));
  });

  it('writes inside the Prisma transaction: Prisma reads the rows back as it wrote them, and a failed transaction leaves nothing', async () => {
    const inserted = await db.prisma.$transaction(async (tx) => {
      const sql = bulkSql(tx);
      const n = await sql.insert('CreditRecord', columns, [row('bulk-a'), row('bulk-b', { amountYuan: null, repairExcluded: true }), row('bulk-a')], 'ON CONFLICT ("id") DO NOTHING');
      // The same transaction sees the rows, through Prisma and through bulkSql.
      expect(await tx.creditRecord.count({ where: { id: { startsWith: 'bulk-' } } })).toBe(2);
      expect(await sql.query<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "CreditRecord" WHERE "id" LIKE 'bulk-%'`)).toEqual([{ n: 2 }]);
      return n;
    });
    expect(inserted).toBe(2);
    expect(await db.prisma.creditRecord.findMany({ where: { id: { startsWith: 'bulk-' } }, orderBy: { id: 'asc' }, select: { id: true, amountYuan: true, repairExcluded: true, description: true, createdAt: true, updatedAt: true } })).toEqual([
      { id: 'bulk-a', amountYuan: 1234.5, repairExcluded: false, description: '事由 "引号"', createdAt: at, updatedAt: at },
      { id: 'bulk-b', amountYuan: null, repairExcluded: true, description: '事由 "引号"', createdAt: at, updatedAt: at },
    ]);

    await expect(db.prisma.$transaction(async (tx) => {
      const sql = bulkSql(tx);
      await sql.insert('CreditRecord', columns, [row('bulk-c')], 'ON CONFLICT ("id") DO NOTHING');
      await sql.execute(Prisma.sql`UPDATE "CreditRecord" SET "amountYuan" = ${99} WHERE "id" = ${'bulk-a'}`);
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    expect(await db.prisma.creditRecord.findMany({ where: { id: { startsWith: 'bulk-' } }, orderBy: { id: 'asc' }, select: { id: true, amountYuan: true } })).toEqual([
      { id: 'bulk-a', amountYuan: 1234.5 },
      { id: 'bulk-b', amountYuan: null },
    ]);
  });

  it('updates rows by key as Prisma stores the values, and counts only the rows it found', async () => {
    const sql = bulkSql(db.prisma);
    await sql.insert('CreditRecord', columns, [row('upd-a'), row('upd-b')], 'ON CONFLICT ("id") DO NOTHING');
    const later = new Date('2026-12-02T09:30:00.456Z');
    const changes = { id: 'text', amountYuan: 'float', repairExcluded: 'boolean', updatedAt: 'timestamp' } as const;
    const changed = await sql.update('CreditRecord', 'id', changes, [
      { id: 'upd-a', amountYuan: null, repairExcluded: true, updatedAt: later },
      { id: 'upd-b', amountYuan: 7, repairExcluded: false, updatedAt: later },
      { id: 'upd-none', amountYuan: 1, repairExcluded: true, updatedAt: later },
    ]);
    expect(changed).toBe(2);
    expect(await db.prisma.creditRecord.findMany({ where: { id: { startsWith: 'upd-' } }, orderBy: { id: 'asc' }, select: { id: true, amountYuan: true, repairExcluded: true, createdAt: true, updatedAt: true } })).toEqual([
      { id: 'upd-a', amountYuan: null, repairExcluded: true, createdAt: at, updatedAt: later },
      { id: 'upd-b', amountYuan: 7, repairExcluded: false, createdAt: at, updatedAt: later },
    ]);
  });

  it('keeps statements prepared: the same text answers for new parameters, and past the bound every statement still answers its own', async () => {
    const sql = bulkSql(db.prisma);
    await sql.insert('CreditRecord', columns, [row('prep-a'), row('prep-b')], 'ON CONFLICT ("id") DO NOTHING');
    const count = (prefix: string) => sql.query<{ n: number }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "CreditRecord" WHERE "id" LIKE ${`${prefix}%`}`);
    expect(await count('prep-')).toEqual([{ n: 2 }]);
    expect(await count('prep-b')).toEqual([{ n: 1 }]);
    expect(await count('none-')).toEqual([{ n: 0 }]);
    // More distinct texts than are kept: the oldest are prepared again when asked for.
    for (let i = 0; i < 250; i += 1) expect(await sql.query<{ v: number }>(Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "v"`)).toEqual([{ v: i }]);
    expect(await sql.query<{ v: number }>(Prisma.sql`SELECT 0 AS "v"`)).toEqual([{ v: 0 }]);
    expect(await sql.execute(Prisma.sql`UPDATE "CreditRecord" SET "amountYuan" = "amountYuan" WHERE "id" LIKE ${'prep-%'}`)).toBe(2);
  });
});
