import type { Prisma } from '../../prisma/generated/client.ts';
import { isUniqueViolation } from '../../runtime/db.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { AccountNode, audit, mayManage, Role } from './auth.ts';
import { Body } from './bodies.ts';
import { selection } from './selection.ts';
import { AccountDuty } from './sign-off.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, mutationErrors, NotFoundError, ValidationError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';

/** The accounts a manager may see: every one for the administrator, the departments' for the supervising office. */
const manageable = (ctx: Context): Prisma.AccountWhereInput => (ctx.actor?.role === 'admin' ? {} : { role: 'department' });

builder.queryField('accounts', (t) =>
  t.prismaConnection({
    type: 'Account',
    cursor: 'id',
    description: '账号（管理员：全部；督办部门：承办单位账号） Accounts: every one for the administrator, the departments\' for the supervising office.',
    authScopes: { admin: true, supervisor: true },
    args: { search: t.arg.string({ description: '登录名或姓名 Login or name' }), role: t.arg({ type: Role }), ...offsetArg() },
    totalCount: (_p, args, ctx) => ctx.prisma.account.count({ where: accountFilter(ctx, args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.account.findMany({ ...withOffset(query, args.offset), where: accountFilter(ctx, args), orderBy: [{ role: 'asc' }, { login: 'asc' }] }),
  }),
);

function accountFilter(ctx: Context, args: { search?: string | null; role?: string | null }): Prisma.AccountWhereInput {
  const search = args.search?.trim();
  return {
    AND: [
      manageable(ctx),
      args.role ? { role: args.role } : {},
      search ? { OR: [{ login: { contains: search } }, { displayName: { contains: search } }] } : {},
    ],
  };
}

export const AccountPassword = builder.objectRef<{ account: { id: string }; oneTimePassword: string }>('AccountPassword').implement({
  description: '账号及其一次性密码（只显示这一次，首次登录须修改） An account and its one-time password: shown this once; it must be changed at the first sign-in.',
  fields: (t) => ({
    account: t.prismaField({ type: 'Account', resolve: (query, p, _a, ctx) => ctx.prisma.account.findUniqueOrThrow({ ...selection(query), where: { id: p.account.id } }) }),
    oneTimePassword: t.exposeString('oneTimePassword'),
  }),
});

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    login: t.string({ required: true, description: '登录名：字母、数字、点、横线，3–40 个 Letters, digits, dot, dash; 3–40.' }),
    displayName: t.string({ required: true, description: '姓名或岗位 The person or post, as others see it.' }),
    role: t.field({ type: Role, required: true }),
    bodyId: t.globalID({ for: Body, description: '所属单位（承办单位账号必填） The body (required for a department account).' }),
    duty: t.field({ type: AccountDuty, description: '承办单位账号的职责，默认负责人 A department account\'s duty in its unit; default responsible.' }),
    email: t.string(),
  }),
});

export const loginPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/;

builder.mutationField('createAccount', (t) =>
  t.field({
    type: AccountPassword,
    description: '新建账号，返回一次性密码 Creates an account with a one-time password (administrator: any role; supervising office: department accounts for bodies).',
    authScopes: { admin: true, supervisor: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!mayManage(ctx, { id: '', role: input.role })) throw new ForbiddenError('督办部门只能新建承办单位账号。 The supervising office creates department accounts only.');
      const login = input.login.trim();
      const displayName = input.displayName.trim();
      if (!loginPattern.test(login)) throw new ValidationError('登录名须为 3–40 个字母、数字、点或横线。 A login is 3–40 letters, digits, dots or dashes.');
      if (!displayName || displayName.length > 100) throw new ValidationError('请填写姓名或岗位（100 字以内）。 Give a name or post (at most 100 characters).');
      if (input.role === 'department' && !input.bodyId) throw new ValidationError('承办单位账号须选择所属单位。 A department account belongs to a body: choose it.');
      const bodyId = input.role === 'admin' ? null : (input.bodyId?.id ?? null);
      if (bodyId && !(await ctx.prisma.body.findUnique({ where: { id: bodyId } }))) throw new NotFoundError('单位不存在。 No such body.');
      if (await ctx.prisma.account.findUnique({ where: { login } })) throw new ValidationError(`登录名 ${login} 已被使用。 The login ${login} is taken.`);
      const oneTimePassword = generatePassword();
      const account = await ctx.prisma.account.create({
        data: {
          id: `account-${login.toLowerCase()}`, login, displayName, role: input.role, bodyId, email: input.email?.trim() || null,
          duty: input.role === 'department' ? (input.duty ?? 'responsible') : null,
          passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true, createdBy: ctx.actor!.accountId,
        },
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new ValidationError(`登录名 ${login} 已被使用。 The login ${login} is taken.`);
        throw error;
      });
      await audit(ctx.prisma, ctx.actor, 'account.created', account.id, { login, role: input.role, bodyId, duty: account.duty });
      return { account, oneTimePassword };
    },
  }),
);

