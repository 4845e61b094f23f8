import { encodeGlobalID } from '@pothos/plugin-relay';
import type { PrismaClient } from '../../runtime/db.ts';
import { AccountNode } from './auth.ts';
import { builder } from './builder.ts';
import { mutationErrors, ValidationError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';
import { selection } from './selection.ts';

const NotificationKind = builder.enumType('NotificationKind', {
  values: {
    reminder: { description: '到期提醒 A deadline is near' },
    overdue: { description: '逾期 Overdue' },
    urge: { description: '催办 Urged' },
    returned: { description: '退回 Returned' },
    decision: { description: '决定 A decision: accepted, extension approved or refused' },
    assigned: { description: '交办 Newly assigned' },
    receipt: { description: '请签收 A new assignment is not yet acknowledged' },
    scores: { description: '评分公示 A score sheet is announced for appeals' },
    bulletin: { description: '督查通报 A bulletin of a plan the account\'s body has a part in (or, for the office, any plan) is issued' },
    slip: { description: '督办单 A supervision slip was issued' },
    interview: { description: '约谈 An interview (约谈) on an overdue assignment' },
  } as const,
});

type Subject =
  | { type: 'Task' | 'ObjectionCase' | 'RepairApplication' | 'BodyFiling' | 'UnitReport' | 'ScoreAppealWindow'; id: string }
  | { type: 'Bulletin'; id: string; planId: string };

/**
 * What a notice is about: its row carries the workflow id of the task, round
 * unit or credit case that sent it; the kind of record is found by that id.
 */
async function subjectOf(prisma: PrismaClient, workflowId: string | null): Promise<Subject | null> {
  if (!workflowId) return null;
  const where = { where: { id: workflowId }, select: { id: true } } as const;
  if (await prisma.task.findUnique(where)) return { type: 'Task', id: workflowId };
  if (await prisma.objectionCase.findUnique(where)) return { type: 'ObjectionCase', id: workflowId };
  if (await prisma.repairApplication.findUnique(where)) return { type: 'RepairApplication', id: workflowId };
  if (await prisma.bodyFiling.findUnique(where)) return { type: 'BodyFiling', id: workflowId };
  if (await prisma.unitReport.findUnique(where)) return { type: 'UnitReport', id: workflowId };
  if (await prisma.scoreAppealWindow.findUnique(where)) return { type: 'ScoreAppealWindow', id: workflowId };
  const bulletin = await prisma.bulletin.findUnique({ where: { id: workflowId }, select: { planId: true } });
  if (bulletin) return { type: 'Bulletin', id: workflowId, planId: bulletin.planId };
  return null;
}

/** The console's page for a subject. */
function consolePath(subject: Subject): string {
  const id = encodeURIComponent(encodeGlobalID(subject.type, subject.id));
  switch (subject.type) {
    case 'Task':
      return `/tasks/${id}/show`;
    case 'ObjectionCase':
      return `/objections/${id}/show`;
    case 'RepairApplication':
      return `/repairs/${id}/show`;
    case 'BodyFiling':
      return '/filing';
    case 'UnitReport':
      return '/evaluation';
    case 'ScoreAppealWindow':
      return '/scores';
    case 'Bulletin':
      return `/bulletins?plan=${encodeURIComponent(encodeGlobalID('Plan', subject.planId))}`;
  }
}

export const NotificationNode = builder.prismaNode('Notification', {
  id: { field: 'id' },
  authScopes: (n, ctx) => ctx.actor?.accountId === n.accountId,
  description: '通知 A notice in one account\'s inbox (mailed too when SMTP is configured).',
  fields: (t) => ({
    kind: t.field({ type: NotificationKind, resolve: (n) => n.kind as typeof NotificationKind.$inferType }),
    title: t.string({
      description: '标题，按查看者的语言（Accept-Language：zh 或 en，默认中文） The title in the viewer\'s language (Accept-Language: zh or en; Chinese by default).',
      resolve: (n, _args, ctx) => (ctx.locale === 'en' ? n.subjectEn || n.subject : n.subject),
    }),
    text: t.string({
      description: '正文，按查看者的语言 The text in the viewer\'s language.',
      resolve: (n, _args, ctx) => (ctx.locale === 'en' ? n.bodyEn || n.body : n.body),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    subjectId: t.id({
      nullable: true,
      description: '所涉记录的全局 ID The global id of the task, round unit, case or bulletin the notice is about.',
      resolve: async (n, _args, ctx) => {
        const subject = await subjectOf(ctx.prisma, n.taskId);
        return subject && encodeGlobalID(subject.type, subject.id);
      },
    }),
    link: t.string({
      nullable: true,
      description: '控制台中所涉记录的页面 The console page of what the notice is about (a path under the console, e.g. /tasks/<id>/show).',
      resolve: async (n, _args, ctx) => {
        const subject = await subjectOf(ctx.prisma, n.taskId);
        return subject && consolePath(subject);
      },
    }),
  }),
});

builder.queryField('notifications', (t) =>
  t.prismaConnection({
    type: 'Notification',
    cursor: 'id',
    description: '本人的通知，最新的在前 The signed-in account\'s own notices, newest first.',
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean({ description: '只看未读 Unread only' }), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.notification.count({ where: inbox(ctx.actor!.accountId, args.unreadOnly) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.notification.findMany({ ...withOffset(query, args.offset), where: inbox(ctx.actor!.accountId, args.unreadOnly), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
);

const inbox = (accountId: string, unreadOnly?: boolean | null) => ({ accountId, ...(unreadOnly ? { readAt: null } : {}) });

builder.prismaObjectField(AccountNode, 'unreadNotificationCount', (t) =>
  t.int({
    description: '未读通知数 Unread notices in the account\'s inbox.',
    resolve: (account, _args, ctx) => ctx.prisma.notification.count({ where: inbox(account.id, true) }),
  }),
);

const idLimit = 500;

builder.mutationField('markNotificationsRead', (t) =>
  t.prismaField({
    type: 'Account',
    description: '将本人的通知标为已读（指定 ids，或 all: true 全部） Marks the signed-in account\'s notices read: those listed in ids, or all of them.',
    authScopes: { signedIn: true },
    errors: { types: mutationErrors },
    args: { ids: t.arg.globalIDList({ for: NotificationNode }), all: t.arg.boolean() },
    resolve: async (query, _root, { ids, all }, ctx) => {
      const accountId = ctx.actor!.accountId;
      if (!all && !ids?.length) throw new ValidationError('请指定要标为已读的通知，或选择全部。 Give the notices to mark read (ids), or all: true.');
      if ((ids?.length ?? 0) > idLimit) throw new ValidationError(`一次最多标记 ${idLimit} 条。 At most ${idLimit} notices at a time.`);
      // Only the viewer's own notices change: anyone else's ids are simply not matched.
      const where = { ...inbox(accountId, true), ...(all ? {} : { id: { in: ids!.map((g) => g.id) } }) };
      await ctx.prisma.notification.updateMany({ where, data: { readAt: new Date() } });
      return ctx.prisma.account.findUniqueOrThrow({ ...selection(query), where: { id: accountId } });
    },
  }),
);
