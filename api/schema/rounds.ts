import { availableUnitActions, type UnitStatus as UnitStatusValue } from '../../domain/rounds/unit.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import { recordDenial } from '../auth/denials.ts';
import { builder, type Context } from './builder.ts';
import { attachedFiles, AttachmentRefType, parse, RoundEventDetails, type RoundEventData } from './details.ts';
import { NotFoundError } from './errors.ts';
import { Light } from './tasks.ts';

export { Light };

export const UnitStatus = builder.enumType('RoundUnitStatus', {
  values: {
    assigned: { description: '待报送 Owed' },
    submitted: { description: '已报送待审核 Submitted, awaiting review' },
    returned: { description: '已退回 Returned for revision' },
    accepted: { description: '已通过 Accepted' },
  } as const,
});

export const UnitActionType = builder.enumType('RoundUnitActionType', {
  values: {
    submit: { description: '报送 Submit' },
    accept: { description: '审核通过 Accept' },
    return: { description: '退回并说明理由 Return with reasons' },
    urge: { description: '催报 Urge' },
  } as const,
});

builder.prismaObject('RoundEvent', {
  description: '轮次事件 Something that happened in a filing or evaluation round, or to one of its units.',
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.exposeInt('seq'),
    type: t.exposeString('type', { description: 'open, submit, accept, return, urge, reminder, overdue, weekly, consolidate, recordFiling, roundClosed' }),
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName'),
    bodyId: t.exposeString('bodyId', { nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
    attachedFiles: t.field({ type: [AttachmentRefType], description: '随操作提交的附件 The files sent with the action.', resolve: attachedFiles }),
    details: t.field({ type: RoundEventDetails, description: '事件的详情 Late and missing units, the filing number, the days left…', resolve: (e) => parse<RoundEventData>(e.data) }),
    attachments: t.string({ description: 'JSON list of attachment references.', deprecationReason: 'Use attachedFiles.', resolve: (e) => e.attachments }),
    data: t.string({ description: 'JSON details (late and missing units, filing number…).', deprecationReason: 'Use details.', resolve: (e) => e.data }),
  }),
});

export const RoundActionResult = builder.objectRef<{ seq: number; type: string; at: string }>('RoundActionResult').implement({
  description: '已记录的事件 The event the action recorded.',
  fields: (t) => ({ seq: t.exposeInt('seq'), type: t.exposeString('type'), at: t.exposeString('at') }),
});

/** A department sees only its own body's units; the offices see all. */
export const mayReadUnit = (actor: Actor | null, bodyId: string) => actor !== null && (actor.role !== 'department' || actor.bodyId === bodyId);
export const unitFilter = (actor: Actor | null) => (actor?.role === 'department' ? { bodyId: actor.bodyId ?? '' } : {});

/** What an action on a round or unit answers once its workflow has ended. */
export const roundClosed = '本轮已结束。 This round is closed.';

export function notFound(ctx: Context, operation: string): never {
  recordDenial(ctx.prisma, ctx.actor, operation, 'no such object, or not visible');
  throw new NotFoundError('对象不存在或不可见 No such object, or not visible to you.');
}


/** A round's workflow projects it first thing: wait for its row before answering with it. */
export async function projected<T>(find: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the round did not appear in the read model in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


const unitActionsField = (model: 'BodyFiling' | 'UnitReport') =>
  builder.prismaObjectField(model, 'availableActions', (t) =>
    t.field({
      type: [UnitActionType],
      description: '当前登录者现在可执行的操作（与轮次流程同一校验规则） What the signed-in viewer may do to this unit now, by the rule its workflow checks.',
      select: { status: true, bodyId: true, round: { select: { status: true } } },
      resolve: (unit, _args, ctx) =>
        ctx.actor ? availableUnitActions({ closed: unit.round.status !== 'open', bodyId: unit.bodyId, status: unit.status as UnitStatusValue }, ctx.actor) : [],
    }),
  );
unitActionsField('BodyFiling');
unitActionsField('UnitReport');
