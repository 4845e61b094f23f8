import { announceInspectionRound, type CaseDeps } from '../../services/credit/cases.ts';
import { usccCheckCharacter } from '../../domain/credit/uscc.ts';
import type { RoundPlan } from '../../domain/inspection/round.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { inspectionWorkflowId, roundDrawUpdate, roundQuery } from '../../workflows/inspection.ts';
import { eventually } from './eventually.ts';

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

/** A beacon source as an announcement names it (a drand round whose value does not exist yet). */
export const testBeaconSource = 'drand quicknet 第 99000000 轮（https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/public/99000000）';

/**
 * Announces a round as the supervising office, waits until its population is
 * frozen and published, then enters the beacon and draws.
 */
export async function announceAndDraw(deps: CaseDeps, plan: RoundPlan, beacon: string, now: number): Promise<void> {
  await announceInspectionRound(deps, actors.supervisor, plan, testBeaconSource, now);
  const handle = deps.temporal.workflow.getHandle(inspectionWorkflowId(plan.roundId));
  await eventually(async () => {
    const { status } = await handle.query(roundQuery);
    if (status !== 'announced') throw new Error(`round ${plan.roundId} is ${status}, not yet announced`);
  });
  await handle.executeUpdate(roundDrawUpdate, { args: [{ actor: actors.supervisor, action: { type: 'draw', beacon } }] });
}
