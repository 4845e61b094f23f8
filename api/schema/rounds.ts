import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Actor } from '../../domain/supervision/types.ts';
import { recordDenial } from '../auth/denials.ts';
import { builder, type Context } from './builder.ts';
import { ActionRefused, NotFoundError, ValidationError } from './errors.ts';
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
    attachments: t.string({ description: 'JSON list of attachment references.', resolve: (e) => e.attachments }),
    data: t.string({ description: 'JSON details (late and missing units, filing number…).', resolve: (e) => e.data }),
  }),
});

export const RoundActionResult = builder.objectRef<{ seq: number; type: string; at: string }>('RoundActionResult').implement({
  description: '已记录的事件 The event the action recorded.',
  fields: (t) => ({ seq: t.exposeInt('seq'), type: t.exposeString('type'), at: t.exposeString('at') }),
});

/** A department sees only its own body's units; the offices see all. */
export const mayReadUnit = (actor: Actor | null, bodyId: string) => actor !== null && (actor.role !== 'department' || actor.bodyId === bodyId);
export const unitFilter = (actor: Actor | null) => (actor?.role === 'department' ? { bodyId: actor.bodyId ?? '' } : {});

/**
 * Runs an update on a round or unit workflow; a refusal by its validator
 * becomes an InvalidTransitionError with the validator's words, and is kept.
 */
export async function runUpdate<R>(ctx: Context, operation: string, call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      recordDenial(ctx.prisma, ctx.actor, operation, reason);
      throw new ActionRefused(reason);
    }
    if (error instanceof WorkflowNotFoundError) throw new ActionRefused('本轮已结束。 This round is closed.');
    throw error;
  }
}

export function notFound(ctx: Context, operation: string): never {
  recordDenial(ctx.prisma, ctx.actor, operation, 'no such object, or not visible');
  throw new NotFoundError('对象不存在或不可见 No such object, or not visible to you.');
}

/** Attachments named by id must have been uploaded first. */
export async function storedAttachments(ctx: Context, ids: string[]) {
  const stored = await ctx.prisma.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  if (stored.length !== new Set(ids).size) throw new ValidationError('附件不存在，请重新上传。 An attachment was not found: upload it again.');
  return ids.map((id) => stored.find((s) => s.id === id)!);
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

/** Pothos selects nothing when a client asks only for __typename; Prisma refuses an empty select. */
export function selection<Q extends { select?: object }>(query: Q): Q | Record<string, never> {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}
