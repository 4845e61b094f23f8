import { defaultPaceMarginPoints } from '../../domain/supervision/pace.ts';
import { setPaceMargin } from '../../services/plans/pace-margin.ts';
import { builder } from './builder.ts';
import { mutationErrors } from './errors.ts';
import { PlanNode } from './plans.ts';
import { selection } from './selection.ts';

builder.prismaObjectFields('Plan', (t) => ({
  paceMarginPoints: t.int({
    description: '序时进度容差：进度落后于时间进度超过多少个百分点即亮黄灯 Points of progress an assignment may fall behind the elapsed share of its time before it turns yellow.',
    select: { paceMarginPoints: true },
    resolve: (p) => p.paceMarginPoints ?? defaultPaceMarginPoints,
  }),
  mayChangePaceMargin: t.boolean({
    description: '当前登录者可否修改序时进度容差（setPaceMargin） Whether the signed-in viewer may change the margin (setPaceMargin).',
    resolve: (_p, _args, ctx) => ctx.actor?.role === 'supervisor',
  }),
}));

builder.mutationField('setPaceMargin', (t) =>
  t.prismaField({
    type: 'Plan',
    description: '督办部门修改方案的序时进度容差（0–100 个百分点），未办结的任务即按新容差计算灯色 The supervising office changes a plan\'s pace margin (0–100 points); open tasks light by it from now on.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), points: t.arg.int({ required: true }) },
    resolve: async (query, _root, { planId, points }, ctx) => {
      await setPaceMargin({ prisma: ctx.prisma, temporal: ctx.temporal }, ctx.actor!, planId.id, points);
      return ctx.prisma.plan.findUniqueOrThrow({ ...selection(query), where: { id: planId.id } });
    },
  }),
);
