// Credit cases in the scripted workload, through the API as the console drives
// them: entities and records imported from CSV, two objections (one accepted and
// corrected, one refused) and a repair application with its evidence and signed
// commitment (approved). Every filing and decision carries a request id, so a
// call retried through an outage acts once. Only actions: no time limit is waited for.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { expect } from 'vitest';
import { attachmentFile } from '../../services/attachments.ts';
import { ruleRecord } from '../../readmodel/classes.ts';
import { classify, type CreditClass } from '../../domain/credit/classes.ts';
import { config } from '../../runtime/config.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { objectionQuery } from '../../workflows/objection.ts';
import { repairQuery } from '../../workflows/repair.ts';
import { testCode } from '../helpers/credit.ts';
import type { Workload } from './workload.ts';

/** What one batch of credit cases must end as. */
export interface CreditExpected {
  /** Entity code → its class once every case is decided. */
  classes: Record<string, CreditClass>;
  objections: Array<{ caseId: string; recordId: string; status: 'corrected' | 'refused'; amountYuan: number; evidence: string[] }>;
  repairs: Array<{ applicationId: string; recordId: string; evidence: string[]; commitment: string }>;
}

const entityHeader = '统一社会信用代码,名称,登记机关,区县,行业';
const recordHeader = '统一社会信用代码,记录类型,日期,罚款金额,情节,事由,提供单位,不予修复';
const fileOf = (name: string, lines: string[]) => ({ name, content: [...lines, ''].join('\r\n') });

/**
 * One batch: three entities numbered from `first` (unique per batch in a data
 * directory), each with one general penalty dated long enough ago to be repairable.
 * `tag` keeps request ids apart between batches and runs.
 */
