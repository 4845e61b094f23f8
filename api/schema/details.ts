import type { ChecklistItem, Finding, JoiningBody, Outcome, PopulationFilter, SampleRule } from '../../domain/inspection/round.ts';
import type { RecordCorrection } from '../../domain/objection/case.ts';
import type { AttachmentRef } from '../../domain/supervision/types.ts';
import { builder } from './builder.ts';

/*
 * Typed views of what the read model keeps as JSON text: an event's details,
 * attachment lists, a round's published plan, a record's history. The JSON
 * string fields stay beside them, deprecated, for clients written against them.
 */

export const parse = <T>(text: string) => JSON.parse(text) as T;
const instant = (iso: unknown) => (typeof iso === 'string' ? new Date(iso) : null);
const strings = (value: unknown) => (Array.isArray(value) ? (value as string[]) : null);

export const RecordKindEnum = builder.enumType('CreditRecordKind', {
  values: {
    penalty: { description: '行政处罚 Administrative penalty' },
    abnormal: { description: '经营异常名录 Abnormal-operations list entry' },
    seriousViolation: { description: '严重违法失信名单 Serious-violation list entry' },
    refusedInspection: { description: '拒绝检查 Refused an inspection' },
  } as const,
});

export const RecordStatus = builder.enumType('CreditRecordStatus', {
  values: {
    active: { description: '有效 Counts towards the class' },
    corrected: { description: '已更正（撤销） Annulled by an objection' },
    repaired: { description: '已修复 Repaired: no longer counts' },
  } as const,
});

export const OutcomeEnum = builder.enumType('InspectionOutcome', {
  values: { pass: { description: '合格 Pass' }, fail: { description: '不合格 Fail' }, notApplicable: { description: '不适用 Not applicable' } } as const,
});

export const ObjectionTimeLimit = builder.enumType('ObjectionTimeLimit', {
  values: {
    acceptance: { description: '受理期限 Acceptance' },
    verification: { description: '核查期限 Verification' },
    provider: { description: '提供单位核实期限 The providing body\'s check' },
  } as const,
});

export const AttachmentRefType = builder.objectRef<AttachmentRef>('AttachmentRef').implement({
  description: '附件 A stored file as an event or report names it.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'SHA-256 of the content.' }),
    name: t.exposeString('name'),
    url: t.string({ description: 'Where to download it (the viewer must be allowed to see it).', resolve: (a) => `/attachments/${a.id}` }),
  }),
});

/** The typed twin of an attachments JSON column. */
export const attachedFiles = (row: { attachments: string }) => parse<AttachmentRef[]>(row.attachments);

export interface TaskEventData { until?: string; approve?: boolean; bodies?: string[]; blocking?: boolean; daysLeft?: number }

export const TaskEventDetails = builder.objectRef<TaskEventData>('TaskEventDetails').implement({
  description: '任务事件的详情 What an action or a notice recorded; which fields are set depends on the event type.',
  fields: (t) => ({
    until: t.field({
      type: 'DateTime', nullable: true, description: 'requestExtension: the deadline asked for; decideExtension: the deadline decided on.', resolve: (d) => instant(d.until),
    }),
    approve: t.exposeBoolean('approve', { nullable: true, description: 'decideExtension: approved (true) or refused.' }),
    designatedBodies: t.stringList({ nullable: true, description: 'designate: the bodies designated for the placeholder group.', resolve: (d) => strings(d.bodies) }),
    blocking: t.exposeBoolean('blocking', { nullable: true, description: 'setBlocking: the support is now required before the task closes.' }),
    daysLeft: t.exposeInt('daysLeft', { nullable: true, description: 'reminder, overdue, weekly: whole days left before the deadline (negative: days overdue).' }),
  }),
});

export interface RoundEventData {
  units?: string[]; bodies?: string[]; late?: boolean | string[]; included?: string[]; accepted?: string[]; overdue?: string[]; missing?: string[];
  filedOn?: string; filingNumber?: string; submittedOn?: string; daysLeft?: number;
}

