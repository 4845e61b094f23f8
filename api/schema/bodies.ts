import { calendarToken } from '../files/calendar.ts';
import { selection } from './selection.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, mutationErrors, NotFoundError } from './errors.ts';
import { normalizeWebhookUrl } from '../../domain/notices/webhook.ts';
import { offsetArg, withOffset } from './pagination.ts';

export const BodyKind = builder.enumType('BodyKind', {
  values: {
    department: { description: '市（区）政府部门 A department of the issuing government' },
    district: { description: '区县（乡镇街道）政府 A district, county or township government' },
    regulator: { description: '驻地监管机构 A central regulator\'s local office or a bank branch' },
    external: { description: '外部单位 A body not under the issuing government (a national ministry, a central agency)' },
    group: { description: '单位群组 A fixed set of registered bodies (各区县人民政府)' },
    placeholder: { description: '待指定 A set the supervising office designates (有关部门)' },
  } as const,
});

export const RegistryNode = builder.prismaNode('Registry', {
  id: { field: 'id' },
  description: '单位登记册（按发文政府） A body registry, one per issuing government.',
  fields: (t) => ({
    name: t.exposeString('name', { description: '发文政府 The issuing government.' }),
    bodyCount: t.relationCount('bodies', { where: { mergedIntoId: null } }),
  }),
});

export const Body = builder.prismaNode('Body', {
  id: { field: 'id' },
  description: '政府部门或单位 A government body named in notices.',
  fields: (t) => ({
    shortName: t.exposeString('shortName', { description: '简称 Name as notices write it' }),
    fullName: t.exposeString('fullName'),
    kind: t.field({ type: BodyKind, resolve: (body) => body.kind as typeof BodyKind.$inferType }),
    aliases: t.stringList({ description: '别名：简称、全称、曾用名 Other names: short, full, former.', resolve: (body) => JSON.parse(body.aliases) as string[] }),
    registry: t.relation('registry'),
    mergedInto: t.relation('mergedInto', { nullable: true, description: '已并入的单位 The body this one was merged into (its id resolves there).' }),
  }),
});

builder.prismaObjectField(Body, 'members', (t) =>
  t.field({
    type: [Body],
    description: 'Members of a group body (各区县人民政府).',
    select: { members: { include: { member: true } } },
    resolve: (body) => body.members.map((m) => m.member),
  }),
);

builder.queryField('bodies', (t) =>
  t.prismaConnection({
    type: 'Body',
    cursor: 'id',
    authScopes: { signedIn: true },
    description: '已登记单位（不含已合并的） Registered bodies (merged ones left out unless asked for).',
    args: {
      kind: t.arg({ type: BodyKind, required: false }),
      registryId: t.arg.globalID({ for: RegistryNode, required: false }),
      search: t.arg.string({ description: '名称或别名 A name or alias' }),
      includeMerged: t.arg.boolean({ defaultValue: false }),
      ...offsetArg(),
    },
    totalCount: (_parent, args, ctx) => ctx.prisma.body.count({ where: bodyFilter(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.body.findMany({ ...withOffset(query, args.offset), where: bodyFilter(args), orderBy: { id: 'asc' } }),
  }),
);

function bodyFilter(args: { kind?: string | null; registryId?: { id: string } | null; search?: string | null; includeMerged?: boolean | null }) {
  const search = args.search?.trim();
  return {
    AND: [
      args.kind ? { kind: args.kind } : {},
      args.registryId ? { registryId: args.registryId.id } : {},
      args.includeMerged ? {} : { mergedIntoId: null },
      search ? { OR: [{ shortName: { contains: search } }, { fullName: { contains: search } }, { aliases: { contains: search } }] } : {},
    ],
  };
}

builder.queryField('registries', (t) =>
  t.prismaField({
    type: ['Registry'],
    description: '单位登记册 Every body registry, by issuing government.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.registry.findMany({ ...query, orderBy: { createdAt: 'asc' } }),
  }),
);

/** The body's own users and the supervising office hold its calendar link. */
const mayHoldCalendar = (ctx: Context, bodyId: string) =>
  !ctx.session?.mustChangePassword && (ctx.actor?.role === 'supervisor' || (ctx.actor?.role === 'department' && ctx.actor.bodyId === bodyId));

builder.prismaObjectField(Body, 'calendarUrl', (t) =>
  t.string({
    description: '期限日历订阅地址 Absolute URL of the iCalendar feed of the body\'s deadlines (for its own users and the supervising office); regenerateCalendarUrl revokes it.',
    nullable: true,
    resolve: async (body, _args, ctx) =>
      mayHoldCalendar(ctx, body.id) ? `${ctx.origin}/calendar/${encodeURIComponent(body.id)}.ics?token=${await calendarToken(ctx.signingKey, body.id, body.calendarVersion)}` : null,
  }),
);

builder.mutationField('regenerateCalendarUrl', (t) =>
  t.prismaField({
    type: 'Body',
    description: '重新生成日历订阅地址，旧地址随即失效 Makes a new calendar link for the body; every earlier link stops working.',
    authScopes: { supervisor: true, department: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { bodyId: t.arg.globalID({ for: Body, required: true }) },
    resolve: async (query, _root, { bodyId }, ctx) => {
      if (!mayHoldCalendar(ctx, bodyId.id)) throw new ForbiddenError('只能为本单位重新生成日历地址。 Only for your own body.');
      const { count } = await ctx.prisma.body.updateMany({ where: { id: bodyId.id }, data: { calendarVersion: { increment: 1 } } });
      if (count === 0) throw new NotFoundError('单位不存在。 No such body.');
      return ctx.prisma.body.findUniqueOrThrow({ ...selection(query), where: { id: bodyId.id } });
    },
  }),
);

/** The supervising office and administrators keep the bodies' robot webhooks (their URLs carry the robot's key). */
const mayKeepWebhooks = (ctx: Context) => ctx.actor?.role === 'supervisor' || ctx.actor?.role === 'admin';

builder.prismaObjectField(Body, 'webhookUrl', (t) =>
  t.string({
    description: '群机器人推送地址（企业微信、钉钉），该单位的通知同时推送至此；仅督办部门和管理员可见 The group-robot webhook the body\'s notices are also POSTed to; shown to the supervising office and administrators only.',
    nullable: true,
    select: { webhookUrl: true },
    resolve: (body, _args, ctx) => (mayKeepWebhooks(ctx) ? body.webhookUrl : null),
  }),
);

builder.mutationField('setBodyWebhook', (t) =>
  t.prismaField({
    type: 'Body',
    description: '设置或清除单位的群机器人推送地址（http/https） Sets the body\'s group-robot webhook (an http(s) URL), or clears it with an empty or null url.',
    authScopes: { supervisor: true, admin: true },
    errors: { types: mutationErrors },
    args: { bodyId: t.arg.globalID({ for: Body, required: true }), url: t.arg.string() },
    resolve: async (query, _root, { bodyId, url }, ctx) => {
      const webhookUrl = normalizeWebhookUrl(url ?? '');
      const { count } = await ctx.prisma.body.updateMany({ where: { id: bodyId.id }, data: { webhookUrl } });
      if (count === 0) throw new NotFoundError('单位不存在。 No such body.');
      return ctx.prisma.body.findUniqueOrThrow({ ...selection(query), where: { id: bodyId.id } });
    },
  }),
);
