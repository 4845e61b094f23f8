import { availableDecisions, checkAppealTaking, type AppealAction, type AppealStanding, type AppealStatus } from '../../domain/scoring/appeals.ts';
import type { Criterion } from '../../domain/scoring/score.ts';
import { availableSheetActions, sheetActionProblem, type SheetStatus } from '../../domain/scoring/sheet.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { passes } from '../../domain/errors.ts';
import { config } from '../../runtime/config.ts';
import { storedAttachments } from '../../services/attachments.ts';
import { announceScoreSheet, SheetRefused } from '../../services/score-appeals.ts';
import { scoreAppealsActUpdate, scoreAppealsWorkflowId } from '../../workflows/score-appeals.ts';
import { recordDenial } from '../auth/denials.ts';
import { attachmentsInOrder } from './attachments.ts';
import { builder, type Context } from './builder.ts';
import { ActionRefused, mutationErrors, NotFoundError } from './errors.ts';
import { mayReadAll, ScoreSheetNode } from './scores.ts';
import { selection } from './selection.ts';
import { sendAction } from './updates.ts';

/** What an action on a window answers once its workflow has ended. */
const windowClosed = '该评分已正式发布，公示已结束。 The final sheet is published: the publicity period is over.';

/** The appeal window a sheet version belongs to: its own, or the one whose appeal made it. */
async function windowOf(ctx: Pick<Context, 'prisma'>, sheet: { id: string; correctsAppealId: string | null }) {
  const windowId = sheet.correctsAppealId ? sheet.correctsAppealId.slice(0, sheet.correctsAppealId.indexOf('#')) : sheet.id;
  return ctx.prisma.scoreAppealWindow.findUnique({ where: { id: windowId }, include: { appeals: { select: { id: true, status: true } } } });
}

/** The window as the read model holds it, in the shape the window's rule reads. */
const standing = (w: { status: string; closesAt: Date; appeals: Array<{ id: string; status: string }> }): AppealStanding => ({
  status: w.status as AppealStanding['status'], closesAt: w.closesAt.getTime(), appeals: w.appeals.map((a) => ({ appealId: a.id, status: a.status as AppealStatus })),
});

/** A department sees its own body's appeals; the offices see all. */
const visibleAppeals = (ctx: Context) => (mayReadAll(ctx) ? {} : { bodyId: ctx.actor?.role === 'department' ? (ctx.actor.bodyId ?? '') : '' });

const AppealStatusEnum = builder.enumType('ScoreAppealStatus', {
  values: {
    pending: { description: '待处理 Awaiting the performance office' },
    upheld: { description: '维持扣分 The line stands' },
    corrected: { description: '已更正（核减） The line was withdrawn in a new sheet version' },
  } as const,
});

const DecisionEnum = builder.enumType('ScoreAppealDecision', {
  values: { uphold: { description: '维持 The line stands' }, correct: { description: '更正：核减该扣分项（生成新版本） Withdraw the line: a new sheet version' } } as const,
});

const WindowStatusEnum = builder.enumType('ScoreAppealWindowStatus', {
  values: {
    open: { description: '申诉期中 Units may appeal' },
    closed: { description: '申诉期已结束 No more appeals; the office decides, then publishes' },
    published: { description: '已正式发布 The final sheet is published' },
  } as const,
});

const WindowActionEnum = builder.enumType('ScoreAppealWindowAction', {
  values: { appeal: { description: '提出申诉 Appeal a line of one\'s own' }, publish: { description: '正式发布 Publish the final sheet' } } as const,
});

