import { forbid } from '../errors.ts';
import type { Actor, EventActor } from './types.ts';

/** A department account's duty in its unit: 承办人 drafts, 负责人 signs off (签发). */
export const duties = ['drafter', 'responsible'] as const;
export type Duty = (typeof duties)[number];

/** A 负责人's delegation of sign-off to a colleague (职务代理): in force from `from` (inclusive) until `until` (exclusive), unless revoked. */
export interface Delegation {
  from: string;
  until: string;
  revokedAt?: string | null;
}

export const delegationInForce = (d: Delegation, now: number) => !d.revokedAt && Date.parse(d.from) <= now && now < Date.parse(d.until);

/**
 * The duty an account acts with now. A 负责人 signs off; so does a 承办人 while a delegation to them is in
 * force, on behalf of the 负责人 who named them. A 承办人 in a unit with an active 负责人 drafts; a unit
 * without one (a single account, or 承办人 only) works as before: whoever submits, submits.
 */
export function dutyNow(
  own: Duty | null,
  responsibleColleagues: number,
  delegation: (Delegation & { principal: { accountId: string; name: string } }) | null,
  now: number,
): Pick<Actor, 'duty' | 'onBehalfOf'> {
  if (own !== 'drafter') return { duty: 'responsible' };
  if (delegation && delegationInForce(delegation, now)) {
    return { duty: 'responsible', onBehalfOf: { ...delegation.principal, from: delegation.from, until: delegation.until } };
  }
  return responsibleColleagues > 0 ? { duty: 'drafter' } : {};
}

/** Does this action of this actor wait for the unit's sign-off rather than reach the office? */
export const needsSignOff = (actor: Pick<Actor, 'duty'>, type: string) => actor.duty === 'drafter' && (type === 'submit' || type === 'requestExtension');

/** Only the 负责人 (or an acting delegate) signs off or returns a draft: a 承办人 of a unit with a 负责人 does not. */
export function checkSignOffActor(actor: Pick<Actor, 'duty'>): void {
  if (actor.duty === 'drafter') forbid('只有本单位负责人或其代理人可以签发或退回草稿。', "Only the unit's responsible person, or their acting delegate, may sign off or return a draft.");
}

/** An acting delegate acts only within the delegation's period. */
export function checkActingPeriod(actor: Pick<Actor, 'onBehalfOf'>, now: number): void {
  if (actor.onBehalfOf && !delegationInForce(actor.onBehalfOf, now)) {
    forbid('职务代理不在有效期内。', 'The delegation is not in force at this time.');
  }
}

/** The person an event names: the actor, and for an acting delegate the person acted for. */
export function eventActor(actor: Pick<Actor, 'accountId' | 'name' | 'onBehalfOf'>): EventActor {
  const { accountId, name, onBehalfOf } = actor;
  return onBehalfOf ? { accountId, name, onBehalfOf: { accountId: onBehalfOf.accountId, name: onBehalfOf.name } } : { accountId, name };
}
