import type { TaskAction } from '../../domain/supervision/actions.ts';
import { availableTaskActions } from '../../domain/supervision/transitions.ts';
import type { AssignmentStatus } from '../../domain/supervision/types.ts';
import { actUpdate } from '../../workflows/task.ts';
import { recordDenial } from '../auth/denials.ts';
import { visibleTasks } from '../auth/visibility.ts';
import { Body } from './bodies.ts';
import { builder, type Context } from './builder.ts';
import { TaskNode } from './tasks.ts';
import { ActionRefused, ForbiddenError, mutationErrors, NotFoundError, RecentlyUrgedError, ValidationError } from './errors.ts';
import { toShanghaiIso } from '../../domain/time/instants.ts';
import { owing } from '../../domain/supervision/lights.ts';
import { checkRequestId, requestIdDescription, updateIdOf } from '../../services/request-ids.ts';
import { storedAttachments } from '../../services/attachments.ts';
import { acknowledgeBy } from '../../services/receipt.ts';
import { sendAction } from './updates.ts';
import { actorWithDuty } from './sign-off.ts';

export const AttachmentInput = builder.inputType('AttachmentInput', {
  description: 'An attachment uploaded with uploadAttachment.',
  fields: (t) => ({ id: t.string({ required: true }) }),
});

export const ActionType = builder.enumType('TaskActionType', {
  values: {
    acknowledge: { description: '签收 Acknowledge receipt of the assignment' },
    progress: { description: '报告进展 Report progress' },
    submit: { description: '报送 Submit the deliverable' },
    accept: { description: '验收 Accept a submission' },
    return: { description: '退回 Return a submission with reasons' },
    requestExtension: { description: '申请延期 Request an extension' },
    decideExtension: { description: '审批延期 Decide an extension request' },
    urge: { description: '催办 Urge the body' },
    designate: { description: '指定单位 Designate bodies for a placeholder group' },
    withdraw: { description: '撤销分工 Withdraw a body from the task' },
    setBlocking: { description: '设为必须办结 Require a support before closing' },
    signOff: { description: '签发 The unit\'s 负责人 (or acting delegate) sends a 承办人\'s draft on to the office' },
    returnDraft: { description: '退回草稿 The unit\'s 负责人 returns a 承办人\'s draft with reasons' },
    escalate: { description: '督办升级 Issue a rung of the escalation ladder by hand (rungId)' },
    acknowledgeSlip: { description: '签收督办单 Acknowledge a supervision slip (slipId)' },
  } as const,
});

const DesignatedBodyInput = builder.inputType('DesignatedBodyInput', {
  fields: (t) => ({
    id: t.globalID({ for: Body, required: true }),
    due: t.field({ type: 'DateTime', description: '该单位的期限；不填则沿用群组的期限 This body\'s own deadline; absent: the group\'s.' }),
  }),
});

const TaskActionInput = builder.inputType('TaskActionInput', {
  description: '对一项分工的操作 An action on one assignment; which fields matter depends on the type.',
  fields: (t) => ({
    taskId: t.globalID({ for: TaskNode, required: true }),
    bodyName: t.string({ required: true }),
    type: t.field({ type: ActionType, required: true }),
    comment: t.string(),
    percent: t.int({ description: 'progress: the progress made, in percent (0–100), for the pace rule (序时进度).' }),
    attachments: t.field({ type: [AttachmentInput], description: 'progress, submit, requestExtension: files uploaded with uploadAttachment.' }),
    until: t.field({ type: 'DateTime', description: 'requestExtension: the new deadline.' }),
    approve: t.boolean({ description: 'decideExtension: approve or refuse.' }),
    bodies: t.field({ type: [DesignatedBodyInput], description: 'designate: the concrete bodies.' }),
    blocking: t.boolean({ description: 'setBlocking' }),
    rungId: t.string({ description: 'escalate: the id of the ladder rung to issue (Plan.escalationLadder).' }),
    slipId: t.globalID({ description: 'acknowledgeSlip: the supervision slip (SupervisionSlip.id).' }),
    force: t.boolean({ description: 'urge: urge again although the assignment was urged within the configured interval (RecentlyUrgedError otherwise).' }),
    requestId: t.string({ description: requestIdDescription }),
  }),
});

type Input = typeof TaskActionInput.$inferInput;

