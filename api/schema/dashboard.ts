import { openStatuses, overdueFilter } from '../../domain/supervision/lights.ts';
import { unacknowledgedFilter } from '../../domain/supervision/receipt.ts';
import type { Actor, Light } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { visibleTasks } from '../auth/visibility.ts';
import { builder } from './builder.ts';
import { PlanNode } from './plans.ts';

type Counts = Record<Exclude<Light, 'none'>, number>;
const empty = (): Counts => ({ green: 0, yellow: 0, red: 0, done: 0 });

const LightCounts = builder.objectRef<Counts>('LightCounts').implement({
  description: '各色灯数量 How many are green, yellow, red and done.',
  fields: (t) => ({ green: t.exposeInt('green'), yellow: t.exposeInt('yellow'), red: t.exposeInt('red'), done: t.exposeInt('done') }),
});

const SectionLights = builder.objectRef<{ ordinal: number; title: string; planId: string; counts: Counts }>('SectionLights').implement({
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    title: t.exposeString('title'),
    counts: t.field({ type: LightCounts, resolve: (s) => s.counts }),
  }),
});

const BodyLoad = builder.objectRef<{ bodyId: string | null; bodyName: string; open: number; overdue: number }>('BodyLoad').implement({
  description: '单位承办情况 Open and overdue assignments of one body.',
  fields: (t) => ({
    body: t.prismaField({
      type: 'Body',
      nullable: true,
      resolve: (query, load, _args, ctx) => (load.bodyId ? ctx.prisma.body.findUnique({ ...query, where: { id: load.bodyId } }) : null),
    }),
    bodyName: t.exposeString('bodyName'),
    open: t.exposeInt('open'),
    overdue: t.exposeInt('overdue'),
  }),
});

interface DashboardData {
  tasks: Counts;
  assignments: Counts;
  sections: Array<{ ordinal: number; title: string; planId: string; counts: Counts }>;
  bodies: Array<{ bodyId: string | null; bodyName: string; open: number; overdue: number }>;
  unacknowledged: number;
}

const Dashboard = builder.objectRef<DashboardData>('Dashboard').implement({
  fields: (t) => ({
    tasks: t.field({ type: LightCounts, resolve: (d) => d.tasks }),
    assignments: t.field({ type: LightCounts, resolve: (d) => d.assignments }),
    sections: t.field({ type: [SectionLights], resolve: (d) => d.sections }),
    bodies: t.field({ type: [BodyLoad], description: 'Bodies with open assignments, most overdue first.', resolve: (d) => d.bodies }),
    unacknowledged: t.int({ description: '未签收的分工数 Assignments on open tasks not yet acknowledged by their body.', resolve: (d) => d.unacknowledged }),
  }),
});

const count = (counts: Counts, light: string, n: number) => {
  if (light in counts) counts[light as keyof Counts] += n;
};

async function dashboard(prisma: PrismaClient, actor: Actor | null, planId: string | undefined): Promise<DashboardData> {
  const taskWhere = { ...visibleTasks(actor), ...(planId ? { planId } : {}) };
  const now = new Date();
  const [byTask, bySection, sections, byAssignment, open, overdue, unacknowledged] = await Promise.all([
    prisma.task.groupBy({ by: ['light'], where: taskWhere, _count: true }),
    prisma.task.groupBy({ by: ['sectionId', 'light'], where: taskWhere, _count: true }),
    prisma.section.findMany({ where: { tasks: { some: taskWhere } }, orderBy: [{ planId: 'asc' }, { ordinal: 'asc' }] }),
    prisma.assignment.groupBy({ by: ['light'], where: { task: taskWhere }, _count: true }),
    prisma.assignment.groupBy({ by: ['bodyName', 'bodyId'], where: { task: { ...taskWhere, status: 'open' }, status: { in: [...openStatuses] } }, _count: true }),
    prisma.assignment.groupBy({ by: ['bodyName'], where: { task: { ...taskWhere, status: 'open' }, ...overdueFilter(now) }, _count: true }),
    prisma.assignment.count({ where: { task: { ...taskWhere, status: 'open' }, ...unacknowledgedFilter() } }),
  ]);
  const tasks = empty();
  for (const row of byTask) count(tasks, row.light, row._count);
  const assignments = empty();
  for (const row of byAssignment) count(assignments, row.light, row._count);
  const overdueBy = new Map(overdue.map((row) => [row.bodyName, row._count]));
  return {
    tasks,
    assignments,
    sections: sections.map((s) => {
      const counts = empty();
      for (const row of bySection.filter((r) => r.sectionId === s.id)) count(counts, row.light, row._count);
      return { ordinal: s.ordinal, title: s.title, planId: s.planId, counts };
    }),
    bodies: open
      .map((row) => ({ bodyId: row.bodyId, bodyName: row.bodyName, open: row._count, overdue: overdueBy.get(row.bodyName) ?? 0 }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    unacknowledged,
  };
}

builder.queryField('dashboard', (t) =>
  t.field({
    type: Dashboard,
    description: '督办总览 Counts by light for the plan, per section and per body, in one request.',
    authScopes: { signedIn: true },
    args: { planId: t.arg.globalID({ for: PlanNode }) },
    resolve: (_root, args, ctx) => dashboard(ctx.prisma, ctx.actor, args.planId?.id),
  }),
);