export async function runCreditBatch(workload: Workload, first: number, tag: string): Promise<CreditExpected> {
  const [corrected, refused, repaired] = [first, first + 1, first + 2].map(testCode) as [string, string, string];
  const importQuery = (kind: string) =>
    `mutation ($f: File!) { importCreditData(kind: ${kind}, file: $f) { __typename ... on MutationImportCreditDataSuccess { data { imported skipped errors { row message } } } ... on Error { message } } }`;
  const entities = await workload.callWithFile(importQuery('entities'), {}, fileOf('主体.csv', [entityHeader, ...[corrected, refused, repaired].map((c, i) => `${c},天津故障测试商贸有限公司 ${first + i},和平区市场监管局,和平区,retail`)]), 'supervisor');
  expect(entities.errors).toEqual([]);
  const records = await workload.callWithFile(
    importQuery('records'),
    {},
    fileOf('记录.csv', [
      recordHeader,
      `${corrected},行政处罚,2025-03-01,300000,一般,虚假宣传 ${tag},市市场监管委,否`,
      `${refused},行政处罚,2025-03-01,50000,一般,未明码标价 ${tag},市市场监管委,否`,
      `${repaired},行政处罚,2025-03-01,60000,一般,销售过期食品 ${tag},市市场监管委,否`,
    ]),
    'supervisor',
  );
  expect(records.errors).toEqual([]);
  const recordOf = async (code: string) => {
    const entity = await workload.call(
      `query ($c: String!) { marketEntity(code: $c) { __typename ... on QueryMarketEntitySuccess { data { records { id recordId } } } ... on Error { message } } }`,
      { c: code },
      'heping',
    );
    return (entity.records as Array<{ id: string; recordId: string }>)[0]!;
  };

  const file = async (code: string, step: string) => {
    const record = await recordOf(code);
    const evidence = await workload.upload('heping', { name: '异议材料.txt', content: `异议材料 ${tag} ${code}` });
    const filed = await workload.call(
      'mutation ($i: FileObjectionInput!) { fileObjection(input: $i) { __typename ... on MutationFileObjectionSuccess { data { id caseId } } ... on Error { message } } }',
      { i: { entityCode: code, recordId: record.id, reasons: '处罚金额登记有误', evidence: [evidence], requestId: `${tag}-${step}-file` } },
      'heping',
    );
    return { ...(filed as { id: string; caseId: string }), recordId: record.recordId, evidence };
  };
  const act = (id: string, step: string, fields: Record<string, unknown>) =>
    workload.call(
      'mutation ($i: ObjectionActionInput!) { actOnObjection(input: $i) { __typename ... on MutationActOnObjectionSuccess { data { status } } ... on Error { message } } }',
      { i: { caseId: id, requestId: `${tag}-${step}`, ...fields } },
      'supervisor',
    );

  const correction = await file(corrected, 'corrected');
  await act(correction.id, 'corrected-accept', { type: 'accept', text: '材料齐全，予以受理' });
  await act(correction.id, 'corrected-correct', { type: 'correct', text: '经核实，罚款应为 2 万元', amountYuan: 20_000 });
  const refusal = await file(refused, 'refused');
  await act(refusal.id, 'refused-refuse', { type: 'refuse', text: '不属于异议受理范围' });

  const record = await recordOf(repaired);
  const evidence = await workload.upload('heping', { name: '整改报告.txt', content: `整改报告 ${tag} ${repaired}` });
  const commitment = await workload.upload('heping', { name: '信用承诺书.txt', content: `信用承诺书 ${tag} ${repaired}` });
  const applied = (await workload.call(
    'mutation ($i: ApplyForRepairInput!) { applyForRepair(input: $i) { __typename ... on MutationApplyForRepairSuccess { data { id applicationId status } } ... on Error { message } } }',
    { i: { recordId: record.id, statement: '已下架全部过期食品并完成整改', evidence: [evidence], commitment, requestId: `${tag}-repair-file` } },
    'heping',
  )) as { id: string; applicationId: string };
  await workload.call(
    'mutation ($id: ID!, $r: String!) { decideRepair(applicationId: $id, approve: true, text: "同意修复", requestId: $r) { __typename ... on MutationDecideRepairSuccess { data { status } } ... on Error { message } } }',
    { id: applied.id, r: `${tag}-repair-approve` },
    'supervisor',
  );

  return {
    classes: { [corrected]: 'warning', [refused]: 'warning', [repaired]: 'good' },
    objections: [
      { caseId: correction.caseId, recordId: correction.recordId, status: 'corrected', amountYuan: 20_000, evidence: [correction.evidence] },
      { caseId: refusal.caseId, recordId: refusal.recordId, status: 'refused', amountYuan: 50_000, evidence: [refusal.evidence] },
    ],
    repairs: [{ applicationId: applied.applicationId, recordId: record.recordId, evidence: [evidence], commitment }],
  };
}

/**
 * Batches one after another until `until` settles (at least one per API, at most `most`),
 * entities numbered from `first` by three; given several APIs, the batches take turns among them.
 */
export async function runCreditCases(workloads: Workload | Workload[], until: Promise<unknown>, first: number, tag: string, most = 8): Promise<CreditExpected[]> {
  const apis = Array.isArray(workloads) ? workloads : [workloads];
  let settled = false;
  void until.then(() => (settled = true), () => (settled = true));
  const done: CreditExpected[] = [];
  while (done.length < most && (done.length < apis.length || !settled)) {
    const n = done.length;
    done.push(await runCreditBatch(apis[n % apis.length]!, first + 3 * n, `${tag}-${n}`));
  }
  return done;
}

/** A case's timeline and audit: seq 1…n as the workflow recorded them, each written once. */
async function expectTimeline(prisma: PrismaClient, caseId: string, events: Array<{ seq: number; type: string }>) {
  const rows = await prisma.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' }, select: { seq: true, type: true } });
  expect(rows, `${caseId}: timeline`).toEqual(events.map((e) => ({ seq: e.seq, type: e.type })));
  expect(await prisma.auditEntry.count({ where: { key: { startsWith: `${caseId}#` } } }), `${caseId}: audit`).toBe(events.length);
}

