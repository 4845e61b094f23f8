import { availableReportActions, type ReportAction, type ReportObligation } from '../../domain/reporting/obligations.ts';
import { reportingStatus, reportingStatuses } from '../../domain/reporting/status.ts';
import type { AttachmentRef } from '../../domain/supervision/types.ts';
import { storedAttachments } from '../../services/attachments.ts';
import { checkRequestId, requestIdDescription, updateIdOf } from '../../services/request-ids.ts';
import { reportActUpdate } from '../../workflows/task/reports.ts';
import { AttachmentInput } from './actions.ts';
import { recordDenial } from '../auth/denials.ts';
import { visibleTasks } from '../auth/visibility.ts';
import { Body } from './bodies.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, mutationErrors, NotFoundError } from './errors.ts';
import { PlanNode } from './plans.ts';
import { TaskNode } from './tasks.ts';
import { sendAction } from './updates.ts';

type ObligationRow = Awaited<ReturnType<Context['prisma']['reportObligation']['findMany']>>[number];
type BodyRow = NonNullable<Awaited<ReturnType<Context['prisma']['body']['findUnique']>>>;
type TaskRow = NonNullable<Awaited<ReturnType<Context['prisma']['task']['findUnique']>>>;

interface Cell {
  row: ObligationRow;
  body: BodyRow;
  task: TaskRow;
  taskStatus: 'open' | 'closed';
}

export const ReportingStatusEnum = builder.enumType('ReportingStatus', {
  description: '定期报告的报送情况 Where a period report stands.',
  values: {
    onTime: { description: '按时报送并已采纳 Filed by the deadline and accepted' },
    late: { description: '逾期报送并已采纳 Filed after the deadline and accepted' },
    missing: { description: '逾期未报 Past the deadline and not filed (or returned and not filed again)' },
    notDue: { description: '未到期 Not yet due' },
    submitted: { description: '已报送待审核 Filed, awaiting the office\'s decision' },
  } as const,
});
void reportingStatuses;

export const ReportActionTypeEnum = builder.enumType('PeriodReportActionType', {
  values: {
    fileReport: { description: '报送定期报告 File the period report' },
    acceptReport: { description: '采纳 Accept the period report' },
    returnReport: { description: '退回 Return the period report with reasons' },
    urgeReport: { description: '催报 Urge the body to file' },
  } as const,
});

const ReportAttachment = builder.objectRef<AttachmentRef>('PeriodReportAttachment').implement({
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name') }),
});

const standing = (row: ObligationRow): Pick<ReportObligation, 'status' | 'due' | 'submittedAt' | 'bodyId'> => ({
  status: row.status as ReportObligation['status'], due: row.due.toISOString(), submittedAt: row.submittedAt?.toISOString() ?? null, bodyId: row.bodyId,
});

export const ReportingCell = builder.objectRef<Cell>('ReportingCell').implement({
  description: '合规矩阵的一格：一个单位在一项任务一个周期的定期报告 One cell of the compliance grid: a body\'s period report for a task.',
  fields: (t) => ({
    body: t.field({ type: Body, resolve: (c) => c.body }),
    task: t.field({ type: TaskNode, resolve: (c) => c.task }),
    bodyName: t.string({ description: '单位名称（按通知写法） The body as the notice names it.', resolve: (c) => c.row.bodyName }),
    periodStart: t.field({ type: 'DateTime', resolve: (c) => c.row.periodStart }),
    periodEnd: t.field({ type: 'DateTime', description: '周期结束（不含） The end of the period (exclusive: the next period\'s start).', resolve: (c) => c.row.periodEnd }),
    due: t.field({ type: 'DateTime', resolve: (c) => c.row.due }),
    status: t.field({ type: ReportingStatusEnum, resolve: (c) => reportingStatus(standing(c.row), Date.now()) }),
    filedAt: t.field({ type: 'DateTime', nullable: true, description: '报送时间 When the report in force was filed.', resolve: (c) => c.row.submittedAt }),
    text: t.string({ nullable: true, description: '报告内容 What the body filed.', resolve: (c) => c.row.text }),
    percent: t.int({ nullable: true, description: '进度（%） The progress the body reported.', resolve: (c) => c.row.percent }),
    returnCount: t.int({ resolve: (c) => c.row.returnCount }),
    attachments: t.field({ type: [ReportAttachment], resolve: (c) => JSON.parse(c.row.attachments) as AttachmentRef[] }),
    availableActions: t.field({
      type: [ReportActionTypeEnum],
      description: '当前登录者现在可对该期报告执行的操作（与任务流程同一校验规则） What the signed-in viewer may do to this period report now, by the rule the workflow checks.',
      resolve: (c, _a, ctx) => (ctx.actor ? availableReportActions(c.taskStatus, standing(c.row), ctx.actor) : []),
    }),
  }),
});