export const RoundEventDetails = builder.objectRef<RoundEventData>('RoundEventDetails').implement({
  description: '轮次事件的详情 What a round or unit event recorded; which fields are set depends on the event type.',
  fields: (t) => ({
    bodyIds: t.stringList({ nullable: true, description: 'open: the bodies the round was opened for.', resolve: (d) => strings(d.bodies ?? d.units) }),
    submittedLate: t.boolean({ nullable: true, description: 'submit: after the deadline.', resolve: (d) => (typeof d.late === 'boolean' ? d.late : null) }),
    acceptedBodies: t.stringList({ nullable: true, description: 'consolidate: the bodies whose submission was accepted (and, for a filing, included).', resolve: (d) => strings(d.included ?? d.accepted) }),
    lateBodies: t.stringList({ nullable: true, description: 'consolidate: the bodies that submitted after the deadline.', resolve: (d) => strings(d.late) }),
    missingBodies: t.stringList({ nullable: true, description: 'consolidate: the bodies that never submitted.', resolve: (d) => strings(d.overdue ?? d.missing) }),
    filedOn: t.exposeString('filedOn', { nullable: true, description: 'recordFiling: the day the catalogue was filed (YYYY-MM-DD).' }),
    filingNumber: t.exposeString('filingNumber', { nullable: true, description: 'recordFiling: the filing\'s document number.' }),
    submittedOn: t.exposeString('submittedOn', { nullable: true, description: 'consolidate (evaluation): the day the summary went to the municipal government.' }),
    daysLeft: t.exposeInt('daysLeft', { nullable: true, description: 'reminder, overdue, weekly: whole days left before the deadline (negative: days overdue).' }),
  }),
});

export const RecordCorrectionType = builder.objectRef<RecordCorrection>('RecordCorrection').implement({
  description: '异议更正 How an objection corrected a record: annulled, or the fine amended.',
  fields: (t) => ({
    annul: t.boolean({ resolve: (c) => 'annul' in c }),
    amountYuan: t.float({ nullable: true, resolve: (c) => ('amountYuan' in c ? c.amountYuan : null) }),
  }),
});

export const SampleRuleType = builder.objectRef<SampleRule>('SampleRule').implement({
  description: '抽取规则 A ratio of the population, or a number of entities.',
  fields: (t) => ({
    ratio: t.float({ nullable: true, resolve: (r) => ('ratio' in r ? r.ratio : null) }),
    size: t.int({ nullable: true, resolve: (r) => ('size' in r ? r.size : null) }),
  }),
});

export const PopulationFilterType = builder.objectRef<PopulationFilter>('PopulationFilter').implement({
  description: '抽取范围：信用良好的主体，可限定区县和行业 Who is drawn from: entities rated 良好, in these districts and industries (none: all).',
  fields: (t) => ({ districts: t.exposeStringList('districts'), industries: t.exposeStringList('industries') }),
});

export const ChecklistItemType = builder.objectRef<ChecklistItem>('ChecklistItem').implement({
  description: '检查事项（一表共用） An item of the shared checklist.',
  fields: (t) => ({ id: t.exposeString('id'), text: t.exposeString('text') }),
});

export const JoiningBodyType = builder.objectRef<JoiningBody>('JoiningBody').implement({
  description: '参加单位及其职责范围 A joining body and its remit.',
  fields: (t) => ({ bodyId: t.exposeString('bodyId'), industries: t.exposeStringList('industries', { description: 'Its remit; empty: every industry.' }) }),
});

export const FindingType = builder.objectRef<Finding>('Finding').implement({
  description: '检查发现的问题，公示后成为信用记录 A finding; published, it becomes a credit record.',
  fields: (t) => ({
    kind: t.field({ type: RecordKindEnum, resolve: (f) => f.kind }),
    amountYuan: t.float({ nullable: true, resolve: (f) => f.amountYuan ?? null }),
    description: t.exposeString('description'),
  }),
});

export const ChecklistAnswerType = builder.objectRef<{ itemId: string; outcome: Outcome; note: string }>('ChecklistAnswer').implement({
  description: '对一项检查事项的结论 The answer to one checklist item.',
  fields: (t) => ({ itemId: t.exposeString('itemId'), outcome: t.field({ type: OutcomeEnum, resolve: (a) => a.outcome }), note: t.exposeString('note') }),
});

export interface RecordChange {
  caseId: string; type: 'corrected' | 'repaired'; at: string;
  before: { status?: string; amountYuan?: number | null; publication?: string }; correction?: RecordCorrection;
}

const RecordChangeKind = builder.enumType('CreditRecordChangeKind', {
  values: { corrected: { description: '异议更正 Corrected by an objection' }, repaired: { description: '信用修复 Repaired' } } as const,
});

