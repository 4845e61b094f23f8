import { encodeGlobalID } from '@pothos/plugin-relay';
import { delegationInForce } from '../../domain/supervision/sign-off.ts';
import type { Actor, SignOffDraft } from '../../domain/supervision/types.ts';
import { delegateSignOff, responsiblePerson, revokeSignOffDelegation, withDuty } from '../../services/sign-off.ts';
import { AccountNode, audit, DemoLogin } from './auth.ts';
import { Body } from './bodies.ts';
import { builder, type Context } from './builder.ts';
import { AttachmentRefType, TaskEventDetails } from './details.ts';
import { mutationErrors } from './errors.ts';
import { selection } from './selection.ts';

export const AccountDuty = builder.enumType('AccountDuty', {
  description: '承办单位账号在本单位的职责 A department account\'s duty in its unit.',
  values: {
    drafter: { description: '承办人：起草报送和延期申请，经负责人签发后报出 Drafts submissions and extension requests; the 负责人 signs them off.' },
    responsible: { description: '负责人：签发本单位的报送 Signs off the unit\'s submissions.' },
  } as const,
});

const dutyOf = new WeakMap<object, Promise<Actor | null>>();

/** The signed-in actor with its duty in its unit now (承办人, 负责人 or acting delegate), once per request. */
export function actorWithDuty(ctx: Pick<Context, 'prisma' | 'actor'>): Promise<Actor | null> {
  let actor = dutyOf.get(ctx);
  if (!actor) {
    actor = ctx.actor ? withDuty(ctx.prisma, ctx.actor) : Promise.resolve(null);
    dutyOf.set(ctx, actor);
  }
  return actor;
}

builder.prismaObjectField(AccountNode, 'duty', (t) =>
  t.field({
    type: AccountDuty,
    nullable: true,
    description: '承办单位账号的职责（未设：负责人） A department account\'s duty; none set: responsible (a unit\'s only account is both).',
    select: { duty: true, role: true },
    resolve: (a) => (a.role === 'department' ? ((a.duty ?? 'responsible') as 'drafter' | 'responsible') : null),
  }),
);

builder.prismaObjectField(Body, 'responsiblePerson', (t) =>
  t.string({
    nullable: true,
    description: '本单位负责人（督办单和通报所称） The unit\'s responsible person (负责人), as 督办单 and bulletins name them.',
    select: { id: true },
    resolve: (body, _args, ctx) => responsiblePerson(ctx.prisma, body.id),
  }),
);

const SignOffDraftType = builder.objectRef<SignOffDraft>('SignOffDraft').implement({
  description: '待签发的草稿 A 承办人\'s submission or extension request awaiting the unit\'s sign-off (签发).',
  fields: (t) => ({
    kind: t.string({ description: 'submit | requestExtension', resolve: (d) => d.type }),
    comment: t.exposeString('comment'),
    attachedFiles: t.field({ type: [AttachmentRefType], resolve: (d) => d.attachments }),
    until: t.field({ type: 'DateTime', nullable: true, description: 'requestExtension: the deadline asked for.', resolve: (d) => (d.until ? new Date(d.until) : null) }),
    draftedBy: t.string({ description: '起草人 Who drafted it.', resolve: (d) => d.draftedBy.name }),
    draftedAt: t.field({ type: 'DateTime', resolve: (d) => new Date(d.draftedAt) }),
  }),
});

builder.prismaObjectField('Assignment', 'signOffDraft', (t) =>
  t.field({
    type: SignOffDraftType,
    nullable: true,
    description: '待本单位签发的草稿（仅本单位可见；督办部门看不到未签发的报送） The draft awaiting the unit\'s sign-off: seen by the unit only.',
    select: { signOffDraft: true, bodyId: true },
    resolve: (a, _args, ctx) => (a.signOffDraft && ctx.actor?.role === 'department' && ctx.actor.bodyId === a.bodyId ? (JSON.parse(a.signOffDraft) as SignOffDraft) : null),
  }),
);

