import { rungActions, slipNumber, type LadderRung } from '../../domain/supervision/ladder.ts';
import { ladderOf } from '../../services/supervision/ladder-ports.ts';
import { mayReadSlip, setEscalationLadder } from '../../services/supervision/ladder.ts';
import { slipFileName } from '../../services/supervision/slip-document.ts';
import { builder } from './builder.ts';
import { TaskEventDetails } from './details.ts';
import { mutationErrors } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';
import { PlanNode } from './plans.ts';
import { selection } from './selection.ts';
import { TaskNode } from './tasks.ts';

const RungTriggerKind = builder.enumType('EscalationTriggerKind', {
  values: {
    workingDaysOverdue: { description: '逾期工作日数（按节假日安排） Working days overdue, on the office\'s holiday calendar' },
    urgesWithoutResponse: { description: '催办未回应次数 Urges without a response from the unit (any action of its own answers)' },
  } as const,
});

const RungAction = builder.enumType('EscalationAction', {
  values: {
    urge: { description: '催办通知 An urge notice' },
    yellowSlip: { description: '黄色督办单 A yellow supervision slip' },
    redSlip: { description: '红色督办单，并在下期通报中点名 A red slip, named in the next bulletin' },
    interview: { description: '约谈 An interview record' },
  } as const,
});

const Rung = builder.objectRef<LadderRung>('EscalationRung').implement({
  description: '督办升级规则的一级 A rung of a plan\'s escalation ladder: its trigger, action and score effect.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Stable across edits: a rung fired for an assignment stays fired.' }),
    triggerKind: t.field({ type: RungTriggerKind, resolve: (r) => r.trigger.kind }),
    triggerCount: t.int({ resolve: (r) => r.trigger.count }),
    action: t.field({ type: RungAction, resolve: (r) => r.action }),
    points: t.exposeInt('points', { description: '分值影响（负数为扣分），评分细则的“督办单扣分”项读取 Score effect in points (negative: a deduction), read by the rubric.' }),
  }),
});

const RungInput = builder.inputType('EscalationRungInput', {
  fields: (t) => ({
    id: t.string({ description: 'An existing rung\'s id to keep it (and what fired of it); absent: a new rung.' }),
    triggerKind: t.field({ type: RungTriggerKind, required: true }),
    triggerCount: t.int({ required: true }),
    action: t.field({ type: RungAction, required: true }),
    points: t.int({ required: true }),
  }),
});

type EscalatedData = { rungId?: string; slipNumber?: string };
builder.objectFields(TaskEventDetails, (t) => ({
  rungId: t.string({ nullable: true, description: 'escalated: the ladder rung issued (EscalationRung.id).', resolve: (d) => (d as EscalatedData).rungId ?? null }),
  slipNumber: t.string({ nullable: true, description: 'escalated, slipAcknowledged: the 督办单\'s number (督办〔年〕n号).', resolve: (d) => (d as EscalatedData).slipNumber ?? null }),
}));

builder.prismaObjectFields('Plan', (t) => ({
  escalationLadder: t.field({
    type: [Rung],
    description: '督办升级规则（未设置时为默认规则） The plan\'s escalation ladder (the default one until the office sets its own).',
    select: { escalationLadder: true },
    resolve: (p) => ladderOf(p),
  }),
}));

const ActionOnSlip = builder.enumType('SupervisionSlipAction', {
  values: { acknowledgeSlip: { description: '签收督办单 Acknowledge the slip (act with type acknowledgeSlip)' } } as const,
});

