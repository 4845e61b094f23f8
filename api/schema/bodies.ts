import { calendarToken } from '../files/calendar.ts';
import { selection } from './selection.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import { offsetArg, withOffset } from './pagination.ts';

const BodyKind = builder.enumType('BodyKind', {
  values: ['department', 'district', 'regulator', 'group', 'placeholder'] as const,
});

export const Body = builder.prismaNode('Body', {
  id: { field: 'id' },
  description: '政府部门或单位 A government body named in notices.',
  fields: (t) => ({
    shortName: t.exposeString('shortName', { description: '简称 Name as notices write it' }),
    fullName: t.exposeString('fullName'),
    kind: t.field({ type: BodyKind, resolve: (body) => body.kind as typeof BodyKind.$inferType }),
    aliases: t.stringList({ resolve: (body) => JSON.parse(body.aliases) as string[] }),
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
    args: { kind: t.arg({ type: BodyKind, required: false }), ...offsetArg() },
    totalCount: (_parent, args, ctx) => ctx.prisma.body.count({ where: bodyFilter(args.kind) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.body.findMany({ ...withOffset(query, args.offset), where: bodyFilter(args.kind), orderBy: { id: 'asc' } }),
  }),
);

const bodyFilter = (kind: string | null | undefined) => (kind ? { kind } : {});

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