export const ScoreAppealNode = builder.prismaNode('ScoreAppeal', {
  id: { field: 'id' },
  authScopes: (a, ctx) => mayReadAll(ctx) || (ctx.actor?.role === 'department' && a.bodyId === ctx.actor.bodyId),
  description: '评分申诉 A unit\'s appeal against one line of its announced score, and the performance office\'s decision.',
  fields: (t) => ({
    appealId: t.exposeString('id'),
    bodyId: t.exposeString('bodyId'),
    bodyName: t.string({ resolve: async (a, _args, ctx) => (await ctx.prisma.body.findUnique({ where: { id: a.bodyId }, select: { shortName: true } }))?.shortName ?? a.bodyId }),
    sheetId: t.exposeString('sheetId', { description: 'The sheet version the line was appealed on.' }),
    criterion: t.exposeString('criterion'),
    source: t.exposeString('source'),
    detail: t.exposeString('detail', { description: 'The line as the sheet words it.' }),
    points: t.exposeFloat('points'),
    reason: t.exposeString('reason'),
    evidence: t.prismaField({
      type: ['Attachment'],
      description: '申诉的证明材料 The evidence filed with the appeal, in the order filed.',
      resolve: (query, a, _args, ctx) => attachmentsInOrder(ctx.prisma, query, a.evidence),
    }),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    filedByName: t.exposeString('filedByName'),
    status: t.field({ type: AppealStatusEnum, resolve: (a) => a.status as 'pending' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    decision: t.exposeString('decision', { nullable: true, description: '处理意见 The reasons given with the decision.' }),
    correctedSheetId: t.exposeString('correctedSheetId', { nullable: true, description: 'The sheet version the correction made.' }),
    availableActions: t.field({
      type: [DecisionEnum],
      description: '当前登录者现在可作的决定 What the viewer may decide on this appeal now, by decideScoreAppeal\'s rule.',
      resolve: async (a, _args, ctx) => {
        const window = await ctx.prisma.scoreAppealWindow.findUnique({ where: { id: a.windowId }, include: { appeals: { select: { id: true, status: true } } } });
        return window && ctx.actor ? availableDecisions(standing(window), ctx.actor, a.id, Date.now()) : [];
      },
    }),
  }),
});

builder.prismaObject('ScoreAppealWindow', {
  description: '评分公示期 A sheet\'s publicity period: units appeal their lines until closesAt (counted in working days); then the office decides and publishes.',
  fields: (t) => ({
    windowId: t.exposeString('id'),
    year: t.exposeInt('year'),
    sheetId: t.exposeString('sheetId', { description: 'The version now shown (a correction makes a new one).' }),
    status: t.field({ type: WindowStatusEnum, resolve: (w) => (w.status === 'open' && w.closesAt.getTime() <= Date.now() ? 'closed' : (w.status as 'open')) }),
    announcedAt: t.expose('announcedAt', { type: 'DateTime' }),
    announcedBy: t.exposeString('announcedBy'),
    appealWorkingDays: t.exposeInt('appealWorkingDays'),
    closesAt: t.expose('closesAt', { type: 'DateTime', description: '申诉截止 The end of the last working day units may appeal.' }),
    closesAtProvisional: t.exposeBoolean('provisional', {
      description: '截止时间暂按周末计算：该年度放假安排尚未录入 The end counts weekends only: that year\'s holiday arrangement is not entered yet; it is re-timed once it is.',
    }),
    appeals: t.relation('appeals', {
      description: '申诉（承办单位只看到本单位的） Appeals, in the order filed (a department sees its own).',
      query: (_args, ctx) => ({ where: visibleAppeals(ctx), orderBy: { filedAt: 'asc' } }),
    }),
    availableActions: t.field({
      type: [WindowActionEnum],
      description: '当前登录者现在可执行的操作 What the viewer may do now, by the window\'s own rule.',
      select: { status: true, closesAt: true, appeals: { select: { id: true, status: true } } },
      resolve: (w, _args, ctx) => {
        const actor = ctx.actor;
        if (!actor) return [];
        return (['appeal', 'publish'] as const).filter((type) => passes(() => checkAppealTaking(standing(w), actor, type, Date.now())));
      },
    }),
  }),
});

builder.prismaObjectField('ScoreSheet', 'appealWindow', (t) =>
  t.prismaField({
    type: 'ScoreAppealWindow',
    nullable: true,
    description: '公示期（公示过的版本） The publicity period this version belongs to, once announced.',
    select: { id: true, correctsAppealId: true },
    resolve: async (query, s, _args, ctx) => {
      const windowId = s.correctsAppealId ? s.correctsAppealId.slice(0, s.correctsAppealId.indexOf('#')) : s.id;
      return ctx.prisma.scoreAppealWindow.findUnique({ ...query, where: { id: windowId } });
    },
  }),
);

const ScoreSheetActionType = builder.enumType('ScoreSheetActionType', {
  values: { review: { description: '审核 Review' }, announce: { description: '公示 Announce to the units' }, publish: { description: '发布 Publish' } } as const,
});

builder.prismaObjectField('ScoreSheet', 'availableActions', (t) =>
  t.field({
    type: [ScoreSheetActionType],
    description: '当前登录者现在可执行的操作（与审核、公示、发布同一规则） What the signed-in viewer may do to this sheet now, by the rule reviewScoreSheet, announceScoreSheet and publishScoreSheet apply.',
    select: { id: true, status: true, correctsAppealId: true },
    resolve: async (s, _args, ctx) => {
      const actor = ctx.actor;
      if (!actor) return [];
      const window = s.status === 'announced' ? await windowOf(ctx, s) : null;
      const publishable = window !== null && passes(() => checkAppealTaking(standing(window), actor, 'publish', Date.now()));
      return availableSheetActions(s.status as SheetStatus, actor, publishable);
    },
  }),
);

builder.queryField('scoreAppeals', (t) =>
  t.prismaField({
    type: ['ScoreAppeal'],
    description: '评分申诉，最新在前（承办单位只看到本单位的） Appeals against score lines, newest first (a department sees its own).',
    authScopes: { signedIn: true },
    args: { year: t.arg.int(), status: t.arg({ type: AppealStatusEnum }) },
    resolve: (query, _root, { year, status }, ctx) =>
      ctx.prisma.scoreAppeal.findMany({
        ...query,
        where: { ...visibleAppeals(ctx), ...(status ? { status } : {}), ...(year ? { window: { year } } : {}) },
        orderBy: { filedAt: 'desc' },
        take: 500,
      }),
  }),
);

/** Refuses, as the mutations do, and keeps the denied attempt. */
function refused(ctx: Context, operation: string, problem: string): never {
  recordDenial(ctx.prisma, ctx.actor, operation, problem);
  throw new ActionRefused(problem);
}

builder.mutationField('announceScoreSheet', (t) =>
  t.prismaField({
    type: 'ScoreSheet',
    description: '公示评分表：各单位看到本单位的得分和扣分依据，可在申诉期内申诉 Shows a reviewed sheet to the units (公示): each sees its score and lines and may appeal within the appeal period.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: {
      id: t.arg.globalID({ for: ScoreSheetNode, required: true }),
      appealWorkingDays: t.arg.int({ description: '申诉期（工作日） Working days to appeal (default DUBAN_SCORE_APPEAL_WORKING_DAYS, 5; 0: no appeal period).' }),
    },
    resolve: async (query, _root, { id, appealWorkingDays }, ctx) => {
      const sheet = await ctx.prisma.scoreSheet.findUnique({ where: { id: id.id }, select: { id: true } });
      if (!sheet) throw new NotFoundError('评分表不存在 No such score sheet.');
      try {
        await announceScoreSheet(ctx, ctx.actor!, sheet.id, appealWorkingDays ?? config().scoreAppealWorkingDays);
      } catch (error) {
        if (error instanceof SheetRefused) refused(ctx, `announce score sheet ${sheet.id}`, error.message);
        throw error;
      }
      return ctx.prisma.scoreSheet.findUniqueOrThrow({ ...selection(query), where: { id: sheet.id } });
    },
  }),
);

builder.mutationField('publishScoreSheet', (t) =>
  t.prismaField({
    type: 'ScoreSheet',
    description: '正式发布评分表（申诉期结束、申诉均已处理后；发布后冻结） Publishes the announced sheet once its appeal period has ended and every appeal is decided; frozen from then on.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.globalID({ for: ScoreSheetNode, required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const sheet = await ctx.prisma.scoreSheet.findUnique({ where: { id: id.id } });
      if (!sheet) throw new NotFoundError('评分表不存在 No such score sheet.');
      const operation = `publish score sheet ${sheet.id}`;
      const problem = sheetActionProblem(sheet.status as SheetStatus, 'publish');
      if (problem) refused(ctx, operation, problem);
      const window = await windowOf(ctx, sheet);
      if (!window) refused(ctx, operation, '该评分表未经公示。 This sheet was not announced.');
      await sendAction(ctx, scoreAppealsWorkflowId(window.id), scoreAppealsActUpdate, { type: 'publish' } as AppealAction, { operation, closed: windowClosed });
      return ctx.prisma.scoreSheet.findUniqueOrThrow({ ...selection(query), where: { id: sheet.id } });
    },
  }),
);