builder.prismaObjectField('TaskEvent', 'onBehalfOfName', (t) =>
  t.exposeString('onBehalfOfName', { nullable: true, description: '代理签发时被代理的负责人（张三（代 李四）） For an acting delegate: the person acted for.' }),
);
builder.prismaObjectFields('AuditEntry', (t) => ({
  onBehalfOfId: t.exposeString('onBehalfOfId', { nullable: true, description: 'For an acting delegate: the account acted for.' }),
  onBehalfOfName: t.exposeString('onBehalfOfName', { nullable: true, description: '被代理人 For an acting delegate: the person acted for.' }),
}));

builder.objectFields(DemoLogin, (t) => ({
  duty: t.field({ type: AccountDuty, nullable: true, description: '承办单位账号的职责；空为负责人 A department account\'s duty; null: the 负责人.', resolve: (a) => a.duty ?? null }),
}));

type SignOffData = { signedOff?: boolean; draftedBy?: string; signOffComment?: string; draftOf?: string };
builder.objectFields(TaskEventDetails, (t) => ({
  signedOff: t.boolean({ nullable: true, description: 'submit, requestExtension: signed off by the unit\'s 负责人 from a 承办人\'s draft.', resolve: (d) => (d as SignOffData).signedOff ?? null }),
  draftedBy: t.string({ nullable: true, description: 'signed off or returned draft: who drafted it.', resolve: (d) => (d as SignOffData).draftedBy ?? null }),
  signOffComment: t.string({ nullable: true, description: 'signed off: the 负责人\'s comment.', resolve: (d) => (d as SignOffData).signOffComment ?? null }),
  draftOf: t.string({ nullable: true, description: 'draft, returnDraft: submit | requestExtension.', resolve: (d) => (d as SignOffData).draftOf ?? null }),
}));

interface DelegationRow { id: string; principalId: string; delegateId: string; from: Date; until: Date; revokedAt: Date | null }

