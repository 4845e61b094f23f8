import { attachmentsInOrder } from './attachments.ts';
import { availableObjectionActions, type ObjectionAction, type ObjectionStatus } from '../../domain/objection/case.ts';
import { objectionActUpdate } from '../../workflows/objection.ts';
import { fileObjectionCase } from '../../services/credit/cases.ts';
import { caseClosed, sendAction } from './updates.ts';
import { builder, type Context } from './builder.ts';
import { ObjectionTimeLimit, parse } from './details.ts';
import { CreditRecordNode } from './credit.ts';
import { mutationErrors, NotFoundError, ValidationError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';
import { checkRequestId, requestIdDescription, updateIdOf } from '../../services/request-ids.ts';

/** A department sees the objections its body filed or must check; the other roles see all. */
const visibleObjections = (ctx: Context) =>
  ctx.actor?.role === 'department' ? { OR: [{ filedByBodyId: ctx.actor.bodyId }, { providerBodyId: ctx.actor.bodyId }] } : {};

const ObjectionStatusEnum = builder.enumType('ObjectionStatus', {
  values: {
    filed: { description: '待受理 Filed, awaiting acceptance' },
    verifying: { description: '核查中 Accepted, being verified' },
    awaitingProvider: { description: '待提供单位核实 The providing body is checking its record' },
    refused: { description: '不予受理 Refused' },
    upheld: { description: '维持原记录 The record stands' },
    corrected: { description: '已更正 The record was corrected' },
  } as const,
});

export const ObjectionNode = builder.prismaNode('ObjectionCase', {
  id: { field: 'id' },
  authScopes: async (c, ctx) => ctx.actor !== null && (ctx.actor.role !== 'department' || c.filedByBodyId === ctx.actor.bodyId || c.providerBodyId === ctx.actor.bodyId),
  description: '异议 An objection case, from filing to decision.',
  fields: (t) => ({
    caseId: t.exposeString('id'),
    entity: t.relation('entity'),
    record: t.relation('record', { nullable: true }),
    status: t.field({ type: ObjectionStatusEnum, resolve: (c) => c.status as ObjectionStatus }),
    reasons: t.exposeString('reasons'),
    filedByName: t.exposeString('filedByName'),
    filedByBodyId: t.exposeString('filedByBodyId', { nullable: true }),
    providerBodyId: t.exposeString('providerBodyId', { nullable: true }),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    acceptBy: t.expose('acceptBy', { type: 'DateTime', description: '受理期限 Acceptance time limit.' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    verifyBy: t.expose('verifyBy', { type: 'DateTime', nullable: true, description: '核查期限 Verification time limit.' }),
    replyBy: t.expose('replyBy', { type: 'DateTime', nullable: true, description: '提供单位核实期限 The providing body\'s time limit.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    overdue: t.field({ type: [ObjectionTimeLimit], description: '已超过的期限 The time limits passed.', resolve: (c) => parse<Array<typeof ObjectionTimeLimit.$inferType>>(c.overdue) }),
    deadlineProvisional: t.exposeBoolean('provisional', {
      description: '期限暂按周末计算：该年度放假安排尚未录入，录入后自动重算 A running limit counts weekends only: that year\'s holiday arrangement is not entered yet; it is re-timed once it is.',
    }),
    evidence: t.prismaField({
      type: ['Attachment'],
      description: '异议的证明材料 The evidence filed with the objection, in the order filed.',
      resolve: (query, c, _args, ctx) => attachmentsInOrder(ctx.prisma, query, c.evidence),
    }),
    timeline: t.prismaField({
      type: ['CaseEvent'],
      resolve: (query, c, _args, ctx) => ctx.prisma.caseEvent.findMany({ ...query, where: { caseId: c.id }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

builder.queryField('objections', (t) =>
  t.prismaConnection({
    type: 'ObjectionCase',
    cursor: 'id',
    authScopes: { signedIn: true },
    args: { status: t.arg.string(), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.objectionCase.count({ where: { ...visibleObjections(ctx), ...(args.status ? { status: args.status } : {}) } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.objectionCase.findMany({ ...withOffset(query, args.offset), where: { ...visibleObjections(ctx), ...(args.status ? { status: args.status } : {}) }, orderBy: { filedAt: 'desc' } }),
  }),
);

const FileObjectionInput = builder.inputType('FileObjectionInput', {
  fields: (t) => ({
    entityCode: t.string({ required: true }),
    recordId: t.globalID({ for: CreditRecordNode, description: '异议的记录；不填则对信用等级提出异议 The record objected to; none: the class.' }),
    reasons: t.string({ required: true }),
    evidence: t.stringList({ description: 'Attachment ids (uploadAttachment).' }),
    requestId: t.string({ description: requestIdDescription }),
  }),
});

builder.mutationField('fileObjection', (t) =>
  t.field({
    type: ObjectionNode,
    description: '代市场主体提出异议 Files an objection for an entity; the case workflow starts with its time limits.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: FileObjectionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const caseId = await fileObjectionCase(ctx, ctx.actor!, {
        entityCode: input.entityCode, recordId: input.recordId?.id ?? null, reasons: input.reasons, evidence: input.evidence ?? [], requestId: checkRequestId(input.requestId),
      });
      return ctx.prisma.objectionCase.findUniqueOrThrow({ where: { id: caseId } });
    },
  }),
);

const ObjectionActionType = builder.enumType('ObjectionActionType', {
  values: {
    accept: { description: '受理 Accept' },
    refuse: { description: '不予受理 Refuse, with reasons' },
    askProvider: { description: '请提供单位核实 Ask the providing body to check' },
    providerReply: { description: '提供单位答复 The providing body replies' },
    uphold: { description: '维持 Uphold the record' },
    correct: { description: '更正 Correct the record' },
  } as const,
});

const ObjectionActionInput = builder.inputType('ObjectionActionInput', {
  fields: (t) => ({
    caseId: t.globalID({ for: ObjectionNode, required: true }),
    type: t.field({ type: ObjectionActionType, required: true }),
    text: t.string({ description: 'The comment, reasons, question or reply the type calls for.' }),
    confirmed: t.boolean({ description: 'providerReply: the record is right as it stands.' }),
    annul: t.boolean({ description: 'correct: annul the record (or, for a class objection, reclassify).' }),
    amountYuan: t.float({ description: 'correct: the corrected fine.' }),
    requestId: t.string({ description: requestIdDescription }),
  }),
});

function toObjectionAction(input: typeof ObjectionActionInput.$inferInput): ObjectionAction {
  const text = input.text ?? '';
  switch (input.type) {
    case 'accept':
      return { type: 'accept', comment: text };
    case 'refuse':
    case 'uphold':
      return { type: input.type, reasons: text };
    case 'askProvider':
      return { type: 'askProvider', question: text };
    case 'providerReply':
      if (input.confirmed == null) throw new ValidationError('请说明记录是否属实。 Say whether the record is confirmed.');
      return { type: 'providerReply', confirmed: input.confirmed, reply: text };
    case 'correct':
      if (input.annul) return { type: 'correct', reasons: text, correction: { annul: true } };
      if (input.amountYuan == null) throw new ValidationError('请选择撤销记录或填写更正后的罚款金额。 Annul the record or give the corrected fine.');
      return { type: 'correct', reasons: text, correction: { amountYuan: input.amountYuan } };
  }
}

builder.mutationField('actOnObjection', (t) =>
  t.field({
    type: ObjectionNode,
    description: '办理异议；由异议流程校验角色和状态 Acts on an objection; its workflow checks the actor and the step.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ObjectionActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = input.caseId.id;
      const requestId = checkRequestId(input.requestId);
      const found = await ctx.prisma.objectionCase.findFirst({ where: { id, ...visibleObjections(ctx) } });
      if (!found) throw new NotFoundError('异议不存在或不可见。 No such objection, or not visible to you.');
      const action = toObjectionAction(input);
      await sendAction(ctx, id, objectionActUpdate, action, { operation: `${action.type} ${id}`, closed: caseClosed, updateId: updateIdOf(ctx.actor!, requestId) });
      return ctx.prisma.objectionCase.findUniqueOrThrow({ where: { id } });
    },
  }),
);

builder.prismaObjectField(ObjectionNode, 'availableActions', (t) =>
  t.field({
    type: [ObjectionActionType],
    description: '当前登录者现在可执行的操作（与异议流程同一校验规则） What the signed-in viewer may do to this case now, by the rule its workflow checks.',
    select: { status: true, providerBodyId: true },
    resolve: (c, _args, ctx) => (ctx.actor ? availableObjectionActions({ status: c.status as ObjectionStatus, providerBodyId: c.providerBodyId }, ctx.actor) : []),
  }),
);
