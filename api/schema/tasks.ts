import { compareTaskRefs } from '../../domain/plan/refs.ts';
import { isBehindPace, overdueDays } from '../../domain/supervision/lights.ts';
import { unacknowledged } from '../../domain/supervision/receipt.ts';
import { deadlineInForce, type DeadlineInForce } from '../../domain/supervision/snapshot.ts';
import { assignmentStatuses, type AssignmentStatus } from '../../domain/supervision/types.ts';
import { config } from '../../runtime/config.ts';
import { mayRead, visibleTasks } from '../auth/visibility.ts';
import { Body } from './bodies.ts';
import { builder } from './builder.ts';
import { attachedFiles, AttachmentRefType, parse, TaskEventDetails, type TaskEventData } from './details.ts';
import { offsetArg, pageInOrder, withOffset } from './pagination.ts';
import { PlanNode } from './plans.ts';

export const Light = builder.enumType('Light', {
  values: {
    green: { description: '正常 On track' },
    yellow: { description: '预警 Due within 7 days, returned, or submitted late' },
    red: { description: '逾期 Overdue' },
    done: { description: '办结 Done' },
    none: { description: '不计 Not counted (withdrawn or replaced)' },
  } as const,
});

export const AssignmentStatusEnum = builder.enumType('AssignmentStatus', {
  values: assignmentStatuses,
});

const TaskStatus = builder.enumType('TaskStatus', {
  values: { open: { description: '办理中 Open' }, closed: { description: '已办结 Closed: every lead (and every required support) accepted' } } as const,
});

export const AssignmentRole = builder.enumType('AssignmentRole', {
  values: { lead: { description: '牵头/负责 Lead' }, support: { description: '配合 Support' } } as const,
});

/** Temporal Web UI address of a task's workflow. */
export const workflowUrl = (taskId: string, namespace: string) =>
  `${config().temporalUiUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(taskId)}`;

const TaskDeadline = builder.objectRef<DeadlineInForce>('TaskDeadline').implement({
  description: '现行期限 The deadline in force, and the one an approved extension replaced.',
  fields: (t) => ({
    due: t.field({ type: 'DateTime', resolve: (d) => new Date(d.due) }),
    extendedFrom: t.field({ type: 'DateTime', nullable: true, description: '延期前的期限 The deadline before an approved extension; null when none moved it.', resolve: (d) => (d.extendedFrom ? new Date(d.extendedFrom) : null) }),
  }),
});