/** Turns the flat GraphQL input into the domain action, checking what each type needs. */
async function toAction(input: Input, ctx: Context): Promise<TaskAction> {
  checkRequestId(input.requestId);
  const base = { bodyName: input.bodyName };
  const comment = input.comment ?? '';
  switch (input.type) {
    case 'progress': {
      const attachments = await storedAttachments(ctx.prisma, (input.attachments ?? []).map((a) => a.id));
      return { ...base, type: 'progress', comment, attachments, ...(input.percent == null ? {} : { percent: input.percent }) };
    }
    case 'submit': {
      const attachments = await storedAttachments(ctx.prisma, (input.attachments ?? []).map((a) => a.id));
      return { ...base, type: 'submit', comment, attachments };
    }
    case 'accept':
    case 'acknowledge':
      return { ...base, type: input.type, comment };
    case 'return':
    case 'urge':
    case 'withdraw':
    case 'returnDraft':
      return { ...base, type: input.type, comment };
    case 'signOff':
      return { ...base, type: 'signOff', comment };
    case 'requestExtension': {
      if (!input.until) throw new ValidationError('请填写延期后的期限。 Give the new deadline (until).');
      const attachments = await storedAttachments(ctx.prisma, (input.attachments ?? []).map((a) => a.id));
      return { ...base, type: 'requestExtension', until: input.until.toISOString(), comment, attachments };
    }
    case 'decideExtension':
      if (input.approve == null) throw new ValidationError('请选择批准或不批准。 Say whether to approve.');
      return { ...base, type: 'decideExtension', approve: input.approve, comment };
    case 'setBlocking':
      return { ...base, type: 'setBlocking', blocking: input.blocking ?? true };
    case 'escalate':
      if (!input.rungId) throw new ValidationError('请选择督办升级的级别。 Give the rung to issue (rungId).');
      return { ...base, type: 'escalate', rungId: input.rungId, comment };
    case 'acknowledgeSlip':
      if (!input.slipId) throw new ValidationError('请指明要签收的督办单。 Give the slip to acknowledge (slipId).');
      return { ...base, type: 'acknowledgeSlip', slipId: input.slipId.id, comment };
    case 'designate': {
      const ids = (input.bodies ?? []).map((b) => b.id.id);
      const bodies = await ctx.prisma.body.findMany({ where: { id: { in: ids }, kind: { in: ['department', 'district', 'regulator'] } } });
      if (bodies.length !== ids.length || ids.length === 0) {
        throw new ValidationError('请指定已登记的具体单位。 Designate registered, concrete bodies.');
      }
      const dues = new Map((input.bodies ?? []).map((b) => [b.id.id, b.due] as const));
      return {
        ...base, type: 'designate', comment, acknowledgeBy: await acknowledgeBy(ctx.prisma, Date.now()),
        bodies: bodies.map((b) => ({ id: b.id, name: b.shortName, ...(dues.get(b.id) ? { due: dues.get(b.id)!.toISOString() } : {}) })),
      };
    }
  }
}

/**
 * Urges are bounded: the same assignment again within the interval only when the office insists.
 * An assignment no longer owed is left to the workflow, whose refusal says why.
 */
async function checkUrgeInterval(ctx: Context, taskId: string, bodyName: string): Promise<void> {
  const assignment = await ctx.prisma.assignment.findUnique({ where: { id: `${taskId}/${bodyName}` }, select: { status: true } });
  if (!assignment || !owing({ status: assignment.status as AssignmentStatus })) return;
  const last = await ctx.prisma.taskEvent.findFirst({ where: { taskId, bodyName, type: 'urge' }, orderBy: { seq: 'desc' }, select: { at: true } });
  if (!last || Date.now() - last.at.getTime() >= ctx.urgeIntervalMs) return;
  const hours = Math.round((ctx.urgeIntervalMs / 3_600_000) * 10) / 10;
  const at = toShanghaiIso(last.at).slice(0, 16).replace('T', ' ');
  throw new RecentlyUrgedError(
    `已于${at}催办过，${hours}小时内再次催办需确认。 Urged at ${at} (China Standard Time): urging again within ${hours} hours needs force: true.`,
    last.at,
  );
}

const TaskEventResult = builder.objectRef<{ seq: number; type: string; at: string }>('ActionResult').implement({
  description: '已记录的事件 The event the action recorded.',
  fields: (t) => ({ seq: t.exposeInt('seq'), type: t.exposeString('type'), at: t.exposeString('at') }),
});

