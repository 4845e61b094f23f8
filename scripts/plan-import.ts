// `npm run -s plan:import -- <file> [--rebased]`: parses a notice, stores the
// plan and starts its task workflows on the running Temporal server (start
// Duban with `npm start` first). Importing the same notice again changes nothing.
// The document is read and parsed in the worker thread of `plan:parse` and the
// API, within the same limits.
import fs from 'node:fs';
import { commitPlan } from '../services/plans/commit.ts';
import { parseUntrusted } from '../api/plans/sandbox.ts';
import { validateDraft } from '../services/plans/validate-draft.ts';
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { connectClient } from '../runtime/temporal.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const config = loadConfig();
try {
  if (!file) throw new Error('用法 usage: npm run -s plan:import -- <file> [--rebased]');
  const { sourceText, plan } = await parseUntrusted({ bytes: new Uint8Array(fs.readFileSync(file)), fileName: file });
  const draft = { ...plan, sourceText, timeline: args.includes('--rebased') ? ('rebased' as const) : ('historic' as const) };
  validateDraft(draft);
  const prisma = await createPrisma(config.databaseUrl);
  const temporal = await connectClient(config).catch(() => {
    throw new Error(`无法连接 Temporal Cannot reach Temporal at ${config.temporalAddress ?? '127.0.0.1:7233'}: is Duban running (npm start)?`);
  });
  const result = await commitPlan({ prisma, temporal, taskQueue: config.taskQueue, dataDir: config.dataDir }, draft);
  console.log(`${result.created ? 'imported' : 'already imported'} ${result.planId}: ${result.tasks} tasks supervised`);
  for (const warning of draft.warnings) console.log(`  ! ${warning.message}`);
  await Promise.all([prisma.$disconnect(), temporal.connection.close()]);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(code === 'ENOENT' ? `找不到文件 File not found: ${file}` : message);
  process.exit(1);
}
