import { usccCheckCharacter } from '../../domain/credit/uscc.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';

/** A valid unified social credit code for test entity number n (Tianjin 和平区 division). */
export function testCode(n: number): string {
  const first17 = `91120101MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export const actors = {
  supervisor: { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' } as Actor,
  market: { accountId: 'account-market', name: '市场监管委', role: 'department', bodyId: 'market-commission' } as Actor,
  legal: { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' } as Actor,
  heping: { accountId: 'account-heping', name: '和平区', role: 'department', bodyId: 'district-heping' } as Actor,
};

/** Registers an entity, rated good until its records say otherwise. */
export async function addEntity(prisma: PrismaClient, n: number, over: { district?: string; industry?: string } = {}): Promise<string> {
  const code = testCode(n);
  await prisma.marketEntity.create({
    data: { code, name: `测试商贸有限公司 ${n}`, registrationBody: '和平区市场监管局', district: over.district ?? '和平区', industry: over.industry ?? 'retail' },
  });
  return code;
}

export async function addRecord(
  prisma: PrismaClient,
  id: string,
  entityCode: string,
  over: { kind?: string; amountYuan?: number | null; date?: string; severity?: string; providerBodyId?: string | null } = {},
): Promise<void> {
  await prisma.creditRecord.create({
    data: {
      id, entityCode, kind: over.kind ?? 'penalty', amountYuan: over.amountYuan === undefined ? 10_000 : over.amountYuan, date: over.date ?? '2026-01-05',
      severity: over.severity ?? 'general', description: '未按规定明码标价', providerBodyId: over.providerBodyId === undefined ? 'market-commission' : over.providerBodyId,
      providerName: '市市场监管委', source: 'manual',
    },
  });
}

/** Adds `count` officers to a body's staff pool, ids "<prefix>-0", "<prefix>-1", … */
export async function addOfficers(prisma: PrismaClient, bodyId: string, prefix: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await prisma.enforcementOfficer.createMany({ data: ids.map((id, i) => ({ id, name: `执法人员 ${prefix} ${i}`, bodyId })) });
  return ids;
}
