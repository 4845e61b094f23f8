import type { AssignmentLine, BulletinFigures, EscalationMention, OverdueItem, UnitStanding } from '../../domain/bulletin/figures.ts';
import { bulletinFiguresOf, generateBulletin, mayReadBulletins } from '../../services/bulletins/generate.ts';
import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { mutationErrors } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';
import { PlanNode } from './plans.ts';
import { selection } from './selection.ts';

const eventsDescription = '依据的事件（督办部门可见） The recorded events up to the period end behind the row (the supervising office sees them).';

/** The events behind a row, oldest first: only the supervising office traces a row (a unit reads the bulletin as sent). */
const traceRow = <Q extends object>(ctx: Context, query: Q, eventIds: string[]) =>
  ctx.actor?.role === 'supervisor' ? ctx.prisma.taskEvent.findMany({ ...query, where: { id: { in: eventIds } }, orderBy: [{ at: 'asc' }, { seq: 'asc' }] }) : [];

const Headline = builder.objectRef<BulletinFigures['headline']>('BulletinHeadline').implement({
  description: '通报的总体数字（截至本期末） The headline counts as of the period end.',
  fields: (t) => ({
    tasks: t.exposeInt('tasks'),
    openTasks: t.exposeInt('openTasks'),
    closedTasks: t.exposeInt('closedTasks'),
    green: t.int({ resolve: (h) => h.lights.green }),
    yellow: t.int({ resolve: (h) => h.lights.yellow }),
    red: t.int({ resolve: (h) => h.lights.red }),
    done: t.int({ resolve: (h) => h.lights.done }),
    closedThisPeriod: t.exposeInt('closedThisPeriod', { description: '本期办结的分工 Assignments accepted in the period.' }),
    newlyOverdue: t.exposeInt('newlyOverdue', { description: '本期新增逾期 Overdue at the period end with a deadline inside the period.' }),
    longestOverdue: t.field({ type: BulletinOverdueItem, nullable: true, resolve: (h) => h.longestOverdue }),
    redSlips: t.int({ description: '本期发出的红色督办单 Red supervision slips issued in the period (0 on bulletins made before the ladder).', resolve: (h) => h.redSlips ?? 0 }),
    interviews: t.int({ description: '本期列入约谈 Interviews (约谈) called in the period.', resolve: (h) => h.interviews ?? 0 }),
  }),
});

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The fields of a bulletin line that names an assignment, with the events behind it. */
function assignmentLineFields<Line extends AssignmentLine & { eventIds: string[] }>(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Line>) {
  return {
    assignmentId: t.string({ resolve: (line) => line.assignmentId }),
    taskId: t.globalID({ description: 'The task, for its page.', resolve: (line) => ({ type: 'Task', id: line.taskId }) }),
    taskRef: t.string({ resolve: (line) => line.taskRef }),
    taskText: t.string({ resolve: (line) => line.taskText }),
    unitName: t.string({ resolve: (line) => line.unitName }),
    events: t.prismaField({ type: ['TaskEvent'], description: eventsDescription, resolve: (query, line, _args, ctx) => traceRow(ctx, query, line.eventIds) }),
  };
}

const EscalationActionEnum = builder.enumType('BulletinEscalationAction', {
  values: { redSlip: { description: '红色督办单 A red supervision slip' }, interview: { description: '约谈 An interview' } } as const,
});

const Mention = builder.objectRef<EscalationMention>('BulletinEscalation').implement({
  description: '通报所列红色督办单或约谈 A red supervision slip or interview of the period, as the bulletin mentions it.',
  fields: (t) => ({
    ...assignmentLineFields(t),
    action: t.field({ type: EscalationActionEnum, resolve: (e) => e.action }),
    slipNumber: t.exposeString('slipNumber', { nullable: true, description: '督办〔年〕n号; none for an interview.' }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    workingDays: t.exposeInt('workingDays', { description: '发出时逾期工作日 Working days overdue when it fired.' }),
  }),
});

const BulletinOverdueItem = builder.objectRef<OverdueItem>('BulletinOverdueItem').implement({
  description: '通报所列逾期事项，附其所依据的事件 An overdue assignment as the bulletin lists it, with the events behind it.',
  fields: (t) => ({
    ...assignmentLineFields(t),
    due: t.field({ type: 'DateTime', resolve: (o) => new Date(o.due) }),
    days: t.exposeInt('days', { description: '截至本期末逾期天数 Whole days overdue at the period end.' }),
  }),
});

const Standing = builder.objectRef<UnitStanding>('BulletinStanding').implement({
  description: '排名中一个单位的一行 A unit\'s line in the ranking: ties share a rank (1, 1, 3).',
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    unitName: t.exposeString('unitName'),
    responsiblePerson: t.string({ nullable: true, description: '通报所列负责人 The unit\'s 负责人 as the bulletin names them.', resolve: (r) => r.responsible ?? null }),
    due: t.exposeInt('due', { description: '截至本期末到期的分工 Assignments due in or before the period.' }),
    closedOnTime: t.exposeInt('closedOnTime', { description: '按期办结 Accepted on a submission made by the deadline.' }),
    overdue: t.exposeInt('overdue'),
    averageOverdueDays: t.float({ resolve: (r) => (r.overdue === 0 ? 0 : Math.round((r.overdueDays * 10) / r.overdue) / 10) }),
    assignmentIds: t.exposeStringList('assignmentIds', { description: 'The assignments counted, for tracing the row.' }),
    // A bulletin made before rows carried their events traces them once regenerated.
    events: t.prismaField({ type: ['TaskEvent'], description: eventsDescription, resolve: (query, r, _args, ctx) => traceRow(ctx, query, r.eventIds ?? []) }),
  }),
});