builder.mutationField('act', (t) =>
  t.field({
    type: TaskEventResult,
    description: '对任务执行操作；由任务流程校验角色和状态 Acts on a task; its workflow checks the actor and the transition.',
    authScopes: { signedIn: true },
    errors: { types: [...mutationErrors, RecentlyUrgedError] },
    args: { input: t.arg({ type: TaskActionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const actor = ctx.actor!;
      if (actor.role !== 'supervisor' && actor.role !== 'department') {
        recordDenial(ctx.prisma, actor, `act ${input.type}`, 'role may not act on tasks');
        throw new ForbiddenError('只有督办部门和承办单位可以办理任务。 Only the supervising office and departments act on tasks.');
      }
      const taskId = input.taskId.id;
      const task = await ctx.prisma.task.findFirst({ where: { AND: [{ id: taskId }, visibleTasks(actor)] }, select: { status: true } });
      if (!task) {
        recordDenial(ctx.prisma, actor, `act ${input.type} ${taskId}`, 'no such task, or not visible');
        throw new NotFoundError('任务不存在或不可见 No such task, or not visible to you.');
      }
      const action = await toAction(input, ctx);
      // Only the supervising office urges: anyone else hears the workflow's refusal of who they are.
      if (action.type === 'urge' && !input.force && actor.role === 'supervisor') await checkUrgeInterval(ctx, taskId, input.bodyName);
      const closed = '该任务已办结。 This task is closed.';
      // A call retried under its request id still reaches the workflow, which answers it as the first time.
      // The workflow checks sign-off against the actor's duty in its unit now (承办人, 负责人, acting delegate).
      const acting = { ...ctx, actor: await actorWithDuty(ctx) };
      return sendAction(acting, taskId, actUpdate, action, { operation: `act ${input.type} ${taskId}/${input.bodyName}`, closed, updateId: updateIdOf(actor, input.requestId ?? null) })
        .catch((error: unknown) => {
          // A closed task's workflow has ended: whatever Temporal answers, the task is closed.
          if (task.status === 'closed' && !(error instanceof ActionRefused) && !(error instanceof ForbiddenError)) throw new ActionRefused(closed);
          throw error;
        });
    },
  }),
);

/** A task's urges by body: how many, and the latest (by sequence). */
type Urges = Map<string, { count: number; last: { seq: number; at: Date } }>;

/**
 * The urges of the tasks a request asks about, read in ONE statement for all
 * the tasks asked in the same tick (a ledger page asks for 50 assignments'
 * urgeCount and lastUrgedAt: 100 statements before), once per request.
 */
const urgeLoaders = new WeakMap<object, (taskId: string) => Promise<Urges>>();
function urgesOf(ctx: Context, taskId: string): Promise<Urges> {
  let load = urgeLoaders.get(ctx);
  if (!load) {
    const known = new Map<string, Promise<Urges>>();
    let batch: Map<string, { resolve: (u: Urges) => void; reject: (e: unknown) => void }> | null = null;
    const dispatch = (wanted: NonNullable<typeof batch>) => {
      batch = null;
      ctx.prisma.taskEvent
        .findMany({ where: { type: 'urge', taskId: { in: [...wanted.keys()] } }, select: { taskId: true, bodyName: true, seq: true, at: true } })
        .then((events) => {
          const byTask = new Map<string, Urges>([...wanted.keys()].map((id) => [id, new Map()]));
          for (const e of events) {
            if (e.bodyName === null) continue;
            const urges = byTask.get(e.taskId)!;
            const seen = urges.get(e.bodyName);
            if (!seen) urges.set(e.bodyName, { count: 1, last: { seq: e.seq, at: e.at } });
            else {
              seen.count += 1;
              if (e.seq > seen.last.seq) seen.last = { seq: e.seq, at: e.at };
            }
          }
          for (const [id, waiter] of wanted) waiter.resolve(byTask.get(id)!);
        })
        .catch((error) => {
          for (const waiter of wanted.values()) waiter.reject(error);
        });
    };
    load = (id) => {
      let urges = known.get(id);
      if (!urges) {
        if (!batch) {
          const current = (batch = new Map());
          // After the resolvers of this pass have asked (as DataLoader waits).
          void Promise.resolve().then(() => process.nextTick(() => dispatch(current)));
        }
        const open = batch;
        known.set(id, (urges = new Promise<Urges>((resolve, reject) => open.set(id, { resolve, reject }))));
      }
      return urges;
    };
    urgeLoaders.set(ctx, load);
  }
  return load(taskId);
}

builder.prismaObjectFields('Assignment', (t) => ({
  availableActions: t.field({
    type: [ActionType],
    description: '当前登录者现在可对该分工执行的操作（与任务流程同一校验规则） What the signed-in viewer may do to this assignment now, by the rule the workflow checks.',
    select: { status: true, bodyId: true, role: true, placeholder: true, extensionUntil: true, acknowledgedAt: true, signOffDraft: true, task: { select: { status: true } } },
    resolve: async (a, _args, ctx) => {
      const standing = {
        ...a, role: a.role as 'lead' | 'support', status: a.status as AssignmentStatus, extensionPending: a.extensionUntil !== null, acknowledged: a.acknowledgedAt !== null,
        draftPending: a.signOffDraft !== null,
      };
      const actor = await actorWithDuty(ctx);
      return actor ? availableTaskActions(a.task.status as 'open' | 'closed', standing, actor) : [];
    },
  }),
  urgeCount: t.int({
    description: '催办次数 How many times the body was urged on this assignment.',
    select: { taskId: true, bodyName: true },
    resolve: async (a, _args, ctx) => (await urgesOf(ctx, a.taskId)).get(a.bodyName)?.count ?? 0,
  }),
  lastUrgedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: '最近一次催办时间 When the body was last urged on this assignment.',
    select: { taskId: true, bodyName: true },
    resolve: async (a, _args, ctx) => (await urgesOf(ctx, a.taskId)).get(a.bodyName)?.last.at ?? null,
  }),
}));
