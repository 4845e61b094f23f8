import { calendarToken } from '../files/calendar.ts';
import { builder } from './builder.ts';
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

builder.prismaObjectField(Body, 'calendarUrl', (t) =>
  t.string({
    description: '期限日历订阅地址 iCalendar feed of the body\'s deadlines (for its own users and the supervising office).',
    nullable: true,
    resolve: async (body, _args, ctx) => {
      const allowed = ctx.actor?.role === 'supervisor' || (ctx.actor?.role === 'department' && ctx.actor.bodyId === body.id);
      return allowed ? `/calendar/${body.id}.ics?token=${await calendarToken(ctx.signingKey, body.id)}` : null;
    },
  }),
);
