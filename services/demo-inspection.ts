import { announceInspectionRound, type CaseDeps } from './credit/cases.ts';
import { usccCheckCharacter } from '../domain/credit/uscc.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { shanghaiDate } from '../domain/time/instants.ts';
import { inspectionWorkflowId, roundDrawUpdate, roundQuery } from '../workflows/inspection.ts';

export const demoRoundId = 'DEMO-2026-01';
const supervisor: Actor = { accountId: 'account-supervisor', name: '市政府督查室 督办员', role: 'supervisor', bodyId: 'supervision-office' };

const entities: Array<[name: string, district: string, industry: string]> = [
  ['天津和平示范商贸有限公司', '和平区', '零售'], ['天津南开惠民超市有限公司', '南开区', '零售'], ['天津河西鲜味餐饮有限公司', '河西区', '餐饮'],
  ['天津和平老字号食品有限公司', '和平区', '食品生产'], ['天津南开便利连锁有限公司', '南开区', '零售'], ['天津河西粮油食品有限公司', '河西区', '食品生产'],
  ['天津和平海河餐饮管理有限公司', '和平区', '餐饮'], ['天津南开五金商行有限公司', '南开区', '零售'], ['天津河西烘焙食品有限公司', '河西区', '食品生产'],
  ['天津和平茶楼有限公司', '和平区', '餐饮'], ['天津南开文具百货有限公司', '南开区', '零售'], ['天津河西乳品有限公司', '河西区', '食品生产'],
];

/** A valid unified social credit code for demo entity n (Tianjin, 和平区 division). */
const demoCode = (n: number) => {
  const first17 = `91120101DM${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};

/**
 * One published inspection round for the demo: twelve entities rated good,
 * two bodies' staff pools (one officer with a declared conflict), a round
 * announced with its beacon source and drawn once the value is entered, so
 * its public page (/public/inspections/DEMO-2026-01) and data can be checked.
 * The beacon here is a demo value, not a real drand output.
 */
export async function loadDemoInspectionRound(deps: CaseDeps, now = Date.now()): Promise<void> {
  const { prisma, temporal } = deps;
  if (await prisma.inspectionRound.findUnique({ where: { id: demoRoundId } })) return;
  const officers = [
    ...['SW-001', 'SW-002', 'SW-003', 'SW-004'].map((id, i) => ({ id, name: `商务执法员 ${i + 1}`, bodyId: 'commerce' })),
    ...['WS-001', 'WS-002', 'WS-003'].map((id, i) => ({ id, name: `卫生监督员 ${i + 1}`, bodyId: 'health' })),
  ];
  const conflict = { officerId: 'SW-002', entityCode: demoCode(1) };
  // Upserts read before they write: with the lock taken first, the worker's writes at start-up make them wait, not fail.
  await prisma.$transaction(async (tx) => {
    for (const [i, [name, district, industry]] of entities.entries()) {
      const code = demoCode(i + 1);
      await tx.marketEntity.upsert({ where: { code }, create: { code, name, registrationBody: `${district}市场监管局`, district, industry }, update: {} });
    }
    for (const o of officers) await tx.enforcementOfficer.upsert({ where: { id: o.id }, create: o, update: {} });
    await tx.inspectorConflict.upsert({ where: { officerId_entityCode: conflict }, create: { ...conflict, reason: '亲属在该企业任职（演示）' }, update: {} });
  });

  await announceInspectionRound(deps, supervisor, {
    roundId: demoRoundId, title: '2026 年第一批市场主体双随机抽查（演示）', date: shanghaiDate(now), filter: { districts: [], industries: [] }, sample: { size: 4 },
    checklist: [{ id: '1', text: '营业执照公示' }, { id: '2', text: '明码标价' }, { id: '3', text: '食品安全管理制度' }],
    bodies: [{ bodyId: 'commerce', industries: [] }, { bodyId: 'health', industries: ['餐饮', '食品生产'] }], inspectorsPerBody: 2,
  }, '演示：drand quicknet 第 99000000 轮（https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/public/99000000）', now);
  const handle = temporal.workflow.getHandle(inspectionWorkflowId(demoRoundId));
  for (let i = 0; (await handle.query(roundQuery)).status !== 'announced'; i += 1) {
    if (i > 300) throw new Error(`The demo round ${demoRoundId} was not announced.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await handle.executeUpdate(roundDrawUpdate, { args: [{ actor: supervisor, action: { type: 'draw', beacon: 'a1f3e5c7b9d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4' } }] });
}