export const CreditRecordChangeType = builder.objectRef<RecordChange>('CreditRecordChange').implement({
  description: '记录的更正或修复 A correction (by an objection) or repair of a record, with what it was before.',
  fields: (t) => ({
    caseId: t.exposeString('caseId', { description: 'The objection or repair application.' }),
    type: t.field({ type: RecordChangeKind, resolve: (c) => c.type }),
    at: t.field({ type: 'DateTime', resolve: (c) => new Date(c.at) }),
    statusBefore: t.field({ type: RecordStatus, nullable: true, resolve: (c) => (c.before.status ?? null) as typeof RecordStatus.$inferType | null }),
    amountYuanBefore: t.float({ nullable: true, resolve: (c) => c.before.amountYuan ?? null }),
    correction: t.field({ type: RecordCorrectionType, nullable: true, resolve: (c) => c.correction ?? null }),
  }),
});

export interface CaseEventData {
  recordId?: string; evidence?: string[]; commitment?: string | null; verifyBy?: string; replyBy?: string; reviewBy?: string; deadline?: string; publishBy?: string;
  providerBodyId?: string | null; confirmed?: boolean; correction?: RecordCorrection; limit?: 'acceptance' | 'verification' | 'provider'; byRule?: boolean; policy?: string;
  date?: string; sample?: SampleRule; filter?: PopulationFilter; seed?: string; populationHash?: string; populationSize?: number; sampled?: number;
  entityCode?: string; finding?: Finding | null; entityCodes?: string[];
}

export const CaseEventDetails = builder.objectRef<CaseEventData>('CaseEventDetails').implement({
  description: '时间线事件的详情 What a step of an objection, repair or inspection round recorded; which fields are set depends on the event type.',
  fields: (t) => ({
    recordId: t.exposeString('recordId', { nullable: true, description: 'filed, approved: the credit record concerned.' }),
    evidence: t.stringList({ nullable: true, description: 'filed: attachment ids of the evidence.', resolve: (d) => strings(d.evidence) }),
    commitment: t.exposeString('commitment', { nullable: true, description: 'filed (repair): attachment id of the signed commitment.' }),
    verifyBy: t.field({ type: 'DateTime', nullable: true, description: 'accepted: the verification time limit.', resolve: (d) => instant(d.verifyBy) }),
    providerBodyId: t.exposeString('providerBodyId', { nullable: true, description: 'providerAsked: the body asked to check its record.' }),
    replyBy: t.field({ type: 'DateTime', nullable: true, description: 'providerAsked: its time limit.', resolve: (d) => instant(d.replyBy) }),
    confirmed: t.exposeBoolean('confirmed', { nullable: true, description: 'providerReplied: the providing body confirms its record.' }),
    correction: t.field({ type: RecordCorrectionType, nullable: true, description: 'corrected: how the record was corrected.', resolve: (d) => d.correction ?? null }),
    limit: t.field({ type: ObjectionTimeLimit, nullable: true, description: 'overdue (objection): the time limit passed.', resolve: (d) => d.limit ?? null }),
    deadline: t.field({ type: 'DateTime', nullable: true, description: 'overdue: the time limit that passed.', resolve: (d) => instant(d.deadline) }),
    byRule: t.exposeBoolean('byRule', { nullable: true, description: 'refused (repair): refused by the eligibility rules at filing.' }),
    policy: t.exposeString('policy', { nullable: true, description: 'eligible, refused (repair): the repair policy version applied.' }),
    reviewBy: t.field({ type: 'DateTime', nullable: true, description: 'eligible: the review time limit.', resolve: (d) => instant(d.reviewBy) }),
    date: t.exposeString('date', { nullable: true, description: 'created (inspection): the round date.' }),
    sample: t.field({ type: SampleRuleType, nullable: true, description: 'created: the sample rule.', resolve: (d) => d.sample ?? null }),
    filter: t.field({ type: PopulationFilterType, nullable: true, description: 'created: who is drawn from.', resolve: (d) => d.filter ?? null }),
    seed: t.exposeString('seed', { nullable: true, description: 'drawn: the seed of the draw.' }),
    populationHash: t.exposeString('populationHash', { nullable: true, description: 'drawn: SHA-256 of the population.' }),
    populationSize: t.exposeInt('populationSize', { nullable: true, description: 'drawn: entities in the population.' }),
    sampled: t.exposeInt('sampled', { nullable: true, description: 'drawn: entities drawn.' }),
    entityCode: t.exposeString('entityCode', { nullable: true, description: 'recorded: the inspected entity.' }),
    finding: t.field({ type: FindingType, nullable: true, description: 'recorded: the finding, if any.', resolve: (d) => d.finding ?? null }),
    publishBy: t.field({ type: 'DateTime', nullable: true, description: 'recorded: the publication time limit.', resolve: (d) => instant(d.publishBy) }),
    entityCodes: t.stringList({ nullable: true, description: 'published, overdue (inspection): the results concerned.', resolve: (d) => strings(d.entityCodes) }),
  }),
});
