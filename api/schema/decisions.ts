import { resolveArrayConnection } from '@pothos/plugin-relay';
import { owedStatuses } from '../../domain/supervision/lights.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { builder } from './builder.ts';
import { offsetArg } from './pagination.ts';
import { selection } from './selection.ts';

const DecisionKind = builder.enumType('DecisionKind', {
  values: {
    submission: { description: '报送待验收 A submitted assignment to accept or return' },
    extension: { description: '延期待审批 An extension request to decide' },
    catalogue: { description: '监管事项目录待审核 A filed catalogue to accept or return' },
    report: { description: '专项报告待审核 A special report to accept or return' },
    objection: { description: '异议待处理 An objection to accept, refuse or decide' },
    repair: { description: '信用修复待审核 A credit repair application to decide' },
  } as const,
});

type Kind = typeof DecisionKind.$inferType;

interface Decision {
  kind: Kind;
  /** The record's id in its own table. */
  recordId: string;
  waitingSince: Date;
}

/** Everything awaiting the supervising office's decision, oldest first. */
async function pendingDecisions(prisma: PrismaClient): Promise<Decision[]> {
  const [submitted, extensions, filings, reports, objections, repairs] = await Promise.all([
    prisma.assignment.findMany({ where: { status: 'submitted', task: { status: 'open' } }, select: { id: true, submittedAt: true, updatedAt: true } }),
    prisma.assignment.findMany({ where: { extensionUntil: { not: null }, status: { in: [...owedStatuses] }, task: { status: 'open' } }, select: { id: true, taskId: true, bodyName: true, updatedAt: true } }),
    prisma.bodyFiling.findMany({ where: { status: 'submitted' }, select: { id: true, lastSubmittedAt: true, updatedAt: true } }),
    prisma.unitReport.findMany({ where: { status: 'submitted' }, select: { id: true, lastSubmittedAt: true, updatedAt: true } }),
    prisma.objectionCase.findMany({ where: { status: { in: ['filed', 'verifying'] } }, select: { id: true, filedAt: true, acceptedAt: true } }),
    prisma.repairApplication.findMany({ where: { status: 'underReview' }, select: { id: true, filedAt: true } }),
  ]);
  const asked = await extensionRequestTimes(prisma, extensions);
  const items: Decision[] = [
    ...submitted.map((a) => ({ kind: 'submission' as const, recordId: a.id, waitingSince: a.submittedAt ?? a.updatedAt })),
    ...extensions.map((a) => ({ kind: 'extension' as const, recordId: a.id, waitingSince: asked.get(a.id) ?? a.updatedAt })),
    ...filings.map((f) => ({ kind: 'catalogue' as const, recordId: f.id, waitingSince: f.lastSubmittedAt ?? f.updatedAt })),
    ...reports.map((r) => ({ kind: 'report' as const, recordId: r.id, waitingSince: r.lastSubmittedAt ?? r.updatedAt })),
    ...objections.map((c) => ({ kind: 'objection' as const, recordId: c.id, waitingSince: c.acceptedAt ?? c.filedAt })),
    ...repairs.map((r) => ({ kind: 'repair' as const, recordId: r.id, waitingSince: r.filedAt })),
  ];
  return items.sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId));
}

/** When each pending extension was asked: its latest request event. */
async function extensionRequestTimes(prisma: PrismaClient, assignments: Array<{ id: string; taskId: string; bodyName: string }>): Promise<Map<string, Date>> {
  if (assignments.length === 0) return new Map();
  const events = await prisma.taskEvent.findMany({
    where: { type: 'requestExtension', taskId: { in: [...new Set(assignments.map((a) => a.taskId))] } },
    select: { taskId: true, bodyName: true, at: true },
  });
  const times = new Map<string, Date>();
  for (const e of events) {
    const id = `${e.taskId}/${e.bodyName}`;
    if (!times.has(id) || times.get(id)! < e.at) times.set(id, e.at);
  }
  return times;
}

const DecisionItem = builder.objectRef<Decision>('DecisionItem').implement({
  description: '待督办部门决定的事项 Something awaiting the supervising office\'s decision; exactly one of its records is set, by kind.',
  fields: (t) => ({
    id: t.id({ resolve: (d) => `${d.kind}:${d.recordId}` }),
    kind: t.field({ type: DecisionKind, resolve: (d) => d.kind }),
    waitingSince: t.expose('waitingSince', { type: 'DateTime', description: '提交或申请的时间 When it was submitted or asked.' }),
    assignment: t.prismaField({
      type: 'Assignment',
      nullable: true,
      resolve: (query, d, _a, ctx) => (d.kind === 'submission' || d.kind === 'extension' ? ctx.prisma.assignment.findUnique({ ...selection(query), where: { id: d.recordId } }) : null),
    }),
    filing: t.prismaField({
      type: 'BodyFiling',
      nullable: true,
      resolve: (query, d, _a, ctx) => (d.kind === 'catalogue' ? ctx.prisma.bodyFiling.findUnique({ ...selection(query), where: { id: d.recordId } }) : null),
    }),
    report: t.prismaField({
      type: 'UnitReport',
      nullable: true,
      resolve: (query, d, _a, ctx) => (d.kind === 'report' ? ctx.prisma.unitReport.findUnique({ ...selection(query), where: { id: d.recordId } }) : null),
    }),
    objection: t.prismaField({
      type: 'ObjectionCase',
      nullable: true,
      resolve: (query, d, _a, ctx) => (d.kind === 'objection' ? ctx.prisma.objectionCase.findUnique({ ...selection(query), where: { id: d.recordId } }) : null),
    }),
    repair: t.prismaField({
      type: 'RepairApplication',
      nullable: true,
      resolve: (query, d, _a, ctx) => (d.kind === 'repair' ? ctx.prisma.repairApplication.findUnique({ ...selection(query), where: { id: d.recordId } }) : null),
    }),
  }),
});

builder.queryField('decisionQueue', (t) =>
  t.connection(
    {
      type: DecisionItem,
      description: '待督办部门决定的事项，最早的在前：报送、延期申请、目录、专项报告、异议和信用修复 Everything awaiting the supervising office\'s decision, oldest first.',
      authScopes: { supervisor: true },
      args: { kind: t.arg({ type: DecisionKind, description: '只看一类 One kind only' }), ...offsetArg() },
      resolve: async (_root, args, ctx) => {
        const items = (await pendingDecisions(ctx.prisma)).filter((d) => !args.kind || d.kind === args.kind);
        // Page-based consoles jump to page N: offset skips rows when no cursor is given.
        const skipped = !args.after && !args.before && args.offset ? items.slice(Math.max(0, Math.min(args.offset, items.length))) : items;
        const connection = resolveArrayConnection({ args }, skipped);
        return { ...connection!, totalCount: items.length };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }) },
  ),
);
