import { hash } from '@node-rs/argon2';
import { tianjinBodies } from '../domain/bodies/tianjin.ts';
import { config } from './config.ts';
import type { PrismaClient } from './db.ts';

export type Role = 'supervisor' | 'department' | 'performance' | 'admin';

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  bodyId: string | null;
}

/** One account per workspace, so every role can be tried on a fresh start. */
export const demoAccounts: DemoAccount[] = [
  { login: 'supervisor', displayName: '市政府督查室 督办员', role: 'supervisor', bodyId: 'supervision-office' },
  { login: 'coordinator', displayName: '市市场监管委 统筹协调', role: 'supervisor', bodyId: 'market-commission' },
  { login: 'market', displayName: '市市场监管委 承办人', role: 'department', bodyId: 'market-commission' },
  { login: 'legal', displayName: '市法制办 承办人', role: 'department', bodyId: 'legal-affairs-office' },
  { login: 'heping', displayName: '和平区人民政府 承办人', role: 'department', bodyId: 'district-heping' },
  { login: 'performance', displayName: '市绩效办 考核员', role: 'performance', bodyId: 'performance-office' },
  { login: 'admin', displayName: '系统管理员', role: 'admin', bodyId: null },
];

export const demoPassword = (): string => config().demo.password;

/** Loads bodies and demo accounts; safe to run on every start (existing rows are kept as they are). */
export async function loadReferenceData(prisma: PrismaClient, password = demoPassword()): Promise<void> {
  for (const body of tianjinBodies) {
    const fields = {
      shortName: body.shortName,
      fullName: body.fullName,
      kind: body.kind,
      aliases: JSON.stringify(body.aliases),
    };
    await prisma.body.upsert({ where: { id: body.id }, create: { id: body.id, ...fields }, update: fields });
  }
  for (const body of tianjinBodies) {
    for (const memberId of body.members ?? []) {
      const key = { groupId: body.id, memberId };
      await prisma.bodyMember.upsert({ where: { groupId_memberId: key }, create: key, update: {} });
    }
  }
  const existing = new Set((await prisma.account.findMany({ select: { login: true } })).map((a) => a.login));
  for (const account of demoAccounts.filter((a) => !existing.has(a.login))) {
    await prisma.account.create({
      data: { id: `account-${account.login}`, ...account, email: `${account.login}@duban.example`, passwordHash: await hash(password) },
    });
  }
}
