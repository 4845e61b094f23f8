import { hash, verify } from '@node-rs/argon2';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { isUniqueViolation, type PrismaClient } from './db.ts';
import { generatePassword } from './secret.ts';

export type Role = 'supervisor' | 'department' | 'performance' | 'admin';

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  bodyId: string | null;
  /** A department account's duty in its unit: absent, the 负责人 (who also works alone). */
  duty?: 'drafter';
}

/** One account per workspace, so every role can be tried in demo mode. */
export const demoAccounts: DemoAccount[] = [
  { login: 'supervisor', displayName: '市政府督查室 督办员', role: 'supervisor', bodyId: 'supervision-office' },
  { login: 'coordinator', displayName: '市市场监管委 统筹协调', role: 'supervisor', bodyId: 'market-commission' },
  { login: 'market', displayName: '市市场监管委 承办人', role: 'department', bodyId: 'market-commission' },
  { login: 'legal', displayName: '市法制办 承办人', role: 'department', bodyId: 'legal-affairs-office' },
  { login: 'heping', displayName: '和平区人民政府 承办人', role: 'department', bodyId: 'district-heping' },
  { login: 'performance', displayName: '市绩效办 考核员', role: 'performance', bodyId: 'performance-office' },
  { login: 'admin', displayName: '系统管理员', role: 'admin', bodyId: null },
];

/**
 * Demo 承办人 (drafters) beside two units' accounts above, which are their 负责人:
 * their submissions wait for sign-off (签发与代理). Made by `npm start` in demo
 * mode only, not in every test database, so units elsewhere keep one account.
 */
export const demoDrafters: DemoAccount[] = [
  { login: 'zhao.market', displayName: '赵敏（市市场监管委 承办人）', role: 'department', bodyId: 'market-commission', duty: 'drafter' },
  { login: 'qian.legal', displayName: '钱进（市法制办 承办人）', role: 'department', bodyId: 'legal-affairs-office', duty: 'drafter' },
];

/** Every account demo mode may make, each with the demo password until someone changes it. */
export const allDemoAccounts: readonly DemoAccount[] = [...demoAccounts, ...demoDrafters];

/**
 * The bodies named in the seed notice and their groups, in the Tianjin
 * registry. Loaded only where missing: the office's edits, aliases and merges
 * survive every start.
 */
export async function loadBodies(prisma: PrismaClient): Promise<void> {
  await prisma.registry.upsert({ where: { id: 'tianjin' }, create: { id: 'tianjin', name: '天津市人民政府' }, update: {} });
  const existing = new Set((await prisma.body.findMany({ select: { id: true } })).map((b) => b.id));
  const missing = tianjinBodies.filter((body) => !existing.has(body.id));
  for (const body of missing) {
    const fields = { registryId: 'tianjin', shortName: body.shortName, fullName: body.fullName, kind: body.kind, aliases: JSON.stringify(body.aliases) };
    await prisma.body.upsert({ where: { id: body.id }, create: { id: body.id, ...fields }, update: {} });
  }
  for (const body of missing) {
    for (const memberId of body.members ?? []) {
      const key = { groupId: body.id, memberId };
      await prisma.bodyMember.upsert({ where: { groupId_memberId: key }, create: key, update: {} });
    }
  }
}

/** Demo mode: the bodies and the demo accounts with the demo password (existing accounts are kept as they are). */
export async function loadReferenceData(prisma: PrismaClient, password: string): Promise<void> {
  await loadBodies(prisma);
  const existing = new Set((await prisma.account.findMany({ select: { login: true } })).map((a) => a.login));
  for (const account of demoAccounts.filter((a) => !existing.has(a.login))) {
    await prisma.account.create({
      data: { id: `account-${account.login}`, ...account, email: `${account.login}@duban.example`, passwordHash: await hash(password) },
    });
  }
}

/** Demo mode: the demo 承办人 not yet made, in one write transaction (the worker writes at start-up too); existing ones are kept as they are. */
export async function loadDemoDrafters(prisma: PrismaClient, password: string): Promise<void> {
  const passwordHash = await hash(password);
  await prisma.$transaction(async (tx) => {
    const existing = new Set((await tx.account.findMany({ where: { login: { in: demoDrafters.map((a) => a.login) } }, select: { login: true } })).map((a) => a.login));
    for (const account of demoDrafters.filter((a) => !existing.has(a.login))) {
      await tx.account.create({ data: { id: `account-${account.login}`, ...account, email: `${account.login}@duban.example`, passwordHash } });
    }
  });
}

/** What a production start did about the administrator, for `npm start` to say once. */
export type AdministratorSetup = { login: 'admin'; password: string | null } | null;

/**
 * Production (DUBAN_DEMO=0): no account keeps a known password. Demo accounts
 * that still have the demo password are disabled (and their sessions end); the
 * administrator `admin` is created, or taken back from the demo password, with
 * DUBAN_ADMIN_PASSWORD or a generated password (returned, to print once), and
 * must change it at the first sign-in. Safe on every start and on replicas
 * starting together: only the one that sets the password reports it.
 */
export async function prepareProduction(prisma: PrismaClient, options: { demoPassword: string; adminPassword?: string }): Promise<AdministratorSetup> {
  const demoLogins = allDemoAccounts.map((a) => a.login);
  const known = await prisma.account.findMany({ where: { login: { in: demoLogins } } });
  const withDemoPassword = [];
  for (const account of known) if (await verify(account.passwordHash, options.demoPassword).catch(() => false)) withDemoPassword.push(account);
  const others = withDemoPassword.filter((a) => a.login !== 'admin').map((a) => a.id);
  if (others.length) {
    await prisma.account.updateMany({ where: { id: { in: others } }, data: { active: false } });
    await prisma.session.updateMany({ where: { accountId: { in: others }, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  const admin = known.find((a) => a.login === 'admin');
  if (admin && !withDemoPassword.includes(admin)) return null;
  const password = options.adminPassword ?? generatePassword(16);
  const fields = { passwordHash: await hash(password), mustChangePassword: true, active: true, role: 'admin', bodyId: null };
  if (admin) {
    // Only the replica whose update still finds the demo hash reports the new password.
    const { count } = await prisma.account.updateMany({ where: { id: admin.id, passwordHash: admin.passwordHash }, data: fields });
    await prisma.session.updateMany({ where: { accountId: admin.id, revokedAt: null }, data: { revokedAt: new Date() } });
    return count ? { login: 'admin', password: options.adminPassword ? null : password } : null;
  }
  try {
    await prisma.account.create({ data: { id: 'account-admin', login: 'admin', displayName: '系统管理员', email: null, ...fields } });
  } catch (error) {
    if (isUniqueViolation(error)) return null; // another replica made it
    throw error;
  }
  return { login: 'admin', password: options.adminPassword ? null : password };
}