/**
 * The cells of a plan an actor sees: every registered body's for the offices,
 * only the actor's own body's for a department. A body not in the registry has
 * no account to file with and no cell.
 */
export async function gridCells(ctx: Pick<Context, 'prisma' | 'actor'>, planId: string, where: { periodEnd?: Date; taskId?: string } = {}): Promise<Cell[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const own = actor.role === 'department' ? { bodyId: actor.bodyId ?? '' } : { bodyId: { not: null } };
  const rows = await ctx.prisma.reportObligation.findMany({
    where: { planId, ...own, ...(where.periodEnd ? { periodEnd: where.periodEnd } : {}), ...(where.taskId ? { taskId: where.taskId } : {}) },
    orderBy: [{ taskId: 'asc' }, { bodyName: 'asc' }, { periodStart: 'asc' }],
  });
  const tasks = await ctx.prisma.task.findMany({ where: { AND: [{ id: { in: [...new Set(rows.map((r) => r.taskId))] } }, visibleTasks(actor)] } });
  const bodies = await ctx.prisma.body.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.bodyId!))] } } });
  const taskById = new Map(tasks.map((x) => [x.id, x]));
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  return rows.flatMap((row) => {
    const task = taskById.get(row.taskId);
    const body = bodyById.get(row.bodyId!);
    return task && body ? [{ row, task, body, taskStatus: task.status as 'open' | 'closed' }] : [];
  });
}

builder.queryField('reportingGrid', (t) =>
  t.field({
    type: [ReportingCell],
    description: '方案的定期报告合规矩阵（单位×周期）；承办单位只见本单位的格 A plan\'s compliance grid of period reports (units × periods); a department sees only its own cells.',
    authScopes: { signedIn: true },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), taskId: t.arg.globalID({ for: TaskNode, description: '只看一项任务 Only this task.' }) },
    resolve: (_root, args, ctx) => gridCells(ctx, args.planId.id, { taskId: args.taskId?.id }),
  }),
);

const ReportActionInput = builder.inputType('PeriodReportActionInput', {
  description: '对一期定期报告的操作 An action on one period report.',
  fields: (t) => ({
    taskId: t.globalID({ for: TaskNode, required: true }),
    bodyName: t.string({ required: true }),
    periodStart: t.field({ type: 'DateTime', required: true }),
    type: t.field({ type: ReportActionTypeEnum, required: true }),
    comment: t.string({ description: 'fileReport: the report; returnReport, urgeReport: the reasons.' }),
    percent: t.int({ description: 'fileReport: the progress made, in percent (0–100).' }),
    attachments: t.field({ type: [AttachmentInput], description: 'fileReport: files uploaded with uploadAttachment.' }),
    requestId: t.string({ description: requestIdDescription }),
  }),
});

const ReportActionResult = builder.objectRef<{ seq: number; type: string; at: string }>('PeriodReportActionResult').implement({
  description: '已记录的事件 The event the action recorded.',
  fields: (t) => ({ seq: t.exposeInt('seq'), type: t.exposeString('type'), at: t.exposeString('at') }),
});