const AppealScoreLineInput = builder.inputType('AppealScoreLineInput', {
  description: '对本单位一条扣分提出申诉 An appeal against one deduction of one\'s own score.',
  fields: (t) => ({
    sheetId: t.globalID({ for: ScoreSheetNode, required: true, description: 'The announced sheet (any version of it).' }),
    bodyId: t.string({ description: 'The body whose line it is (default: the signed-in unit\'s own).' }),
    criterion: t.string({ required: true, description: 'The deduction\'s criterion, as on the sheet (e.g. report).' }),
    source: t.string({ required: true, description: 'The deduction\'s source, as on the sheet.' }),
    reason: t.string({ required: true }),
    evidence: t.stringList({ description: 'Attachment ids (uploadAttachment).' }),
  }),
});

builder.mutationField('appealScoreLine', (t) =>
  t.prismaField({
    type: 'ScoreAppeal',
    description: '单位在申诉期内对本单位的扣分提出申诉（附理由和证明材料） A unit appeals a line of its own announced score within the appeal period, with reasons and evidence.',
    authScopes: { department: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AppealScoreLineInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const sheet = await ctx.prisma.scoreSheet.findUnique({ where: { id: input.sheetId.id }, select: { id: true, correctsAppealId: true } });
      if (!sheet) throw new NotFoundError('评分表不存在 No such score sheet.');
      const window = await windowOf(ctx, sheet);
      const operation = `appeal score line ${sheet.id}`;
      if (!window) refused(ctx, operation, '该评分表未经公示，不能申诉。 This sheet was not announced: nothing to appeal.');
      const evidence = input.evidence ?? [];
      await storedAttachments(ctx.prisma, evidence);
      const action: AppealAction = {
        type: 'appeal', bodyId: input.bodyId ?? (ctx.actor as Actor).bodyId ?? '', criterion: input.criterion as Criterion, source: input.source, reason: input.reason, evidence,
      };
      const event = await sendAction(ctx, scoreAppealsWorkflowId(window.id), scoreAppealsActUpdate, action, { operation, closed: windowClosed });
      return ctx.prisma.scoreAppeal.findUniqueOrThrow({ ...selection(query), where: { id: event.data.appealId as string } });
    },
  }),
);

