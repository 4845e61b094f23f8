import { verify } from '@node-rs/argon2';
import { recordDenial } from '../auth/denials.ts';
import { FailureLimiter } from '../auth/rate-limit.ts';
import { issueToken, tokenLifetime } from '../auth/tokens.ts';
import { builder } from './builder.ts';
import { ValidationError } from './errors.ts';

/** Failed sign-ins per login name and address: 5 within 5 minutes, then a pause. */
const signIns = new FailureLimiter();

const Role = builder.enumType('Role', { values: ['supervisor', 'department', 'performance', 'admin'] as const });

builder.prismaNode('Account', {
  id: { field: 'id' },
  fields: (t) => ({
    login: t.exposeString('login'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: Role, resolve: (a) => a.role as typeof Role.$inferType }),
    body: t.relation('body', { nullable: true }),
  }),
});

const Session = builder.objectRef<{ token: string; expiresIn: string }>('Session').implement({
  description: `登录凭证 A signed token to send as "Authorization: Bearer <token>"; valid for ${tokenLifetime}.`,
  fields: (t) => ({ token: t.exposeString('token'), expiresIn: t.exposeString('expiresIn') }),
});

builder.mutationField('login', (t) =>
  t.field({
    type: Session,
    errors: { types: [ValidationError] },
    args: { login: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { login, password }, ctx) => {
      const key = `${login.slice(0, 100)}@${ctx.clientAddress}`;
      if (signIns.blocked(key)) {
        recordDenial(ctx.prisma, null, `login ${login.slice(0, 100)}`, 'too many failed sign-ins');
        throw new ValidationError('登录失败次数过多，请 5 分钟后再试。 Too many failed sign-ins: try again in 5 minutes.');
      }
      const account = login.length <= 100 ? await ctx.prisma.account.findUnique({ where: { login } }) : null;
      if (!account || password.length > 200 || !(await verify(account.passwordHash, password))) {
        signIns.fail(key);
        recordDenial(ctx.prisma, null, `login ${login.slice(0, 100)}`, 'wrong login or password');
        throw new ValidationError('登录名或密码错误。 Wrong login or password.');
      }
      signIns.succeed(key);
      return { token: await issueToken(ctx.signingKey, account.id), expiresIn: tokenLifetime };
    },
  }),
);

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'Account',
    nullable: true,
    description: '当前登录的账号 The signed-in account, or null.',
    resolve: (query, _root, _args, ctx) =>
      ctx.actor ? ctx.prisma.account.findUnique({ ...query, where: { id: ctx.actor.accountId } }) : null,
  }),
);
