import { compareTaskRefs } from '../../domain/plan/refs.ts';
import { mayRead, visiblePlans, visibleTasks } from '../auth/visibility.ts';
import { RegistryNode } from './bodies.ts';
import { builder } from './builder.ts';
import { offsetArg, withOffset } from './pagination.ts';

const Timeline = builder.enumType('Timeline', {
  values: {
    historic: { description: '按通知原定日期 The notice\'s own dates; past deadlines are overdue at once.' },
    rebased: { description: '整体平移到导入日 Every date shifted so the notice is dated on the import day (training, demos).' },
  } as const,
});

export { Timeline };

export const PlanNode = builder.prismaNode('Plan', {
  id: { field: 'id' },
  authScopes: (plan, ctx) => mayRead(ctx, 'plans', plan.id),
  description: '任务分工方案 An imported task-division notice.',
  fields: (t) => ({
    title: t.exposeString('title'),
    issuer: t.exposeString('issuer', { nullable: true }),
    issuedOn: t.exposeString('issuedOn', { nullable: true, description: '成文日期 YYYY-MM-DD' }),
    basis: t.exposeString('basis', { nullable: true, description: '所贯彻的文件 The document this plan implements.' }),
    timeline: t.field({ type: Timeline, resolve: (p) => p.timeline as typeof Timeline.$inferType }),
    shiftDays: t.exposeInt('shiftDays'),
    reminderDays: t.intList({ resolve: (p) => JSON.parse(p.reminderDays) as number[] }),
    warnings: t.stringList({
      description: '解析提示（中文在前，英文在后） The parser\'s warnings, each as its message (Chinese, then English).',
      // Plans imported before warnings were structured stored their messages.
      resolve: (p) => (JSON.parse(p.warnings) as Array<string | { message: string }>).map((w) => (typeof w === 'string' ? w : w.message)),
    }),
    sourceText: t.exposeString('sourceText'),
    registry: t.field({
      type: RegistryNode,
      nullable: true,
      description: '提交时匹配单位所用的登记册（发文政府） The registry its names were matched in when committed; null for plans from before registries.',
      resolve: (p, _args, ctx) => (p.registryId ? ctx.prisma.registry.findUnique({ where: { id: p.registryId } }) : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sections: t.relation('sections', { query: { orderBy: { ordinal: 'asc' } } }),
    requirements: t.relation('requirements', { query: { orderBy: { ordinal: 'asc' } } }),
  }),
});

builder.prismaObject('Section', {
  fields: (t) => ({
    id: t.exposeID('id'),
    ordinal: t.exposeInt('ordinal'),
    title: t.exposeString('title'),
    tasks: t.prismaField({
      type: ['Task'],
      description: '本章任务，按编号数字顺序 The section\'s tasks, refs in numeric order (1.2 before 1.10).',
      resolve: async (query, section, _args, ctx) =>
        (await ctx.prisma.task.findMany({ ...query, where: { AND: [{ sectionId: section.id }, visibleTasks(ctx.actor)] } })).sort((a, b) => compareTaskRefs(a.ref, b.ref)),
    }),
  }),
});

builder.prismaObject('Requirement', {
  description: '有关要求 A cross-cutting requirement of the plan, with its deadline or recurrence.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    due: t.expose('due', { type: 'DateTime', nullable: true }),
    recurrence: t.exposeString('recurrence', { nullable: true }),
    appliesTo: t.stringList({ resolve: (r) => JSON.parse(r.appliesTo) as string[] }),
  }),
});

builder.queryField('plans', (t) =>
  t.prismaConnection({
    type: 'Plan',
    cursor: 'id',
    authScopes: { signedIn: true },
    args: offsetArg(),
    totalCount: (_parent, _args, ctx) => ctx.prisma.plan.count({ where: visiblePlans(ctx.actor) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.plan.findMany({ ...withOffset(query, args.offset), where: visiblePlans(ctx.actor), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);