export const TaskNode = builder.prismaNode('Task', {
  id: { field: 'id' },
  authScopes: (task, ctx) => mayRead(ctx, 'tasks', task.id),
  description: '编号任务 A numbered task of a plan, supervised by its own workflow.',
  fields: (t) => ({
    ref: t.exposeString('ref', { description: '任务编号 "<section>.<number>"' }),
    text: t.exposeString('text'),
    status: t.field({ type: TaskStatus, resolve: (task) => task.status as typeof TaskStatus.$inferType }),
    light: t.field({ type: Light, resolve: (task) => task.light as typeof Light.$inferType }),
    due: t.expose('due', { type: 'DateTime', nullable: true, description: 'The earliest deadline still owed.' }),
    deadline: t.field({
      type: TaskDeadline,
      nullable: true,
      description: '现行期限：部门看本单位仍未办结分工中最早的期限，其他角色看任务的 The deadline in force for the viewer: a department\'s own earliest still owed, else the task\'s.',
      select: { assignments: { select: { status: true, due: true, originalDue: true, bodyId: true } } },
      resolve: (task, _args, ctx) =>
        deadlineInForce(
          task.assignments.map((a) => ({ status: a.status as AssignmentStatus, due: a.due?.toISOString() ?? null, originalDue: a.originalDue?.toISOString() ?? null, bodyId: a.bodyId })),
          ctx.actor?.role === 'department' ? ctx.actor.bodyId : null,
        ),
    }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    plan: t.relation('plan'),
    section: t.relation('section'),
    assignments: t.relation('assignments', { query: { orderBy: [{ role: 'asc' }, { primary: 'desc' }, { bodyName: 'asc' }] } }),
    timeline: t.relation('events', { description: '时间线 Every event, oldest first.', query: { orderBy: { seq: 'asc' } } }),
    workflowUrl: t.string({
      description: 'Temporal Web UI link to this task\'s workflow.',
      resolve: (task, _args, ctx) => workflowUrl(task.id, ctx.temporal.options.namespace),
    }),
  }),
});

builder.prismaNode('Assignment', {
  id: { field: 'id' },
  // Only the columns a request's fields need are read (a ledger page reads 50 rows); the ledger's own columns always
  // come, so its fields declare no selection of their own and resolve without the Prisma plugin's check per row.
  select: { taskId: true, bodyName: true, status: true, light: true, due: true, submittedAt: true, returnCount: true },
  authScopes: (a, ctx) => mayRead(ctx, 'tasks', a.taskId),
  description: '分工 One body\'s part of a task.',
  fields: (t) => ({
    bodyName: t.string({ description: 'As written in the notice, or as designated.', resolve: (a) => a.bodyName }),
    body: t.relation('body', { nullable: true }),
    role: t.field({ type: AssignmentRole, select: { role: true }, resolve: (a) => a.role as typeof AssignmentRole.$inferType }),
    primary: t.exposeBoolean('primary', { description: 'The first-named lead.' }),
    placeholder: t.exposeBoolean('placeholder', { description: 'A group still to be designated (待指定).' }),
    origin: t.exposeString('origin', { nullable: true, description: '来源群组 The group the notice named, for a member\'s own assignment (各区县人民政府).' }),
    blocking: t.exposeBoolean('blocking'),
    status: t.field({ type: AssignmentStatusEnum, resolve: (a) => a.status as AssignmentStatus }),
    light: t.field({ type: Light, resolve: (a) => a.light as typeof Light.$inferType }),
    deliverable: t.exposeString('deliverable', { nullable: true }),
    due: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.due }),
    originalDue: t.expose('originalDue', { type: 'DateTime', nullable: true }),
    overdueDays: t.int({
      description: '逾期天数 Days past the deadline, until submission.',
      resolve: (a) =>
        overdueDays(
          { status: a.status as AssignmentStatus, due: a.due?.toISOString() ?? null, submittedAt: a.submittedAt?.toISOString() ?? null, returnCount: a.returnCount },
          Date.now(),
        ),
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true, description: '签收时间：签收或本单位首次办理 When the body acknowledged receipt: 签收, or its first action of its own.' }),
    unacknowledged: t.boolean({
      description: '未签收：尚欠办且本单位未签收 Owed and not yet acknowledged by the body.',
      select: { status: true, placeholder: true, acknowledgedAt: true },
      resolve: (a) => unacknowledged({ status: a.status as AssignmentStatus, placeholder: a.placeholder, acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null }),
    }),
    progressPercent: t.exposeInt('progressPercent', { nullable: true, description: '最近报告的进度（%） The progress last reported, in percent.' }),
    behindPace: t.boolean({
      description: '落后序时进度：时间进度超过所报进度加容差 Owed and behind pace: more of its time has passed than its progress plus the margin.',
      select: { status: true, behindPaceFrom: true },
      resolve: (a) => isBehindPace({ status: a.status as AssignmentStatus }, a.behindPaceFrom?.getTime() ?? null, Date.now()),
    }),
    acknowledgeBy: t.expose('acknowledgeBy', { type: 'DateTime', nullable: true, description: '签收期限：过期未签收则提醒 By when the body should acknowledge receipt before it is reminded.' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    returnCount: t.exposeInt('returnCount'),
    extensionRequestedUntil: t.expose('extensionUntil', { type: 'DateTime', nullable: true }),
    extensionReason: t.string({
      nullable: true,
      description: '待审批延期申请的理由 The reason given with the pending extension request.',
      select: { extensionUntil: true, bodyName: true },
      resolve: async (a, _args, ctx) => {
        if (!a.extensionUntil) return null;
        const request = await ctx.prisma.taskEvent.findFirst({ where: { taskId: a.taskId, bodyName: a.bodyName, type: 'requestExtension' }, orderBy: { seq: 'desc' }, select: { comment: true } });
        return request?.comment ?? null;
      },
    }),
    lastSubmission: t.prismaField({
      type: 'TaskEvent',
      nullable: true,
      description: '最近一次报送：说明和附件 The latest submission: its text and files.',
      select: { bodyName: true },
      resolve: (query, a, _args, ctx) =>
        ctx.prisma.taskEvent.findFirst({ ...query, where: { taskId: a.taskId, bodyName: a.bodyName, type: 'submit' }, orderBy: { seq: 'desc' } }),
    }),
    extensionRequest: t.prismaField({
      type: 'TaskEvent',
      nullable: true,
      description: '待审批的延期申请：理由和附件 The pending extension request: its reasons and files.',
      select: { extensionUntil: true, bodyName: true },
      resolve: (query, a, _args, ctx) =>
        a.extensionUntil ? ctx.prisma.taskEvent.findFirst({ ...query, where: { taskId: a.taskId, bodyName: a.bodyName, type: 'requestExtension' }, orderBy: { seq: 'desc' } }) : null,
    }),
    task: t.relation('task'),
  }),
});

builder.prismaObject('TaskEvent', {
  description: '事件 Something that happened to a task.',
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.exposeInt('seq'),
    task: t.relation('task', { description: '事件所属任务 The task it happened to.' }),
    type: t.exposeString('type'),
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName'),
    bodyName: t.exposeString('bodyName', { nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
    attachedFiles: t.field({ type: [AttachmentRefType], description: '随操作提交的附件 The files sent with the action.', resolve: attachedFiles }),
    details: t.field({ type: TaskEventDetails, description: '操作的详情 The deadline asked or decided, the designated bodies, the days left…', resolve: (e) => parse<TaskEventData>(e.data) }),
    attachments: t.string({ description: 'JSON list of attachment references.', deprecationReason: 'Use attachedFiles.', resolve: (e) => e.attachments }),
    data: t.string({ description: 'JSON details of the action.', deprecationReason: 'Use details.', resolve: (e) => e.data }),
  }),
});

builder.queryField('tasks', (t) =>
  t.prismaConnection({
    type: 'Task',
    cursor: 'id',
    description: '任务，按方案、章节和编号（数字顺序：1.2 在 1.10 之前） Tasks by plan, section and ref in numeric order (1.2 before 1.10).',
    authScopes: { signedIn: true },
    args: {
      planId: t.arg.globalID({ for: PlanNode }),
      sectionOrdinal: t.arg.int({ description: '章节序号（一 = 1） Section number within the plan.' }),
      light: t.arg({ type: Light }),
      bodyId: t.arg.globalID({ for: Body, description: '该单位参与的任务 Tasks the body has an assignment in.' }),
      ...offsetArg(),
    },
    totalCount: (_parent, args, ctx) => ctx.prisma.task.count({ where: taskFilter(args, ctx.actor) }),
    resolve: async (query, _root, args, ctx) => {
      const where = taskFilter(args, ctx.actor);
      const keys = await ctx.prisma.task.findMany({ where, select: { id: true, planId: true, ref: true, section: { select: { ordinal: true } } } });
      keys.sort((a, b) => a.planId.localeCompare(b.planId) || a.section.ordinal - b.section.ordinal || compareTaskRefs(a.ref, b.ref));
      return pageInOrder(withOffset(query, args.offset), keys.map((k) => k.id), (selection, ids) => ctx.prisma.task.findMany({ ...selection, where: { id: { in: ids } } }));
    },
  }),
);

type TaskArgs = { planId?: { id: string } | null; sectionOrdinal?: number | null; light?: string | null; bodyId?: { id: string } | null };

function taskFilter(args: TaskArgs, actor: Parameters<typeof visibleTasks>[0]) {
  return {
    AND: [
      visibleTasks(actor),
      {
        ...(args.planId ? { planId: args.planId.id } : {}),
        ...(args.sectionOrdinal != null ? { section: { ordinal: args.sectionOrdinal } } : {}),
        ...(args.light ? { light: args.light } : {}),
        ...(args.bodyId ? { assignments: { some: { bodyId: args.bodyId.id } } } : {}),
      },
    ],
  };
}
