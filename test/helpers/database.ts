import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrisma, type PrismaClient } from '../../runtime/db.ts';
import { runPrismaCli } from '../../runtime/prisma-cli.ts';
import { loadReferenceData } from '../../runtime/reference-data.ts';

export interface TestDatabase {
  dataDir: string;
  url: string;
  prisma: PrismaClient;
  dispose(): Promise<void>;
}

/** A fresh SQLite read model, migrated by the same `migrate deploy` as production and loaded with reference data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-test-'));
  runPrismaCli(['migrate', 'deploy'], { ...process.env, DUBAN_DATA_DIR: dataDir, DATABASE_URL: undefined });
  const url = `file:${path.join(dataDir, 'duban.db')}`;
  const prisma = await createPrisma(url);
  await loadReferenceData(prisma, 'test-password');
  return {
    dataDir,
    url,
    prisma,
    async dispose() {
      await prisma.$disconnect();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
