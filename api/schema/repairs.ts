import { attachmentsInOrder } from './attachments.ts';
import { availableRepairActions, type RepairAction, type RepairStatus } from '../../domain/repair/application.ts';
import { repairActUpdate } from '../../workflows/repair.ts';
import { fileRepairApplication } from '../../services/credit/cases.ts';
import { caseClosed, sendAction } from './updates.ts';
import { builder, type Context } from './builder.ts';
import { CreditRecordNode } from './credit.ts';
import { mutationErrors, NotFoundError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';
import { checkRequestId, requestIdDescription, updateIdOf } from '../../services/request-ids.ts';

const visibleRepairs = (ctx: Context) => (ctx.actor?.role === 'department' ? { filedByBodyId: ctx.actor.bodyId } : {});

const RepairStatusEnum = builder.enumType('RepairStatus', {
  values: {
    underReview: { description: '审核中 Under review' },
    approved: { description: '已修复 Approved: the record\'s publication ended' },
    refused: { description: '不予修复 Refused' },
  } as const,
});

export const RepairNode = builder.prismaNode('RepairApplication', {
  id: { field: 'id' },
  authScopes: async (a, ctx) => ctx.actor !== null && (ctx.actor.role !== 'department' || a.filedByBodyId === ctx.actor.bodyId),
  description: '信用修复申请 A credit repair application.',
  fields: (t) => ({
    applicationId: t.exposeString('id'),
    entity: t.relation('entity'),
    record: t.relation('record'),
    status: t.field({ type: RepairStatusEnum, resolve: (a) => a.status as RepairStatus }),
    statement: t.exposeString('statement'),
    filedByName: t.exposeString('filedByName'),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    reviewBy: t.expose('reviewBy', { type: 'DateTime', nullable: true, description: '审核期限 Review time limit.' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    overdue: t.exposeBoolean('overdue'),
    deadlineProvisional: t.exposeBoolean('provisional', {
      description: '审核期限暂按周末计算：该年度放假安排尚未录入，录入后自动重算 The limit counts weekends only: that year\'s holiday arrangement is not entered yet; it is re-timed once it is.',
    }),
    reasons: t.exposeString('reasons', { nullable: true, description: '不予修复的理由 Why it was refused.' }),
    policyVersion: t.exposeString('policyVersion'),
    evidence: t.prismaField({
      type: ['Attachment'],
      description: '纠正失信行为的证明材料 Evidence of correction, in the order filed.',
      resolve: (query, a, _args, ctx) => attachmentsInOrder(ctx.prisma, query, a.evidence),
    }),
    commitment: t.prismaField({
      type: 'Attachment',
      nullable: true,
      description: '信用承诺书 The signed credit commitment.',
      resolve: (query, a, _args, ctx) => (a.commitment ? ctx.prisma.attachment.findUnique({ ...query, where: { id: a.commitment } }) : null),
    }),
    timeline: t.prismaField({
      type: ['CaseEvent'],
      resolve: (query, a, _args, ctx) => ctx.prisma.caseEvent.findMany({ ...query, where: { caseId: a.id }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

builder.queryField('repairApplications', (t) =>
  t.prismaConnection({
    type: 'RepairApplication',
    cursor: 'id',
    authScopes: { signedIn: true },
    args: { status: t.arg.string(), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.repairApplication.count({ where: { ...visibleRepairs(ctx), ...(args.status ? { status: args.status } : {}) } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.repairApplication.findMany({ ...withOffset(query, args.offset), where: { ...visibleRepairs(ctx), ...(args.status ? { status: args.status } : {}) }, orderBy: { filedAt: 'desc' } }),
  }),
);

const RepairInput = builder.inputType('ApplyForRepairInput', {
  fields: (t) => ({
    recordId: t.globalID({ for: CreditRecordNode, required: true }),
    statement: t.string({ required: true, description: '纠正失信行为的说明 How the conduct was corrected.' }),
    evidence: t.stringList({ description: 'Attachment ids: evidence of correction.' }),
    commitment: t.string({ description: 'Attachment id of the signed credit commitment (信用承诺书).' }),
    requestId: t.string({ description: requestIdDescription }),
  }),
});

builder.mutationField('applyForRepair', (t) =>
  t.field({
    type: RepairNode,
    description: '申请信用修复；不符合条件的申请即时说明理由 Applies to repair a record; an ineligible application is refused at once with the reasons.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RepairInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = await fileRepairApplication(ctx, ctx.actor!, {
        recordId: input.recordId.id, statement: input.statement, evidence: input.evidence ?? [], commitment: input.commitment ?? null, requestId: checkRequestId(input.requestId),
      });
      return ctx.prisma.repairApplication.findUniqueOrThrow({ where: { id } });
    },
  }),
);

builder.mutationField('decideRepair', (t) =>
  t.field({
    type: RepairNode,
    description: '审核信用修复申请 Approves or refuses (with reasons) a repair application.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: {
      applicationId: t.arg.globalID({ for: RepairNode, required: true }), approve: t.arg.boolean({ required: true }), text: t.arg.string(),
      requestId: t.arg.string({ description: requestIdDescription }),
    },
    resolve: async (_root, { applicationId, approve, text, requestId }, ctx) => {
      const id = applicationId.id;
      const updateId = updateIdOf(ctx.actor!, checkRequestId(requestId));
      if (!(await ctx.prisma.repairApplication.findUnique({ where: { id } }))) throw new NotFoundError('修复申请不存在。 No such repair application.');
      const action: RepairAction = approve ? { type: 'approve', comment: text ?? '' } : { type: 'refuse', reasons: text ?? '' };
      await sendAction(ctx, id, repairActUpdate, action, { operation: `${action.type} ${id}`, closed: caseClosed, updateId });
      return ctx.prisma.repairApplication.findUniqueOrThrow({ where: { id } });
    },
  }),
);

const RepairActionType = builder.enumType('RepairActionType', {
  values: { approve: { description: '准予修复 Approve' }, refuse: { description: '不予修复 Refuse, with reasons' } } as const,
});

builder.prismaObjectField(RepairNode, 'availableActions', (t) =>
  t.field({
    type: [RepairActionType],
    description: '当前登录者现在可执行的操作（decideRepair 的 approve: true / false；与修复流程同一校验规则） What the signed-in viewer may do now (decideRepair approving or refusing), by the rule its workflow checks.',
    select: { status: true },
    resolve: (a, _args, ctx) => (ctx.actor ? availableRepairActions({ status: a.status as RepairStatus }, ctx.actor) : []),
  }),
);