const OverdueGroup = builder.objectRef<BulletinFigures['overdue'][number]>('BulletinOverdueUnit').implement({
  fields: (t) => ({
    unitName: t.exposeString('unitName'),
    items: t.field({ type: [BulletinOverdueItem], resolve: (g) => g.items }),
  }),
});

export const BulletinNode = builder.prismaNode('Bulletin', {
  id: { field: 'id' },
  authScopes: (b, ctx) => mayReadBulletins(ctx.prisma, ctx.actor, b.planId),
  description: '督查通报 A supervision bulletin of a plan over a period, sent whole to every unit of the plan; its .docx at url.',
  fields: (t) => ({
    plan: t.relation('plan'),
    number: t.exposeInt('number', { description: '第N期 Its number within the plan.' }),
    periodStart: t.exposeString('periodStart', { description: 'YYYY-MM-DD (China Standard Time)' }),
    periodEnd: t.exposeString('periodEnd', { description: 'YYYY-MM-DD: the figures stand as of the end of this day.' }),
    issuer: t.exposeString('issuer'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy'),
    url: t.string({ description: 'The .docx.', resolve: (b) => `/exports/bulletins/${encodeURIComponent(b.id)}.docx` }),
    headline: t.field({ type: Headline, resolve: (b) => bulletinFiguresOf(b).headline }),
    ranking: t.field({ type: [Standing], resolve: (b) => bulletinFiguresOf(b).ranking }),
    overdue: t.field({ type: [OverdueGroup], resolve: (b) => bulletinFiguresOf(b).overdue }),
    escalations: t.field({
      type: [Mention], description: '本期红色督办及约谈 The red supervision slips and interviews of the period, oldest first.', resolve: (b) => bulletinFiguresOf(b).escalations ?? [],
    }),
    commended: t.stringList({ description: '通报表扬的单位 Units whose every assignment due in the period closed on time.', resolve: (b) => bulletinFiguresOf(b).commended.map((c) => c.unitName) }),
  }),
});

builder.queryField('bulletins', (t) =>
  t.prismaConnection({
    type: 'Bulletin',
    cursor: 'id',
    description: '方案的督查通报，最新在前（督办部门及方案各承办单位可见） A plan\'s bulletins, latest first (the supervising office and every unit of the plan).',
    authScopes: { signedIn: true },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), ...offsetArg() },
    totalCount: async (_p, { planId }, ctx) => ((await mayReadBulletins(ctx.prisma, ctx.actor, planId.id)) ? ctx.prisma.bulletin.count({ where: { planId: planId.id } }) : 0),
    resolve: async (query, _root, args, ctx) =>
      (await mayReadBulletins(ctx.prisma, ctx.actor, args.planId.id))
        ? ctx.prisma.bulletin.findMany({ ...withOffset(query, args.offset), where: { planId: args.planId.id }, orderBy: [{ periodEnd: 'desc' }, { id: 'asc' }] })
        : [],
  }),
);

builder.mutationField('generateBulletin', (t) =>
  t.prismaField({
    type: 'Bulletin',
    description: '督办部门生成（或重新生成）截至 periodEnd 的督查通报；本期从上期通报之后一天（或方案开始）起 The supervising office generates, or regenerates, a plan\'s bulletin up to periodEnd (YYYY-MM-DD, default today); the period starts after the previous bulletin, or at the plan\'s start.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), periodEnd: t.arg.string() },
    resolve: async (query, _root, args, ctx) => {
      const actor = ctx.actor!;
      const bulletin = await generateBulletin(ctx.prisma, ctx.dataDir, {
        planId: args.planId.id, periodEnd: args.periodEnd ?? null, by: { name: actor.name, bodyId: actor.bodyId }, now: Date.now(),
      });
      return ctx.prisma.bulletin.findUniqueOrThrow({ ...selection(query), where: { id: bulletin.id } });
    },
  }),
);