export const SupervisionSlipNode = builder.prismaNode('SupervisionSlip', {
  id: { field: 'id' },
  authScopes: (s, ctx) => mayReadSlip(ctx.actor, s),
  description: '督办单 A supervision slip issued to a unit for one overdue assignment; its .docx at url.',
  fields: (t) => ({
    number: t.string({ description: '督办〔年〕n号', resolve: (s) => slipNumber(s.year, s.serial) }),
    level: t.exposeString('level', { description: 'yellow | red' }),
    bodyName: t.exposeString('bodyName'),
    task: t.field({ type: TaskNode, resolve: (s, _args, ctx) => ctx.prisma.task.findUniqueOrThrow({ where: { id: s.taskId } }) }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    due: t.expose('due', { type: 'DateTime', description: 'The deadline in force when issued.' }),
    daysOverdue: t.exposeInt('daysOverdue', { description: 'Working days overdue when issued.' }),
    respondBy: t.expose('respondBy', { type: 'DateTime', description: 'By when the unit must report and explain.' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    acknowledgedBy: t.exposeString('acknowledgedBy', { nullable: true }),
    url: t.string({ description: 'The .docx.', resolve: (s) => `/exports/slips/${encodeURIComponent(s.id)}.docx` }),
    fileName: t.string({ resolve: (s) => slipFileName(s) }),
    availableActions: t.field({
      type: [ActionOnSlip],
      description: '当前登录者现在可对该督办单执行的操作 What the signed-in viewer may do to this slip now.',
      resolve: (s, _args, ctx) => (ctx.actor?.role === 'department' && ctx.actor.bodyId === s.bodyId && !s.acknowledgedAt ? ['acknowledgeSlip' as const] : []),
    }),
  }),
});

const slipsVisibleTo = (actor: { role: string; bodyId: string | null } | null) =>
  actor?.role === 'supervisor' ? {} : actor?.role === 'department' && actor.bodyId ? { bodyId: actor.bodyId } : { id: { in: [] as string[] } };

builder.prismaObjectFields('Task', (t) => ({
  supervisionSlips: t.prismaField({
    type: ['SupervisionSlip'],
    description: '该任务的督办单（督办部门全部，承办单位本单位的） The task\'s supervision slips: all for the office, its own for a unit.',
    select: { id: true },
    resolve: (query, task, _args, ctx) =>
      ctx.prisma.supervisionSlip.findMany({ ...query, where: { AND: [{ taskId: task.id }, slipsVisibleTo(ctx.actor)] }, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }] }),
  }),
}));

builder.queryField('supervisionSlips', (t) =>
  t.prismaConnection({
    type: 'SupervisionSlip',
    cursor: 'id',
    description: '督办单，最新在前：督办部门看全部，承办单位看发给本单位的 Supervision slips, newest first: all for the office, a unit\'s own for a department.',
    authScopes: { signedIn: true },
    args: { unacknowledgedOnly: t.arg.boolean(), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.supervisionSlip.count({ where: { AND: [slipsVisibleTo(ctx.actor), args.unacknowledgedOnly ? { acknowledgedAt: null } : {}] } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.supervisionSlip.findMany({
        ...withOffset(query, args.offset),
        where: { AND: [slipsVisibleTo(ctx.actor), args.unacknowledgedOnly ? { acknowledgedAt: null } : {}] },
        orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

/** A new rung's id: its action, numbered past any id the ladder already has. */
const newRungId = (action: string, taken: Set<string>) => {
  let id = action;
  for (let n = 2; taken.has(id); n += 1) id = `${action}-${n}`;
  taken.add(id);
  return id;
};

builder.mutationField('setEscalationLadder', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '督办部门设置方案的督办升级规则；修改只影响尚未触发的级别 The supervising office sets a plan\'s escalation ladder; edits apply to rungs not yet fired.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), rungs: t.arg({ type: [RungInput], required: true }) },
    resolve: async (query, _root, { planId, rungs }, ctx) => {
      const taken = new Set(rungs.flatMap((r) => (r.id ? [r.id] : [])));
      const ladder: LadderRung[] = rungs.map((r) => ({
        id: r.id ?? newRungId(r.action, taken),
        trigger: { kind: r.triggerKind, count: r.triggerCount },
        action: rungActions.includes(r.action) ? r.action : 'urge',
        points: r.points,
      }));
      await setEscalationLadder({ prisma: ctx.prisma, temporal: ctx.temporal }, ctx.actor!, planId.id, ladder);
      return ctx.prisma.plan.findUniqueOrThrow({ ...selection(query), where: { id: planId.id } });
    },
  }),
);
