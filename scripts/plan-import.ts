// `npm run -s plan:import -- <file> [--rebased] [--register-unknown] [--registry=<id>]`:
// parses a notice, stores the plan and starts its task workflows on the
// running Temporal server (start Duban with `npm start` first). Bodies are
// matched in the issuing government's registry (the database's, as the
// console edits it). Without --register-unknown, names it does not know make
// the import fail, listed; with it, each is registered (placeholder groups stay
// placeholders) with one department account. Importing the same notice again
// changes nothing. stdout is one JSON object; messages go to stderr.
import fs from 'node:fs';
import { commitPlan } from '../services/plans/commit.ts';
import { parseUntrusted } from '../api/plans/sandbox.ts';
import { validateDraft } from '../services/plans/validate-draft.ts';
import { loadRegistry } from '../services/plans/registry.ts';
import { issuerRegistry } from '../services/plans/issuer-registry.ts';
import { registerEveryUnknown, UnresolvedBodiesError } from '../services/plans/resolve-bodies.ts';
import { createDepartmentAccount, freeLogin } from '../services/bodies/accounts.ts';
import { loadConfig } from '../runtime/config.ts';
import { createPrisma } from '../runtime/db.ts';
import { connectClient } from '../runtime/temporal.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const registerUnknown = args.includes('--register-unknown');
const registryArg = args.find((a) => a.startsWith('--registry='))?.slice('--registry='.length);
const config = loadConfig();
try {
  if (!file) throw new Error('用法 usage: npm run -s plan:import -- <file> [--rebased] [--register-unknown] [--registry=<id>]');
  const { sourceText, plan } = await parseUntrusted({ bytes: new Uint8Array(fs.readFileSync(file)), fileName: file });
  const prisma = await createPrisma(config.databaseUrl);
  const registryId = registryArg ?? (await issuerRegistry(prisma, plan.issuer, registerUnknown));
  if (!(await prisma.registry.findUnique({ where: { id: registryId } }))) throw new Error(`登记册不存在 No such registry: ${registryId}`);
  const resolutions = registerUnknown ? registerEveryUnknown(await loadRegistry(prisma, registryId), plan.tasks) : [];
  const draft = { ...plan, sourceText, timeline: args.includes('--rebased') ? ('rebased' as const) : ('historic' as const), registryId, resolutions };
  validateDraft(draft);
  const temporal = await connectClient(config).catch(() => {
    throw new Error(`无法连接 Temporal Cannot reach Temporal at ${config.temporalAddress ?? '127.0.0.1:7233'}: is Duban running (npm start)?`);
  });
  const result = await commitPlan({ prisma, temporal, taskQueue: config.taskQueue, dataDir: config.dataDir }, draft);
  const bodiesCreated = [];
  for (const body of result.registered) {
    const row = await prisma.body.findUniqueOrThrow({ where: { id: body.bodyId } });
    if (row.kind === 'placeholder') continue;
    const account = await createDepartmentAccount(prisma, { login: await freeLogin(prisma, body.bodyId), displayName: `${body.name} 承办人`, bodyId: body.bodyId, createdBy: null });
    bodiesCreated.push({ name: body.name, bodyId: body.bodyId, login: account.login, password: account.oneTimePassword });
  }
  console.error(`${result.created ? 'imported' : 'already imported'} ${result.planId}: ${result.tasks} tasks supervised`);
  for (const warning of draft.warnings) console.error(`  ! ${warning.message}`);
  console.log(JSON.stringify({ planId: result.planId, created: result.created, tasks: result.tasks, warnings: draft.warnings, bodiesCreated }));
  await Promise.all([prisma.$disconnect(), temporal.connection.close()]);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  if (error instanceof UnresolvedBodiesError) {
    console.error(message);
    for (const name of error.names) console.error(`  - ${name}`);
    console.error('用 --register-unknown 登记它们 Pass --register-unknown to register them.');
  } else console.error(code === 'ENOENT' ? `找不到文件 File not found: ${file}` : message);
  process.exit(1);
}