const closed = '该任务已办结。 This task is closed.';

builder.mutationField('actOnReport', (t) =>
  t.field({
    type: ReportActionResult,
    description: '报送、采纳、退回或催报一期定期报告；由任务流程校验角色和状态 Files, accepts, returns or urges one period report; the task\'s workflow checks the actor and the transition.',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReportActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!;
      checkRequestId(input.requestId);
      if (actor.role !== 'supervisor' && actor.role !== 'department') {
        recordDenial(ctx.prisma, actor, `actOnReport ${input.type}`, 'role may not act on tasks');
        throw new ForbiddenError('只有督办部门和承办单位可以办理定期报告。 Only the supervising office and departments act on period reports.');
      }
      const taskId = input.taskId.id;
      const task = await ctx.prisma.task.findFirst({ where: { AND: [{ id: taskId }, visibleTasks(actor)] }, select: { id: true } });
      if (!task) {
        recordDenial(ctx.prisma, actor, `actOnReport ${input.type} ${taskId}`, 'no such task, or not visible');
        throw new NotFoundError('任务不存在或不可见 No such task, or not visible to you.');
      }
      const base = { bodyName: input.bodyName, periodStart: input.periodStart.toISOString(), comment: input.comment ?? '' };
      const action: ReportAction = input.type === 'fileReport'
        ? {
          ...base, type: 'fileReport', ...(input.percent == null ? {} : { percent: input.percent }),
          attachments: await storedAttachments(ctx.prisma, (input.attachments ?? []).map((a) => a.id)),
        }
        : { ...base, type: input.type };
      return sendAction(ctx, taskId, reportActUpdate, action, {
        operation: `actOnReport ${input.type} ${taskId}/${input.bodyName}@${base.periodStart}`, closed, updateId: updateIdOf(actor, input.requestId ?? null),
      });
    },
  }),
);

/** When a body was last urged on a task (催办 or 催报): the urge interval counts both. */
async function lastUrged(ctx: Pick<Context, 'prisma'>, taskId: string, bodyName: string): Promise<Date | null> {
  const last = await ctx.prisma.taskEvent.findFirst({ where: { taskId, bodyName, type: { in: ['urge', 'reportUrged'] } }, orderBy: { seq: 'desc' }, select: { at: true } });
  return last?.at ?? null;
}

const UrgeMissingResult = builder.objectRef<{ urged: Cell[]; recentlyUrged: Cell[] }>('UrgeMissingReportsResult').implement({
  description: '跟催结果 What urging the missing reports did.',
  fields: (t) => ({
    urged: t.field({ type: [ReportingCell], description: '已催报的格 The cells urged.', resolve: (r) => r.urged }),
    recentlyUrged: t.field({
      type: [ReportingCell],
      description: '催办间隔内已催过、本次未再催的格 Cells left alone: their body was urged on the task within the configured interval.',
      resolve: (r) => r.recentlyUrged,
    }),
  }),
});

builder.mutationField('urgeMissingReports', (t) =>
  t.field({
    type: UrgeMissingResult,
    description:
      '跟催：对该周期所有逾期未报的格催报（同一单位同一任务在催办间隔内催过的不再催） Urges every missing cell of the period ending at periodEnd; a body urged on the task (催办 or 催报) within the configured urge interval is left alone and listed.',
    authScopes: { supervisor: true },
    errors: { types: mutationErrors },
    args: { planId: t.arg.globalID({ for: PlanNode, required: true }), periodEnd: t.arg({ type: 'DateTime', required: true }) },
    resolve: async (_root, args, ctx) => {
      const cells = (await gridCells(ctx, args.planId.id, { periodEnd: args.periodEnd })).filter((c) => reportingStatus(standing(c.row), Date.now()) === 'missing');
      const urged: Cell[] = [];
      const recentlyUrged: Cell[] = [];
      for (const cell of cells) {
        const last = await lastUrged(ctx, cell.row.taskId, cell.row.bodyName);
        if (last && Date.now() - last.getTime() < ctx.urgeIntervalMs) {
          recentlyUrged.push(cell);
          continue;
        }
        await sendAction(ctx, cell.row.taskId, reportActUpdate, {
          type: 'urgeReport', bodyName: cell.row.bodyName, periodStart: cell.row.periodStart.toISOString(), comment: '本期定期报告逾期未报，请尽快报送。',
        }, { operation: `urgeMissingReports ${cell.row.id}`, closed });
        urged.push(cell);
      }
      return { urged, recentlyUrged };
    },
  }),
);

