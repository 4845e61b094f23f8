import { createBody, mergeBodies, updateBody } from '../../services/bodies/registry.ts';
import { createDepartmentAccount } from '../../services/bodies/accounts.ts';
import { AccountPassword, loginPattern } from './accounts.ts';
import { audit } from './auth.ts';
import { Body, BodyKind, RegistryNode } from './bodies.ts';
import { builder } from './builder.ts';
import { mutationErrors, ValidationError } from './errors.ts';
import { selection } from './selection.ts';

/** The supervising office and the administrator keep the registry. */
const keepers = { supervisor: true, admin: true } as const;

const BodyAccountInput = builder.inputType('BodyAccountInput', {
  description: '为新单位开设的承办单位账号 The department account to open for the new body.',
  fields: (t) => ({
    login: t.string({ required: true, description: '登录名：字母、数字、点、横线，3–40 个 Letters, digits, dot, dash; 3–40.' }),
    displayName: t.string({ required: true, description: '姓名或岗位 The person or post.' }),
  }),
});

const CreateBodyInput = builder.inputType('CreateBodyInput', {
  fields: (t) => ({
    registryId: t.globalID({ for: RegistryNode, description: '登记册（默认天津市） The registry (default: Tianjin).' }),
    shortName: t.string({ required: true, description: '简称 The name as notices write it; unique in its registry.' }),
    fullName: t.string({ description: '全称 The full name (default: the short name).' }),
    kind: t.field({ type: BodyKind, required: true }),
    aliases: t.stringList({ description: '别名：简称、全称、曾用名 Other names it goes by.' }),
    memberIds: t.globalIDList({ for: Body, description: '群组成员 Members, for a group.' }),
    account: t.field({ type: BodyAccountInput, description: '同时开设承办单位账号 Also open its department account.' }),
  }),
});

const UpdateBodyInput = builder.inputType('UpdateBodyInput', {
  fields: (t) => ({
    id: t.globalID({ for: Body, required: true }),
    shortName: t.string(),
    fullName: t.string(),
    kind: t.field({ type: BodyKind }),
    aliases: t.stringList(),
    memberIds: t.globalIDList({ for: Body }),
  }),
});

type Created = { body: { id: string }; account: { account: { id: string }; oneTimePassword: string } | null };

const CreateBodyResult = builder.objectRef<Created>('CreateBodyResult').implement({
  description: '登记的单位及其账号（一次性密码只显示这一次） The registered body and, if asked for, its account with a one-time password (shown this once).',
  fields: (t) => ({
    body: t.prismaField({ type: 'Body', resolve: (query, p, _a, ctx) => ctx.prisma.body.findUniqueOrThrow({ ...selection(query), where: { id: p.body.id } }) }),
    account: t.field({ type: AccountPassword, nullable: true, resolve: (p) => p.account }),
  }),
});

builder.mutationField('createBody', (t) =>
  t.field({
    type: CreateBodyResult,
    description: '登记单位，可同时开设其承办单位账号 Registers a body, and optionally opens its department account (one-time password, changed at first sign-in).',
    authScopes: keepers,
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateBodyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const login = input.account?.login.trim();
      const displayName = input.account?.displayName.trim();
      if (input.account) {
        if (!loginPattern.test(login!)) throw new ValidationError('登录名须为 3–40 个字母、数字、点或横线。 A login is 3–40 letters, digits, dots or dashes.');
        if (!displayName || displayName.length > 100) throw new ValidationError('请填写姓名或岗位（100 字以内）。 Give a name or post (at most 100 characters).');
        if (await ctx.prisma.account.findUnique({ where: { login: login! } })) throw new ValidationError(`登录名 ${login} 已被使用。 The login ${login} is taken.`);
      }
      const body = await createBody(ctx.prisma, {
        registryId: input.registryId?.id,
        shortName: input.shortName,
        fullName: input.fullName,
        kind: input.kind,
        aliases: input.aliases,
        members: input.memberIds?.map((m) => m.id),
      });
      await audit(ctx.prisma, ctx.actor, 'body.created', body.id, { shortName: body.shortName, kind: body.kind, registryId: body.registryId });
      if (!input.account) return { body, account: null };
      const made = await createDepartmentAccount(ctx.prisma, { login: login!, displayName: displayName!, bodyId: body.id, createdBy: ctx.actor!.accountId });
      await audit(ctx.prisma, ctx.actor, 'account.created', made.accountId, { login: made.login, role: 'department', bodyId: body.id });
      return { body, account: { account: { id: made.accountId }, oneTimePassword: made.oneTimePassword } };
    },
  }),
);

builder.mutationField('updateBody', (t) =>
  t.prismaField({
    type: 'Body',
    description: "修改单位的名称、类别、别名或成员（编号不变） Edits a body's names, kind, aliases or members; its id never changes.",
    authScopes: keepers,
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateBodyInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const body = await updateBody(ctx.prisma, input.id.id, {
        shortName: input.shortName ?? undefined,
        fullName: input.fullName ?? undefined,
        kind: input.kind ?? undefined,
        aliases: input.aliases ?? undefined,
        members: input.memberIds?.map((m) => m.id),
      });
      await audit(ctx.prisma, ctx.actor, 'body.updated', body.id, { shortName: body.shortName, kind: body.kind });
      return ctx.prisma.body.findUniqueOrThrow({ ...selection(query), where: { id: body.id } });
    },
  }),
);

builder.mutationField('mergeBodies', (t) =>
  t.prismaField({
    type: 'Body',
    description: '合并单位：被合并单位的名称成为别名，账号与分工归入存续单位，其编号仍指向存续单位 Merges a body into another; the merged id keeps resolving to the survivor.',
    authScopes: keepers,
    errors: { types: mutationErrors },
    args: { survivorId: t.arg.globalID({ for: Body, required: true }), mergedId: t.arg.globalID({ for: Body, required: true }) },
    resolve: async (query, _root, { survivorId, mergedId }, ctx) => {
      const body = await mergeBodies(ctx.prisma, survivorId.id, mergedId.id);
      await audit(ctx.prisma, ctx.actor, 'body.merged', body.id, { mergedId: mergedId.id });
      return ctx.prisma.body.findUniqueOrThrow({ ...selection(query), where: { id: body.id } });
    },
  }),
);

builder.mutationField('createRegistry', (t) =>
  t.prismaField({
    type: 'Registry',
    description: '新建单位登记册（一个发文政府一个） Creates a body registry for an issuing government.',
    authScopes: keepers,
    errors: { types: mutationErrors },
    args: { name: t.arg.string({ required: true, description: '发文政府 The issuing government (某某区人民政府).' }) },
    resolve: async (query, _root, { name }, ctx) => {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 100) throw new ValidationError('请填写发文政府（100 字以内）。 Give the issuing government (at most 100 characters).');
      if (await ctx.prisma.registry.findUnique({ where: { name: trimmed } })) throw new ValidationError(`登记册"${trimmed}"已存在。 The registry ${trimmed} exists.`);
      const registry = await ctx.prisma.registry.create({ ...selection(query), data: { id: `registry-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`, name: trimmed } });
      await audit(ctx.prisma, ctx.actor, 'registry.created', registry.id, { name: trimmed });
      return registry;
    },
  }),
);
