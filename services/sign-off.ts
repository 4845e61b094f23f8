import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { dayMs } from '../domain/time/instants.ts';
import { dutyNow, type Duty } from '../domain/supervision/sign-off.ts';
import type { Actor } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { responsibleAccounts as responsibleOf, responsiblePeople } from '../readmodel/responsible.ts';

/** A delegation runs at most this long: a longer absence is a new 负责人, not an acting one. */
export const maxDelegationMs = 366 * dayMs;

/** The delegation in force now for this delegate, if its 负责人 is still an active 负责人 of the same body. */
async function delegationInForceFor(prisma: PrismaClient, accountId: string, bodyId: string, now: Date) {
  const rows = await prisma.signOffDelegation.findMany({
    where: { delegateId: accountId, bodyId, revokedAt: null, from: { lte: now }, until: { gt: now } }, orderBy: { createdAt: 'desc' },
  });
  for (const row of rows) {
    const principal = await prisma.account.findFirst({ where: { id: row.principalId, ...responsibleOf(bodyId) }, select: { id: true, displayName: true } });
    if (principal) return { from: row.from.toISOString(), until: row.until.toISOString(), principal: { accountId: principal.id, name: principal.displayName } };
  }
  return null;
}

/** The actor with its duty in its unit now (承办人 / 负责人 / acting delegate): what the task workflow checks sign-off by. */
export async function withDuty(prisma: PrismaClient, actor: Actor, now = new Date()): Promise<Actor> {
  if (actor.role !== 'department' || !actor.bodyId) return actor;
  const account = await prisma.account.findUnique({ where: { id: actor.accountId }, select: { duty: true } });
  const colleagues = await prisma.account.count({ where: { ...responsibleOf(actor.bodyId), id: { not: actor.accountId } } });
  const delegation = account?.duty === 'drafter' ? await delegationInForceFor(prisma, actor.accountId, actor.bodyId, now) : null;
  return { ...actor, ...dutyNow((account?.duty ?? null) as Duty | null, colleagues, delegation, now.getTime()) };
}

/** The 负责人 a body's 督办单 and bulletins name: its first active responsible account, by login. */
export async function responsiblePerson(prisma: PrismaClient, bodyId: string): Promise<string | null> {
  return (await responsiblePeople(prisma, [bodyId])).get(bodyId) ?? null;
}

/** A 负责人 names a colleague of the same body as acting (职务代理) for a period. */
export async function delegateSignOff(prisma: PrismaClient, actor: Actor, delegateId: string, from: Date, until: Date, now = new Date()) {
  const own = actor.role === 'department' && actor.bodyId
    ? await prisma.account.findFirst({ where: { id: actor.accountId, ...responsibleOf(actor.bodyId) }, select: { id: true } })
    : null;
  if (!own) throw new ForbiddenError('只有承办单位的负责人可以指定代理人。 Only a unit\'s responsible person may name an acting delegate.');
  const delegate = await prisma.account.findUnique({ where: { id: delegateId }, select: { id: true, bodyId: true, role: true, active: true, displayName: true } });
  if (!delegate || delegate.bodyId !== actor.bodyId || delegate.role !== 'department') throw new NotFoundError('本单位没有该账号。 No such account in your unit.');
  if (delegate.id === actor.accountId) throw new ValidationError('不能指定自己为代理人。 You cannot name yourself.');
  if (!delegate.active) throw new ValidationError('该账号已停用。 That account is disabled.');
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime()) || until <= from) throw new ValidationError('代理结束时间须晚于开始时间。 The delegation must end after it starts.');
  if (until <= now) throw new ValidationError('代理结束时间须在将来。 The delegation must end in the future.');
  if (until.getTime() - from.getTime() > maxDelegationMs) throw new ValidationError('代理期限不能超过一年。 A delegation runs at most a year.');
  return prisma.signOffDelegation.create({
    data: { id: `delegation-${randomUUID()}`, bodyId: actor.bodyId!, principalId: actor.accountId, delegateId: delegate.id, from, until },
  });
}

/** The 负责人 who named a delegate ends the delegation; revoking twice changes nothing. */
export async function revokeSignOffDelegation(prisma: PrismaClient, actor: Actor, id: string, now = new Date()) {
  const row = await prisma.signOffDelegation.findUnique({ where: { id } });
  if (!row || row.bodyId !== actor.bodyId) throw new NotFoundError('没有该代理。 No such delegation.');
  if (row.principalId !== actor.accountId) throw new ForbiddenError('只有指定代理的负责人可以撤销。 Only the responsible person who named the delegate may revoke it.');
  return row.revokedAt ? row : prisma.signOffDelegation.update({ where: { id }, data: { revokedAt: now } });
}
