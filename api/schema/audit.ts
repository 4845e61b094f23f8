import type { Prisma } from '../../prisma/generated/client.ts';
import { builder } from './builder.ts';
import { offsetArg, withOffset } from './pagination.ts';

const AuditKind = builder.enumType('AuditKind', {
  values: {
    signIns: { description: '登录与退出 Sign-ins and sign-outs' },
    accounts: { description: '账号变更 Account changes (created, reset, enabled, disabled, password changed)' },
    all: { description: '全部操作 Every action, the task and case actions too' },
  } as const,
});

const kindFilter: Record<typeof AuditKind.$inferType, Prisma.AuditEntryWhereInput> = {
  signIns: { action: { startsWith: 'auth.' } },
  accounts: { action: { startsWith: 'account.' } },
  all: {},
};

builder.prismaObject('AuditEntry', {
  description: '审计记录 Who did what, when.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    actorId: t.exposeString('actorId', { nullable: true }),
    actorName: t.exposeString('actorName'),
    action: t.exposeString('action', { description: 'auth.signedIn | auth.signedOut | account.created | account.passwordReset | account.passwordChanged | account.enabled | account.disabled | …' }),
    target: t.exposeString('target'),
    detail: t.string({ description: 'JSON', resolve: (e) => e.detail }),
  }),
});

builder.prismaObject('DeniedAttempt', {
  description: '被拒绝的尝试（每个来源、操作每分钟一行） Refused attempts: one row per who, what and minute, with how many times.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime', description: 'The first attempt in the minute.' }),
    lastAt: t.expose('lastAt', { type: 'DateTime', nullable: true }),
    accountId: t.exposeString('accountId', { nullable: true }),
    operation: t.exposeString('operation'),
    reason: t.exposeString('reason'),
    count: t.exposeInt('count'),
  }),
});

builder.queryField('auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    description: '审计日志（系统管理员） The audit log, newest first (administrator).',
    authScopes: { admin: true },
    args: { kind: t.arg({ type: AuditKind, defaultValue: 'all' }), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.auditEntry.count({ where: kindFilter[args.kind ?? 'all'] }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEntry.findMany({ ...withOffset(query, args.offset), where: kindFilter[args.kind ?? 'all'], orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
  }),
);

builder.queryField('deniedAttempts', (t) =>
  t.prismaConnection({
    type: 'DeniedAttempt',
    cursor: 'id',
    description: '被拒绝的尝试（系统管理员） Refused attempts, newest first (administrator).',
    authScopes: { admin: true },
    args: offsetArg(),
    totalCount: (_p, _args, ctx) => ctx.prisma.deniedAttempt.count(),
    resolve: (query, _root, args, ctx) => ctx.prisma.deniedAttempt.findMany({ ...withOffset(query, args.offset), orderBy: [{ id: 'desc' }] }),
  }),
);