/** The yearly special report (专题报告) is the evaluation round's: its unit reports as the grid's own row group, by the same status rule. */
export interface EvaluationCell {
  body: BodyRow;
  year: number;
  periodStart: Date;
  periodEnd: Date;
  due: Date;
  status: ObligationStatusValue;
  submittedAt: Date | null;
}
type ObligationStatusValue = ReportObligation['status'];

/** A unit report's status in an obligation's terms (pending: owed). */
const unitStatus = (status: string): ObligationStatusValue => (status === 'pending' ? 'assigned' : (status as ObligationStatusValue));
/** The Shanghai midnight opening a year. */
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);

const EvaluationReportingCell = builder.objectRef<EvaluationCell>('EvaluationReportingCell').implement({
  description: '合规矩阵中年度专题报告（自查评估轮次）的一格 One cell of the grid\'s yearly special report row group: a unit\'s report in an evaluation round.',
  fields: (t) => ({
    body: t.field({ type: Body, resolve: (c) => c.body }),
    year: t.exposeInt('year'),
    periodStart: t.field({ type: 'DateTime', resolve: (c) => c.periodStart }),
    periodEnd: t.field({ type: 'DateTime', resolve: (c) => c.periodEnd }),
    due: t.field({ type: 'DateTime', resolve: (c) => c.due }),
    status: t.field({ type: ReportingStatusEnum, resolve: (c) => reportingStatus({ status: c.status, due: c.due.toISOString(), submittedAt: c.submittedAt?.toISOString() ?? null }, Date.now()) }),
  }),
});

/** The yearly special report's cells the viewer sees (a department: its own), by round and unit; shared by the query and the grid's .xlsx. */
export async function evaluationCells(ctx: Pick<Context, 'prisma' | 'actor'>): Promise<EvaluationCell[]> {
  const actor = ctx.actor!;
  const reports = await ctx.prisma.unitReport.findMany({
    where: actor.role === 'department' ? { bodyId: actor.bodyId ?? '' } : {},
    include: { round: { select: { year: true } } },
    orderBy: [{ roundId: 'asc' }, { bodyName: 'asc' }],
  });
  const bodies = new Map((await ctx.prisma.body.findMany({ where: { id: { in: [...new Set(reports.map((r) => r.bodyId))] } } })).map((b) => [b.id, b]));
  return reports.flatMap((r) => {
    const body = bodies.get(r.bodyId);
    // A report returned and not filed again has no report in force: its submittedAt is the one accepted or awaiting.
    const submittedAt = r.status === 'returned' || r.status === 'pending' ? null : (r.lastSubmittedAt ?? r.submittedAt);
    return body ? [{ body, year: r.round.year, periodStart: yearStart(r.round.year), periodEnd: yearStart(r.round.year + 1), due: r.due, status: unitStatus(r.status), submittedAt }] : [];
  });
}

builder.queryField('evaluationReportingGrid', (t) =>
  t.field({
    type: [EvaluationReportingCell],
    description: '年度专题报告（自查评估轮次）的报送情况，作为合规矩阵的单独一组；承办单位只见本单位 The yearly special report (the evaluation rounds\' unit reports) as the grid\'s own row group; a department sees only its own.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => evaluationCells(ctx),
  }),
);
