// Two projections of one workflow at once: the API's eager projection of a case
// it filed and the worker's first projection of the same case, on two replicas.
// Both may find no row and both CREATE it; on PostgreSQL the loser's transaction
// is aborted at the unique violation. Every projection must still succeed, and
// the newest snapshot must be the one stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultObjectionLimits, fileObjection, type ObjectionSnapshot } from '../domain/objection/case.ts';
import { projectObjectionCase } from '../readmodel/objections.ts';
import { createPrisma, type PrismaClient } from '../runtime/db.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { createPostgresTestDatabase } from './helpers/postgres.ts';

const dayMs = 86_400_000;
const filedAt = Date.UTC(2026, 5, 15, 2);
const entityCode = '91120101RACE00001X';

function snapshot(caseId: string, seq: number): ObjectionSnapshot {
  const { calendar: _calendar, events: _events, ...filed } = fileObjection({
    caseId, entityCode, recordId: null, providerBodyId: null, reasons: '分类有误', evidence: [],
    filedBy: { accountId: null, name: '和平区', bodyId: null }, filedAt, limits: defaultObjectionLimits,
    calendar: Array.from({ length: 40 }, (_, i) => filedAt + (i + 1) * dayMs),
  });
  return { ...filed, status: seq === 0 ? 'filed' : 'verifying', seq };
}

// On SQLite the second client is the same one: a second client in this process would
// wait for the write lock synchronously (better-sqlite3's busy timeout) and block the
// first; the worker and the API are separate processes, and SQLite serialises their writes.
describe.each([
  ['SQLite', createTestDatabase, false],
  ['PostgreSQL', createPostgresTestDatabase, true],
] as const)('concurrent projections of one case on %s', (_name, create, secondClient) => {
  let db: TestDatabase;
  let replica: PrismaClient;

  beforeAll(async () => {
    db = await create();
    replica = secondClient ? await createPrisma(db.url) : db.prisma;
    await db.prisma.marketEntity.create({ data: { code: entityCode, name: '天津竞态测试有限公司', registrationBody: '市市场监管委', district: '和平区', industry: '零售' } });
  }, 120_000);
  afterAll(async () => {
    if (secondClient) await replica?.$disconnect();
    await db?.dispose();
  });

  it('creates each case once, with no projection failing, and keeps the newest snapshot', async () => {
    const cases = Array.from({ length: 12 }, (_, i) => `objection:race-${i}`);
    // For each case: the API's version 0 and the worker's version 1 from two clients, and a second worker attempt.
    const results = await Promise.allSettled(cases.flatMap((id) => [
      projectObjectionCase(db.prisma, snapshot(id, 0), []),
      projectObjectionCase(replica, snapshot(id, 1), []),
      projectObjectionCase(replica, snapshot(id, 1), []),
    ]));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason).slice(0, 300))).toEqual([]);
    const rows = await db.prisma.objectionCase.findMany({ where: { id: { in: cases } }, select: { id: true, version: true, status: true } });
    expect(rows).toHaveLength(cases.length);
    expect(rows.filter((r) => r.version !== 1 || r.status !== 'verifying')).toEqual([]);
  }, 60_000);
});
