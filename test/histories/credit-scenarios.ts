import { fileObjectionCase, fileRepairApplication } from '../../services/credit/cases.ts';
import type { RoundAction } from '../../domain/inspection/round.ts';
import { shanghaiDate } from '../../domain/time/instants.ts';
import { workingDayTimes } from '../../domain/time/working-day-calendar.ts';
import { actors, addEntity, addOfficers, addRecord, announceAndDraw } from '../helpers/credit.ts';
import { roundActUpdate } from '../../workflows/inspection.ts';
import { objectionActUpdate, objectionQuery } from '../../workflows/objection.ts';
import { repairActUpdate } from '../../workflows/repair.ts';
import { retimeUpdate } from '../../workflows/retime.ts';
import type { Scenario } from './scenarios.ts';

const day = 86_400_000;
const { supervisor, market, heping } = actors;

/** Objection cases, repair applications and an inspection round, each run to its end. */
export const creditScenarios: Scenario[] = [
  {
    name: 'objection-accepted-provider-asked-corrected',
    async run({ env, prisma, taskQueue }) {
      const code = await addEntity(prisma, 9001);
      await addRecord(prisma, 'replay-r1', code, { amountYuan: 200_000 });
      const caseId = await fileObjectionCase({ prisma, temporal: env.client, taskQueue }, heping, { entityCode: code, recordId: 'replay-r1', reasons: '金额有误', evidence: [] }, await env.currentTimeMs());
      const handle = env.client.workflow.getHandle(caseId);
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'accept' } }] });
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'askProvider', question: '请核实' } }] });
      await env.sleep(20 * day);
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: market, action: { type: 'providerReply', confirmed: false, reply: '应为 2 万元' } }] });
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'correct', reasons: '更正', correction: { amountYuan: 20_000 } } }] });
      return handle;
    },
  },
  {
    name: 'objection-verification-provisional-retimed-upheld',
    async run({ env, prisma, taskQueue }) {
      const code = await addEntity(prisma, 9007);
      await addRecord(prisma, 'replay-r7', code);
      const filedAt = await env.currentTimeMs();
      const caseId = await fileObjectionCase({ prisma, temporal: env.client, taskQueue }, heping, { entityCode: code, recordId: 'replay-r7', reasons: '不服', evidence: [] }, filedAt);
      const handle = env.client.workflow.getHandle(caseId);
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'accept' } }] });
      // The year of the verification deadline gets an arrangement making that day a holiday: the deadline moves.
      const verifyBy = shanghaiDate((await handle.query(objectionQuery)).verifyBy!);
      const arrangement = { year: Number(verifyBy.slice(0, 4)), holidays: [verifyBy], workingWeekends: [] };
      await handle.executeUpdate(retimeUpdate, { args: [workingDayTimes(filedAt - 7 * day, 500, [arrangement])] });
      await env.sleep(40 * day);
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'uphold', reasons: '记录无误' } }] });
      return handle;
    },
  },
  {
    name: 'objection-acceptance-overdue-refused',
    async run({ env, prisma, taskQueue }) {
      const code = await addEntity(prisma, 9002);
      await addRecord(prisma, 'replay-r2', code);
      const caseId = await fileObjectionCase({ prisma, temporal: env.client, taskQueue }, heping, { entityCode: code, recordId: 'replay-r2', reasons: '不服', evidence: [] }, await env.currentTimeMs());
      await env.sleep(10 * day);
      const handle = env.client.workflow.getHandle(caseId);
      await handle.executeUpdate(objectionActUpdate, { args: [{ actor: supervisor, action: { type: 'refuse', reasons: '超过异议期限' } }] });
      return handle;
    },
  },
  {
    name: 'repair-review-overdue-approved',
    async run({ env, prisma, taskQueue }) {
      const code = await addEntity(prisma, 9003);
      await addRecord(prisma, 'replay-r3', code, { date: shanghaiDate((await env.currentTimeMs()) - 200 * day) });
      await prisma.attachment.upsert({ where: { id: 'replay-evidence' }, create: { id: 'replay-evidence', name: 'e.pdf', size: 1, type: 'application/pdf', uploadedBy: 'replay' }, update: {} });
      const id = await fileRepairApplication({ prisma, temporal: env.client, taskQueue }, heping, { recordId: 'replay-r3', statement: '已整改', evidence: ['replay-evidence'], commitment: 'replay-evidence' }, await env.currentTimeMs());
      await env.sleep(30 * day);
      const handle = env.client.workflow.getHandle(id);
      await handle.executeUpdate(repairActUpdate, { args: [{ actor: supervisor, action: { type: 'approve' } }] });
      return handle;
    },
  },
  {
    name: 'repair-refused-too-early',
    async run({ env, prisma, taskQueue }) {
      const code = await addEntity(prisma, 9004);
      await addRecord(prisma, 'replay-r4', code, { date: shanghaiDate(await env.currentTimeMs()) });
      const id = await fileRepairApplication({ prisma, temporal: env.client, taskQueue }, heping, { recordId: 'replay-r4', statement: '已整改', evidence: [], commitment: null }, await env.currentTimeMs());
      return env.client.workflow.getHandle(id);
    },
  },
  {
    name: 'inspection-round-announced-drawn-recorded-overdue-published',
    async run({ env, prisma, taskQueue }) {
      const codes = [await addEntity(prisma, 9005, { district: '红桥区' }), await addEntity(prisma, 9006, { district: '红桥区' })];
      await addOfficers(prisma, 'environment', 'replay-env', 2);
      await addOfficers(prisma, 'market-commission', 'replay-mk', 2);
      await announceAndDraw({ prisma, temporal: env.client, taskQueue }, {
        roundId: 'replay-round', title: '回放样例', date: '2026-03-01', filter: { districts: ['红桥区'], industries: [] }, sample: { size: 2 },
        checklist: [{ id: 'licence', text: '营业执照公示' }], bodies: [{ bodyId: 'market-commission', industries: [] }, { bodyId: 'environment', industries: ['chemicals'] }],
        inspectorsPerBody: 2,
      }, 'beacon-of-replay-round', await env.currentTimeMs());
      const handle = env.client.workflow.getHandle('inspection:replay-round');
      const act = (action: RoundAction, actor = supervisor) => handle.executeUpdate(roundActUpdate, { args: [{ actor, action }] });
      await env.sleep(60_000);
      for (const code of codes) {
        await act({ type: 'record', entityCode: code, inspectorIds: ['replay-mk-0', 'replay-mk-1'], answers: [{ itemId: 'licence', outcome: code === codes[0] ? 'fail' : 'pass' }],
          finding: code === codes[0] ? { kind: 'abnormal', description: '未公示年报' } : null }, market);
      }
      await env.sleep(40 * day);
      await act({ type: 'publish', entityCodes: codes });
      return handle;
    },
  },
];