async function expectFiles(prisma: PrismaClient, dataDir: string, owner: string, ids: string[]) {
  for (const id of ids) {
    expect(fs.existsSync(attachmentFile(dataDir, id)), `${owner}: file ${id}`).toBe(true);
    expect(await prisma.attachment.findUnique({ where: { id } }), `${owner}: attachment row ${id}`).not.toBeNull();
  }
}

/**
 * Every credit case workflow in the state the workload asked for, the read
 * model (case, record, entity class) equal to it, each step once in the
 * timeline, the audit log and the class history, and no file lost. Returns the
 * number of workflows checked.
 */
export async function checkCreditCases(prisma: PrismaClient, temporal: Client, dataDir: string, batches: CreditExpected[]): Promise<number> {
  let checked = 0;
  for (const batch of batches) {
    for (const o of batch.objections) {
      const state = await temporal.workflow.getHandle(o.caseId).query(objectionQuery);
      expect(state.status, o.caseId).toBe(o.status);
      const row = await prisma.objectionCase.findUniqueOrThrow({ where: { id: o.caseId } });
      expect({ status: row.status, version: row.version, evidence: JSON.parse(row.evidence) }, `${o.caseId}: read model`).toEqual({ status: state.status, version: state.events.length, evidence: o.evidence });
      await expectTimeline(prisma, o.caseId, state.events);
      const record = await prisma.creditRecord.findUniqueOrThrow({ where: { id: o.recordId } });
      expect({ amountYuan: record.amountYuan, underObjection: record.underObjection, status: record.status }, `${o.caseId}: record`).toEqual({ amountYuan: o.amountYuan, underObjection: false, status: 'active' });
      expect(JSON.parse(record.history), `${o.caseId}: record history`).toHaveLength(o.status === 'corrected' ? 1 : 0);
      await expectFiles(prisma, dataDir, o.caseId, o.evidence);
      checked++;
    }
    for (const r of batch.repairs) {
      const state = await temporal.workflow.getHandle(r.applicationId).query(repairQuery);
      expect(state.status, r.applicationId).toBe('approved');
      const row = await prisma.repairApplication.findUniqueOrThrow({ where: { id: r.applicationId } });
      expect({ status: row.status, version: row.version, evidence: JSON.parse(row.evidence), commitment: row.commitment }, `${r.applicationId}: read model`).toEqual({
        status: state.status, version: state.events.length, evidence: r.evidence, commitment: r.commitment,
      });
      await expectTimeline(prisma, r.applicationId, state.events);
      const record = await prisma.creditRecord.findUniqueOrThrow({ where: { id: r.recordId } });
      expect({ status: record.status, publication: record.publication, history: JSON.parse(record.history).length }, `${r.applicationId}: record`).toEqual({ status: 'repaired', publication: 'ended', history: 1 });
      await expectFiles(prisma, dataDir, r.applicationId, [...r.evidence, r.commitment]);
      checked++;
    }
    for (const [code, creditClass] of Object.entries(batch.classes)) {
      const entity = await prisma.marketEntity.findUniqueOrThrow({ where: { code }, include: { records: true, classChanges: { orderBy: { at: 'asc' } } } });
      // The stored class is the rule's verdict on the stored records, and the one the cases lead to.
      expect(entity.creditClass, `${code}: class`).toBe(classify(entity.records.map(ruleRecord), config().credit.classRule).creditClass);
      expect(entity.creditClass, `${code}: class`).toBe(creditClass);
      // Each change once, each from the class the one before left: good on import, the record's class, then the decision's.
      const changes = entity.classChanges.map((c) => ({ from: c.from, to: c.to }));
      changes.forEach((c, i) => expect(c.from, `${code}: class history ${i}`).toBe(i === 0 ? null : changes[i - 1]!.to));
      expect(changes.at(-1)?.to, `${code}: last change`).toBe(creditClass);
      expect(new Set(entity.classChanges.map((c) => c.cause)).size, `${code}: one change per cause`).toBe(changes.length);
    }
  }
  return checked;
}
