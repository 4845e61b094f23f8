import { reportSections, type SelfEvaluationReport } from '../../domain/evaluation/report.ts';
import type { UnitAction, UnitStatus as UnitStatusValue } from '../../domain/rounds/unit.ts';
import { availableEvaluationRoundActions, type EvaluationRoundState } from '../../domain/evaluation/round.ts';
import { openEvaluationRound } from '../../services/rounds.ts';
import { evaluationRoundActUpdate } from '../../workflows/evaluation.ts';
import { unitActUpdate } from '../../workflows/round-unit.ts';
import { builder } from './builder.ts';
import { attachedFiles, AttachmentRefType } from './details.ts';
import { ActionRefused, mutationErrors } from './errors.ts';
import { selection } from './selection.ts';
import { Light, mayReadUnit, notFound, projected, RoundActionResult, roundClosed, UnitActionType, UnitStatus, unitFilter } from './rounds.ts';
import { storedAttachments } from '../../services/attachments.ts';
import { sendAction } from './updates.ts';

const EvaluationRoundStatus = builder.enumType('EvaluationRoundStatus', {
  values: { open: { description: '报送中 Open' }, consolidated: { description: '已汇总报市政府 Consolidated and sent' } } as const,
});

const ReportingUnitKind = builder.enumType('ReportingUnitKind', {
  values: { district: { description: '区县人民政府 A district or county government' }, department: { description: '市级审批部门 A municipal approval body' } } as const,
});

const ReportSection = builder.objectRef<{ key: string; title: string; text: string }>('ReportSection').implement({
  description: '专题报告的一部分 One section of a self-evaluation report.',
  fields: (t) => ({ key: t.exposeString('key'), title: t.exposeString('title'), text: t.exposeString('text') }),
});

