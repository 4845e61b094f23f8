import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../runtime/db.ts';
import type { Account } from '../../prisma/generated/client.ts';
import { allDemoAccounts, type DemoAccount } from '../../runtime/reference-data.ts';
import { recordDenial } from '../auth/denials.ts';
import { checkPassword, hashPassword, passwordProblem } from '../auth/passwords.ts';
import { countSignIn } from '../auth/sign-in-limit.ts';
import { issueToken, tokenLifetime } from '../auth/tokens.ts';
import { selection } from './selection.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, ValidationError } from './errors.ts';

export const Role = builder.enumType('Role', { values: ['supervisor', 'department', 'performance', 'admin'] as const });

/** The administrator sees every account, the supervising office the departments' (it creates them for bodies), anyone their own. */
export const mayManage = (ctx: Context, account: { id: string; role: string }) =>
  ctx.actor !== null && !ctx.session?.mustChangePassword && (ctx.actor.role === 'admin' || (ctx.actor.role === 'supervisor' && account.role === 'department'));

export const AccountNode = builder.prismaNode('Account', {
  id: { field: 'id' },
  authScopes: (account, ctx) => ctx.actor?.accountId === account.id || mayManage(ctx, account),
  description: '账号 A person\'s sign-in, with the workspace its role opens.',
  fields: (t) => ({
    login: t.exposeString('login'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: Role, resolve: (a) => a.role as typeof Role.$inferType }),
    body: t.relation('body', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    active: t.exposeBoolean('active', { description: '启用 A disabled account cannot sign in.' }),
    mustChangePassword: t.exposeBoolean('mustChangePassword', { description: '须先修改密码 Every field but changePassword is refused until the password is changed.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    passwordChangedAt: t.expose('passwordChangedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** Keeps an account or sign-in event in the audit log the administrator reads. */
export function audit(prisma: PrismaClient, actor: { accountId: string; name: string } | null, action: string, target: string, detail: Record<string, unknown> = {}) {
  const at = new Date();
  return prisma.auditEntry.create({
    data: { key: `${action}:${randomUUID()}`, at, actorId: actor?.accountId ?? null, actorName: actor?.name ?? '—', action, target, detail: JSON.stringify(detail) },
  });
}

const Session = builder.objectRef<{ token: string; expiresIn: string }>('Session').implement({
  description: `登录凭证 A signed token to send as "Authorization: Bearer <token>" (the console uses the HttpOnly cookie duban_session instead); valid for ${tokenLifetime}.`,
  fields: (t) => ({ token: t.exposeString('token'), expiresIn: t.exposeString('expiresIn') }),
});

const wrongLogin = '登录名或密码错误。 Wrong login or password.';

builder.mutationField('login', (t) =>
  t.field({
    type: Session,
    description: '登录：返回令牌，并设置控制台的会话 Cookie Signs in: answers a token for API clients and sets the console\'s session cookie.',
    errors: { types: [ValidationError] },
    args: { login: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { login, password }, ctx) => {
      const name = login.trim().slice(0, 100);
      // Counted before any password is checked: a burst cannot check more than the limit.
      const attempt = await countSignIn(ctx.prisma, name, ctx.clientAddress);
      if (!attempt.allowed) {
        recordDenial(ctx.prisma, null, `login ${name}`, 'too many sign-in attempts', ctx.clientAddress);
        throw new ValidationError('登录失败次数过多，请 5 分钟后再试。 Too many failed sign-ins: try again in 5 minutes.');
      }
      const account = login.length <= 100 ? await ctx.prisma.account.findUnique({ where: { login: name } }) : null;
      // A password is checked whether or not the login exists, so both answers take as long.
      if (!(await checkPassword(account?.passwordHash ?? null, password)) || !account) {
        recordDenial(ctx.prisma, null, `login ${name}`, 'wrong login or password', ctx.clientAddress);
        throw new ValidationError(wrongLogin);
      }
      if (!account.active) {
        recordDenial(ctx.prisma, null, `login ${name}`, 'account disabled', ctx.clientAddress);
        throw new ValidationError('该账号已停用，请联系系统管理员。 This account is disabled: ask the administrator.');
      }
      await attempt.succeeded();
      const session = await ctx.sessions.start(account.id, ctx.clientAddress);
      const token = await issueToken(ctx.signingKey, account.id, session.id, session.expiresAt);
      ctx.setSessionCookie(token);
      await audit(ctx.prisma, { accountId: account.id, name: account.displayName }, 'auth.signedIn', account.id, { address: ctx.clientAddress });
      return { token, expiresIn: tokenLifetime };
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: '退出登录：本会话立即失效 Signs out: this session (its token and cookie) ends at once.',
    authScopes: { session: true },
    errors: { types: [ForbiddenError] },
    resolve: async (_root, _args, ctx) => {
      await ctx.sessions.revoke({ id: ctx.session!.id });
      ctx.setSessionCookie(null);
      await audit(ctx.prisma, ctx.actor, 'auth.signedOut', ctx.actor!.accountId);
      return true;
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.prismaField({
    type: 'Account',
    description: '修改本人密码；其他会话随即失效 Changes one\'s own password; every other session of the account ends.',
    authScopes: { session: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: async (query, _root, { currentPassword, newPassword }, ctx) => {
      const account = await ctx.prisma.account.findUniqueOrThrow({ where: { id: ctx.actor!.accountId } });
      const attempt = await countSignIn(ctx.prisma, account.login, ctx.clientAddress);
      if (!attempt.allowed) throw new ValidationError('尝试次数过多，请 5 分钟后再试。 Too many attempts: try again in 5 minutes.');
      if (!(await checkPassword(account.passwordHash, currentPassword))) {
        recordDenial(ctx.prisma, ctx.actor, 'changePassword', 'wrong current password', ctx.clientAddress);
        throw new ValidationError('当前密码不正确。 The current password is wrong.');
      }
      await attempt.succeeded();
      const problem = passwordProblem(newPassword, account.login);
      if (problem) throw new ValidationError(problem);
      if (newPassword === currentPassword) throw new ValidationError('新密码不能与当前密码相同。 The new password must differ from the current one.');
      await ctx.prisma.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() } });
      // Every other session ends; this one stays, and is re-read without the must-change mark.
      await ctx.sessions.revoke({ accountId: account.id, except: ctx.session!.id });
      await audit(ctx.prisma, ctx.actor, 'account.passwordChanged', account.id);
      return ctx.prisma.account.findUniqueOrThrow({ ...selection(query), where: { id: account.id } });
    },
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Account',
    nullable: true,
    description: '当前登录的账号 The signed-in account, or null.',
    resolve: (query, _root, _args, ctx) => {
      if (!ctx.actor) return null;
      // The account's own columns come with the session's read (at most 2 s old; a change made here drops it at once).
      if (ctx.account && Object.keys(query).length === 0) return ctx.account as Account;
      return ctx.prisma.account.findUnique({ ...query, where: { id: ctx.actor.accountId } });
    },
  }),
);

export const DemoLogin = builder.objectRef<DemoAccount>('DemoLogin').implement({
  fields: (t) => ({ login: t.exposeString('login'), role: t.field({ type: Role, resolve: (a) => a.role as typeof Role.$inferType }), displayName: t.exposeString('displayName') }),
});

const DemoLogins = builder.objectRef<{ password: string; accounts: readonly DemoAccount[] }>('DemoLogins').implement({
  description: '演示账号（仅演示模式） The demo accounts and their password, in demo mode only.',
  fields: (t) => ({ password: t.exposeString('password'), accounts: t.field({ type: [DemoLogin], resolve: (d) => d.accounts }) }),
});

builder.queryField('demoLogins', (t) =>
  t.field({
    type: DemoLogins,
    nullable: true,
    description: '演示模式下的演示账号及其密码；正式部署时为 null The demo logins for the sign-in page in demo mode (DUBAN_DEMO=1); null in production.',
    resolve: async (_root, _args, ctx) => {
      if (ctx.demoPassword === null) return null;
      const active = await ctx.prisma.account.findMany({ where: { login: { in: allDemoAccounts.map((a) => a.login) }, active: true }, select: { login: true } });
      const logins = new Set(active.map((a) => a.login));
      return { password: ctx.demoPassword, accounts: allDemoAccounts.filter((a) => logins.has(a.login)) };
    },
  }),
);