const DecideScoreAppealInput = builder.inputType('DecideScoreAppealInput', {
  fields: (t) => ({
    appealId: t.globalID({ for: ScoreAppealNode, required: true }),
    decision: t.field({ type: DecisionEnum, required: true }),
    reason: t.string({ required: true, description: '处理意见 The reasons, shown to the unit.' }),
  }),
});

builder.mutationField('decideScoreAppeal', (t) =>
  t.prismaField({
    type: 'ScoreAppeal',
    description: '绩效办处理申诉：维持，或更正（核减该扣分项，生成评分表新版本） The performance office upholds the line, or corrects it: the line is withdrawn in a new sheet version.',
    authScopes: { performance: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: DecideScoreAppealInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const appeal = await ctx.prisma.scoreAppeal.findUnique({ where: { id: input.appealId.id }, select: { id: true, windowId: true } });
      if (!appeal) throw new NotFoundError('申诉不存在 No such appeal.');
      const action: AppealAction = { type: input.decision, appealId: appeal.id, reason: input.reason };
      await sendAction(ctx, scoreAppealsWorkflowId(appeal.windowId), scoreAppealsActUpdate, action, { operation: `${input.decision} score appeal ${appeal.id}`, closed: windowClosed });
      return ctx.prisma.scoreAppeal.findUniqueOrThrow({ ...selection(query), where: { id: appeal.id } });
    },
  }),
);