export const UnitReportNode = builder.prismaNode('UnitReport', {
  id: { field: 'id' },
  authScopes: (r, ctx) => mayReadUnit(ctx.actor, r.bodyId),
  description: '自查评估专题报告 A reporting unit\'s self-evaluation special report in a yearly round.',
  fields: (t) => ({
    round: t.relation('round'),
    bodyId: t.exposeString('bodyId'),
    bodyName: t.exposeString('bodyName'),
    unitKind: t.field({ type: ReportingUnitKind, resolve: (r) => r.unitKind as typeof ReportingUnitKind.$inferType }),
    status: t.field({ type: UnitStatus, resolve: (r) => r.status as typeof UnitStatus.$inferType }),
    light: t.field({ type: Light, resolve: (r) => r.light as typeof Light.$inferType }),
    due: t.expose('due', { type: 'DateTime' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true, description: 'The first submission: on time or late is judged by it.' }),
    lastSubmittedAt: t.expose('lastSubmittedAt', { type: 'DateTime', nullable: true }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    returnCount: t.exposeInt('returnCount'),
    lastReason: t.exposeString('lastReason', { nullable: true }),
    sections: t.field({
      type: [ReportSection],
      resolve: (r) => {
        const content = r.content ? (JSON.parse(r.content) as Record<string, string>) : {};
        return reportSections.map((s) => ({ key: s.key, title: s.title, text: content[s.key] ?? '' }));
      },
    }),
    attachedFiles: t.field({ type: [AttachmentRefType], description: '报告的附件 The report\'s attachments.', resolve: attachedFiles }),
    attachments: t.string({ description: 'JSON list of attachment references.', deprecationReason: 'Use attachedFiles.', resolve: (r) => r.attachments }),
    history: t.prismaField({
      type: ['RoundEvent'],
      resolve: (query, r, _args, ctx) => ctx.prisma.roundEvent.findMany({ ...selection(query), where: { unitId: r.id }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

interface Summary {
  units: number;
  accepted: string[];
  late: string[];
  missing: string[];
}

export const EvaluationRoundNode = builder.prismaNode('EvaluationRound', {
  id: { field: 'id' },
  authScopes: { signedIn: true },
  description: '年度自查评估轮次 A yearly evaluation round.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    deadline: t.expose('deadline', { type: 'DateTime' }),
    status: t.field({ type: EvaluationRoundStatus, resolve: (r) => r.status as typeof EvaluationRoundStatus.$inferType }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    openedBySchedule: t.boolean({ resolve: (r) => r.openedBy === 'schedule' }),
    consolidatedAt: t.expose('consolidatedAt', { type: 'DateTime', nullable: true }),
    summaryDate: t.exposeString('summaryDate', { nullable: true, description: '汇总报市政府日期 YYYY-MM-DD' }),
    lateBodyIds: t.stringList({ description: '逾期报送 Submitted after the deadline (at consolidation).', resolve: (r) => (r.summary ? (JSON.parse(r.summary) as Summary).late : []) }),
    missingBodyIds: t.stringList({ description: '未报送 Nothing standing at consolidation.', resolve: (r) => (r.summary ? (JSON.parse(r.summary) as Summary).missing : []) }),
    reports: t.relation('reports', { query: (_args, ctx) => ({ where: unitFilter(ctx.actor), orderBy: [{ unitKind: 'desc' }, { bodyId: 'asc' }] }) }),
    timeline: t.prismaField({
      type: ['RoundEvent'],
      resolve: (query, r, _args, ctx) => ctx.prisma.roundEvent.findMany({ ...selection(query), where: { roundId: r.id, unitId: null }, orderBy: { seq: 'asc' } }),
    }),
  }),
});

builder.queryField('evaluationRounds', (t) =>
  t.prismaField({
    type: ['EvaluationRound'],
    description: '年度自查评估轮次，最新在前 Evaluation rounds, newest first.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.evaluationRound.findMany({ ...selection(query), orderBy: { year: 'desc' } }),
  }),
);

builder.mutationField('openEvaluationRound', (t) =>
  t.prismaField({
    type: 'EvaluationRound',
    description: '手动开启某年度的自查评估（每年一轮，计划任务也会自动开启） Opens a year\'s round by hand; one round per year.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { year: t.arg.int({ required: true }) },
    resolve: async (query, _root, { year }, ctx) => {
      const roundId = await openEvaluationRound(ctx, ctx.actor!, year);
      return projected(() => ctx.prisma.evaluationRound.findUnique({ ...selection(query), where: { id: roundId } }));
    },
  }),
);

const ReportActionInput = builder.inputType('ReportActionInput', {
  description: '对专题报告的操作 An action on a unit\'s report; submit needs every section.',
  fields: (t) => ({
    reportId: t.globalID({ for: UnitReportNode, required: true }),
    type: t.field({ type: UnitActionType, required: true }),
    comment: t.string(),
    followUp: t.string({ description: '取消和调整审批事项的运行及后续监管情况' }),
    benefits: t.string({ description: '企业和群众受益情况' }),
    marketVitality: t.string({ description: '市场活力' }),
    supervisionEfficiency: t.string({ description: '监管效能' }),
    attachmentIds: t.stringList(),
  }),
});

builder.mutationField('reportAction', (t) =>
  t.field({
    type: RoundActionResult,
    description: '报送、审核通过、退回修改、催报 Submit, accept, return for revision or urge a report.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReportActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = input.reportId.id;
      const report = await ctx.prisma.unitReport.findUnique({ where: { id } });
      if (!report || !mayReadUnit(ctx.actor, report.bodyId)) notFound(ctx, `report ${input.type}`);
      let action: UnitAction<SelfEvaluationReport>;
      if (input.type === 'submit') {
        const attachments = await storedAttachments(ctx.prisma, input.attachmentIds ?? []);
        action = {
          type: 'submit', comment: input.comment ?? '',
          submission: { followUp: input.followUp ?? '', benefits: input.benefits ?? '', marketVitality: input.marketVitality ?? '', supervisionEfficiency: input.supervisionEfficiency ?? '', attachments },
        };
      } else {
        action = { type: input.type, comment: input.comment ?? '' } as UnitAction<SelfEvaluationReport>;
      }
      return sendAction(ctx, id, unitActUpdate, action, { operation: `report ${input.type} ${id}`, closed: roundClosed });
    },
  }),
);

builder.mutationField('consolidateEvaluationRound', (t) =>
  t.field({
    type: RoundActionResult,
    description: '汇总专题报告报市政府（登记报送日期），列出逾期和未报单位 Consolidates the reports into the round summary sent to the municipal government.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: {
      roundId: t.arg.globalID({ for: EvaluationRoundNode, required: true }),
      submittedOn: t.arg.string({ required: true, description: 'YYYY-MM-DD the summary went to the municipal government.' }),
      comment: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const round = await ctx.prisma.evaluationRound.findUnique({ where: { id: args.roundId.id } });
      if (!round) notFound(ctx, 'consolidateEvaluationRound');
      if (round!.status !== 'open') throw new ActionRefused('本轮已汇总。 This round is already consolidated.');
      const action = { type: 'consolidate' as const, submittedOn: args.submittedOn, comment: args.comment ?? undefined };
      return sendAction(ctx, round!.id, evaluationRoundActUpdate, action, { operation: `evaluation consolidate ${round!.id}`, closed: roundClosed });
    },
  }),
);

const EvaluationRoundActionType = builder.enumType('EvaluationRoundActionType', {
  values: { consolidate: { description: '汇总报市政府 Consolidate the reports for the municipal government' } } as const,
});

builder.prismaObjectField('EvaluationRound', 'availableActions', (t) =>
  t.field({
    type: [EvaluationRoundActionType],
    description: '当前登录者现在可执行的操作（与评估轮次流程同一校验规则） What the signed-in viewer may do to this round now, by the rule its workflow checks.',
    select: { status: true, deadline: true, reports: { select: { status: true, bodyName: true } } },
    resolve: (r, _args, ctx) =>
      ctx.actor
        ? availableEvaluationRoundActions(
          { status: r.status as EvaluationRoundState['status'], deadline: r.deadline.toISOString(), units: r.reports.map((u) => ({ bodyName: u.bodyName, status: u.status as UnitStatusValue })) },
          ctx.actor, Date.now(),
        )
        : [],
  }),
);