/** The account an id names, if the caller may manage it. */
async function managedAccount(ctx: Context, id: string) {
  const account = await ctx.prisma.account.findUnique({ where: { id } });
  if (!account) throw new NotFoundError('账号不存在。 No such account.');
  if (!mayManage(ctx, account)) throw new ForbiddenError('无权管理该账号。 You may not manage this account.');
  return account;
}

builder.mutationField('resetPassword', (t) =>
  t.field({
    type: AccountPassword,
    description: '重置密码：返回一次性密码，该账号的会话全部失效 Resets a password to a one-time one; every session of the account ends.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: mutationErrors },
    args: { accountId: t.arg.globalID({ for: AccountNode, required: true }) },
    resolve: async (_root, { accountId }, ctx) => {
      const account = await managedAccount(ctx, accountId.id);
      const oneTimePassword = generatePassword();
      await ctx.prisma.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true } });
      await ctx.sessions.revoke({ accountId: account.id });
      await audit(ctx.prisma, ctx.actor, 'account.passwordReset', account.id, { login: account.login });
      return { account, oneTimePassword };
    },
  }),
);

builder.mutationField('setAccountActive', (t) =>
  t.prismaField({
    type: 'Account',
    description: '启用或停用账号；停用即结束其全部会话 Enables or disables an account; disabling ends all its sessions.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: mutationErrors },
    args: { accountId: t.arg.globalID({ for: AccountNode, required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, { accountId, active }, ctx) => {
      const account = await managedAccount(ctx, accountId.id);
      if (!active && account.id === ctx.actor!.accountId) throw new ValidationError('不能停用自己的账号。 You cannot disable your own account.');
      if (account.active !== active) {
        await ctx.prisma.account.update({ where: { id: account.id }, data: { active } });
        if (!active) await ctx.sessions.revoke({ accountId: account.id });
        await audit(ctx.prisma, ctx.actor, active ? 'account.enabled' : 'account.disabled', account.id, { login: account.login });
      }
      return ctx.prisma.account.findUniqueOrThrow({ ...selection(query), where: { id: account.id } });
    },
  }),
);

builder.mutationField('setAccountDuty', (t) =>
  t.prismaField({
    type: 'Account',
    description: '设置承办单位账号的职责（承办人或负责人） Sets a department account\'s duty in its unit: drafter (承办人) or responsible (负责人).',
    authScopes: { admin: true, supervisor: true },
    errors: { types: mutationErrors },
    args: { accountId: t.arg.globalID({ for: AccountNode, required: true }), duty: t.arg({ type: AccountDuty, required: true }) },
    resolve: async (query, _root, { accountId, duty }, ctx) => {
      const account = await managedAccount(ctx, accountId.id);
      if (account.role !== 'department') throw new ValidationError('只有承办单位账号有职责。 Only a department account has a duty in its unit.');
      if ((account.duty ?? 'responsible') !== duty) {
        await ctx.prisma.account.update({ where: { id: account.id }, data: { duty } });
        ctx.sessions.forget({ accountId: account.id });
        await audit(ctx.prisma, ctx.actor, 'account.dutyChanged', account.id, { login: account.login, duty });
      }
      return ctx.prisma.account.findUniqueOrThrow({ ...selection(query), where: { id: account.id } });
    },
  }),
);