const SignOffDelegationType = builder.prismaObject('SignOffDelegation', {
  description: '职务代理：负责人指定同单位的同事在一段时间内代为签发 A 负责人\'s sign-off delegated to a colleague for a period.',
  fields: (t) => ({
    id: t.exposeID('id'),
    principalName: t.string({ description: '负责人 Who delegated.', resolve: (d, _a, ctx) => nameOf(ctx, d.principalId) }),
    delegateName: t.string({ description: '代理人 Who acts.', resolve: (d, _a, ctx) => nameOf(ctx, d.delegateId) }),
    from: t.expose('from', { type: 'DateTime' }),
    until: t.expose('until', { type: 'DateTime', description: 'Exclusive: the delegation ends at this instant.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    inForce: t.boolean({ resolve: (d) => delegationInForce({ from: d.from.toISOString(), until: d.until.toISOString(), revokedAt: d.revokedAt?.toISOString() ?? null }, Date.now()) }),
    mayRevoke: t.boolean({ description: '当前登录者可撤销 The signed-in viewer named this delegate and it is not revoked or over.', resolve: (d, _a, ctx) => mayRevoke(d, ctx) }),
  }),
});

const mayRevoke = (d: DelegationRow, ctx: Context) => d.principalId === ctx.actor?.accountId && !d.revokedAt && d.until.getTime() > Date.now();

async function nameOf(ctx: Context, accountId: string): Promise<string> {
  return (await ctx.prisma.account.findUnique({ where: { id: accountId }, select: { displayName: true } }))?.displayName ?? '—';
}

const Colleague = builder.objectRef<{ id: string; displayName: string; duty: string | null }>('Colleague').implement({
  description: '本单位的同事账号 An active account of the viewer\'s own unit.',
  fields: (t) => ({
    id: t.id({ description: 'The account\'s global id, for delegateSignOff.', resolve: (c) => encodeGlobalID('Account', c.id) }),
    displayName: t.exposeString('displayName'),
    duty: t.field({ type: AccountDuty, resolve: (c) => (c.duty ?? 'responsible') as 'drafter' | 'responsible' }),
  }),
});

const SignOffDesk = builder.objectRef<{ actor: Actor }>('SignOffDesk').implement({
  description: '签发与代理：本单位的待签发草稿、同事和职务代理 A department\'s sign-off desk: drafts awaiting sign-off, colleagues and delegations.',
  fields: (t) => ({
    duty: t.field({ type: AccountDuty, nullable: true, description: '当前登录者此刻的职责；未设：本单位无另设负责人，报送直接报出 The viewer\'s duty now; none: the unit has no separate 负责人 and submissions go straight out.', resolve: ({ actor }) => actor.duty ?? null }),
    onBehalfOfName: t.string({ nullable: true, description: '正在代理的负责人 The 负责人 the viewer acts for now.', resolve: ({ actor }) => actor.onBehalfOf?.name ?? null }),
    mayDelegate: t.boolean({ description: '可指定代理人（本人为负责人） The viewer is a 负责人 and may name an acting delegate.', resolve: ({ actor }) => actor.duty === 'responsible' && !actor.onBehalfOf }),
    drafts: t.prismaField({
      type: ['Assignment'],
      description: '本单位待签发的分工 The unit\'s assignments with a draft awaiting sign-off, oldest first.',
      resolve: (query, { actor }, _a, ctx) => ctx.prisma.assignment.findMany({ ...selection(query), where: { bodyId: actor.bodyId ?? '', signOffDraft: { not: null }, task: { status: 'open' } }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], take: 200 }),
    }),
    colleagues: t.field({
      type: [Colleague],
      resolve: ({ actor }, _a, ctx) =>
        ctx.prisma.account.findMany({ where: { bodyId: actor.bodyId ?? '', role: 'department', active: true, id: { not: actor.accountId } }, orderBy: { login: 'asc' }, select: { id: true, displayName: true, duty: true } }),
    }),
    delegations: t.prismaField({
      type: [SignOffDelegationType],
      description: '本单位的职务代理，最新在前 The unit\'s delegations, newest first.',
      resolve: (query, { actor }, _a, ctx) => ctx.prisma.signOffDelegation.findMany({ ...selection(query), where: { bodyId: actor.bodyId ?? '' }, orderBy: { createdAt: 'desc' }, take: 50 }),
    }),
  }),
});

builder.queryField('signOffDesk', (t) =>
  t.field({
    type: SignOffDesk,
    description: '承办单位的签发与代理 The signed-in department account\'s sign-off desk.',
    authScopes: { department: true },
    resolve: async (_r, _a, ctx) => ({ actor: (await actorWithDuty(ctx))! }),
  }),
);

builder.mutationField('delegateSignOff', (t) =>
  t.prismaField({
    type: SignOffDelegationType,
    description: '负责人指定本单位同事在一段时间内代为签发（职务代理） A 负责人 names a colleague of the same unit as acting for a period (from inclusive, until exclusive).',
    authScopes: { department: true },
    errors: { types: mutationErrors },
    args: {
      accountId: t.arg.globalID({ for: AccountNode, required: true }),
      from: t.arg({ type: 'DateTime', required: true }),
      until: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: async (query, _r, { accountId, from, until }, ctx) => {
      const row = await delegateSignOff(ctx.prisma, ctx.actor!, accountId.id, from, until);
      await audit(ctx.prisma, ctx.actor, 'signOff.delegated', row.id, { delegateId: row.delegateId, from: row.from, until: row.until });
      return ctx.prisma.signOffDelegation.findUniqueOrThrow({ ...selection(query), where: { id: row.id } });
    },
  }),
);

builder.mutationField('revokeSignOffDelegation', (t) =>
  t.prismaField({
    type: SignOffDelegationType,
    description: '撤销职务代理 The 负责人 ends a delegation at once.',
    authScopes: { department: true },
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const row = await revokeSignOffDelegation(ctx.prisma, ctx.actor!, String(id));
      await audit(ctx.prisma, ctx.actor, 'signOff.revoked', row.id, { delegateId: row.delegateId });
      return ctx.prisma.signOffDelegation.findUniqueOrThrow({ ...selection(query), where: { id: row.id } });
    },
  }),
);
