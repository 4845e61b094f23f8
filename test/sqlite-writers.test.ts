// The API and the worker are two processes writing one SQLite file. A
// transaction that reads before it writes (Prisma's own upsert with nothing to
// update, a registry merge) must wait for the other process's writer, where
// SQLite would refuse it at once ("database is locked") had it read first.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

/** Another process holding the write lock for `ms`, with an uncommitted row of its own. */
async function otherWriter(url: string, ms: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 30000 });
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO Registry (id, name) VALUES ('registry-other-process', '另一进程的登记')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, url.replace(/^file:/, ''), String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  return { done: once(child, 'exit') };
}

describe('two processes writing one SQLite file', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(() => db?.dispose());

  it("waits for the other process's writer in a transaction Prisma opens itself, and in one that reads first", async () => {
    const entity = { code: '91120000WRITER001X', name: '等待写锁的主体', registrationBody: 'scjgw', district: '和平区', industry: '批发和零售业' };
    let other = await otherWriter(db.url, 1_000);
    // With nothing to update, Prisma's upsert reads, then inserts, in a transaction of its own.
    await db.prisma.marketEntity.upsert({ where: { code: entity.code }, create: entity, update: {} });
    expect(await other.done).toEqual([0, null]);

    await db.prisma.registry.delete({ where: { id: 'registry-other-process' } });
    other = await otherWriter(db.url, 1_000);
    const renamed = await db.prisma.$transaction(async (tx) => {
      const found = await tx.marketEntity.findUniqueOrThrow({ where: { code: entity.code } });
      return tx.marketEntity.update({ where: { code: found.code }, data: { name: `${found.name}（改）` } });
    });
    expect(await other.done).toEqual([0, null]);
    expect(renamed.name).toBe('等待写锁的主体（改）');
    expect(await db.prisma.registry.count({ where: { id: 'registry-other-process' } })).toBe(1);
  }, 60_000);
});
