import { findEntity } from '../../services/credit/entities.ts';
import { builder, type Context } from './builder.ts';
import { ForbiddenError, mutationErrors, NotFoundError, ValidationError } from './errors.ts';

const OfficerRef = builder.prismaObject('EnforcementOfficer', {
  description: '执法人员 An inspector in a body\'s enforcement staff pool.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    bodyId: t.exposeString('bodyId'),
    active: t.exposeBoolean('active'),
    conflicts: t.prismaField({
      type: ['InspectorConflict'],
      description: '申报的回避及理由：仅督办部门和本单位可见（其他人得到空列表） Declared conflicts and their reasons: only the supervising office and the officer\'s own body see them (anyone else gets none), on every path.',
      resolve: (query, officer, _args, ctx) =>
        mayReadConflicts(ctx, officer.bodyId) ? ctx.prisma.inspectorConflict.findMany({ ...query, where: { officerId: officer.id }, orderBy: { entityCode: 'asc' } }) : [],
    }),
  }),
});

/** Conflicts are personal: the supervising office and the officer's own body only. */
const mayReadConflicts = (ctx: Context, bodyId: string) => ctx.actor?.role === 'supervisor' || (ctx.actor?.role === 'department' && ctx.actor.bodyId === bodyId);

builder.prismaObject('InspectorConflict', {
  description: '申报的回避 A declared conflict of interest.',
  fields: (t) => ({ entityCode: t.exposeString('entityCode'), reason: t.exposeString('reason'), declaredAt: t.expose('declaredAt', { type: 'DateTime' }) }),
});

builder.queryField('enforcementOfficers', (t) =>
  t.prismaField({
    type: ['EnforcementOfficer'],
    authScopes: { supervisor: true, department: true },
    args: { bodyId: t.arg.string() },
    description: '执法人员名录（部门只见本单位的，回避申报涉及个人情况） The staff pools; a department sees only its own body\'s, as declared conflicts are personal.',
    resolve: async (query, _root, { bodyId }, ctx) => {
      const { role, bodyId: own } = ctx.actor!;
      if (role === 'department' && (!own || (bodyId && bodyId !== own))) return [];
      const body = role === 'department' ? own : bodyId;
      return ctx.prisma.enforcementOfficer.findMany({ ...query, where: body ? { bodyId: body } : {}, orderBy: { id: 'asc' } });
    },
  }),
);

builder.mutationField('addEnforcementOfficer', (t) =>
  t.field({
    type: OfficerRef,
    description: '把执法人员加入本单位名录 Adds an inspector to a body\'s pool (a department: its own body only).',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.string({ required: true, description: '执法证号 Enforcement ID' }), name: t.arg.string({ required: true }), bodyId: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (ctx.actor!.role === 'department' && ctx.actor!.bodyId !== args.bodyId) throw new ForbiddenError('只能维护本单位的执法人员名录。 You maintain only your own body\'s pool.');
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(args.id) || !args.name.trim()) throw new ValidationError('请填写执法证号（字母、数字）和姓名。 Give the enforcement ID (letters, digits) and the name.');
      if (!(await ctx.prisma.body.findUnique({ where: { id: args.bodyId } }))) throw new NotFoundError('单位不存在。 No such body.');
      if (await ctx.prisma.enforcementOfficer.findUnique({ where: { id: args.id } })) throw new ValidationError('该执法证号已登记。 This enforcement ID is already registered.');
      return ctx.prisma.enforcementOfficer.create({ data: { id: args.id, name: args.name.trim(), bodyId: args.bodyId } });
    },
  }),
);

builder.mutationField('declareConflict', (t) =>
  t.field({
    type: OfficerRef,
    description: '申报回避：此后抽派不会派该人员检查该主体 Declares a conflict: the inspector is never drawn for that entity.',
    authScopes: { supervisor: true, department: true },
    errors: { types: mutationErrors },
    args: { officerId: t.arg.string({ required: true }), entityCode: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const officer = await ctx.prisma.enforcementOfficer.findUnique({ where: { id: args.officerId } });
      if (!officer) throw new NotFoundError('执法人员不存在。 No such inspector.');
      if (ctx.actor!.role === 'department' && ctx.actor!.bodyId !== officer.bodyId) throw new ForbiddenError('只能为本单位执法人员申报回避。 Only for your own body\'s inspectors.');
      const entity = await findEntity(ctx.prisma, args.entityCode);
      if (!args.reason.trim()) throw new ValidationError('请填写回避理由。 Give the reason for the conflict.');
      await ctx.prisma.inspectorConflict.upsert({
        where: { officerId_entityCode: { officerId: officer.id, entityCode: entity.code } },
        create: { officerId: officer.id, entityCode: entity.code, reason: args.reason.trim() },
        update: { reason: args.reason.trim() },
      });
      return ctx.prisma.enforcementOfficer.findUniqueOrThrow({ where: { id: officer.id } });
    },
  }),
);

/**
 * Takes an officer out of the pool (or back in). The draw reads only active
 * officers, so an inactive one is never drawn for a new round; rounds already
 * drawn keep their inspectors. The change is kept in the audit log.
 */
function setOfficerActive(active: boolean) {
  return builder.mutationField(active ? 'reactivateEnforcementOfficer' : 'deactivateEnforcementOfficer', (t) =>
    t.field({
      type: OfficerRef,
      description: active
        ? '恢复执法人员：此后的抽查可以抽派 Reactivates an inspector: later draws may pick them again (supervising office).'
        : '停用执法人员：此后的抽查不再抽派，已抽派的批次不变 Deactivates an inspector: never drawn for a new round; rounds already drawn keep them (supervising office).',
      authScopes: { supervisor: true },
      errors: { types: mutationErrors },
      args: { officerId: t.arg.string({ required: true, description: '执法证号 Enforcement ID' }), reason: t.arg.string({ description: '原因 Why, kept in the audit log.' }) },
      resolve: async (_root, { officerId, reason }, ctx) => {
        const officer = await ctx.prisma.enforcementOfficer.findUnique({ where: { id: officerId.trim() } });
        if (!officer) throw new NotFoundError(`执法人员 ${officerId.trim()} 不存在。 No inspector has the enforcement ID ${officerId.trim()}.`);
        const unchanged = new ValidationError(active ? `${officer.name} 未被停用。 ${officer.name} is already active.` : `${officer.name} 已停用。 ${officer.name} is already inactive.`);
        if (officer.active === active) throw unchanged;
        const actor = ctx.actor!;
        const at = new Date();
        return ctx.prisma.$transaction(async (tx) => {
          // Only the state read above changes: a concurrent call finds it changed and writes nothing.
          const { count } = await tx.enforcementOfficer.updateMany({ where: { id: officer.id, active: !active }, data: { active } });
          if (count === 0) throw unchanged;
          await tx.auditEntry.create({
            data: {
              key: `staff:${officer.id}@${at.toISOString()}`, at, actorId: actor.accountId, actorName: actor.name,
              action: active ? 'staff.reactivated' : 'staff.deactivated', target: officer.id, detail: JSON.stringify({ bodyId: officer.bodyId, reason: reason?.trim() ?? '' }),
            },
          });
          return tx.enforcementOfficer.findUniqueOrThrow({ where: { id: officer.id } });
        });
      },
    }),
  );
}

setOfficerActive(false);
setOfficerActive(true);
