import type { Actor } from '../supervision/types.ts';

/** One step in the life of an objection case, repair application or inspection round: its timeline. */
export interface CaseEvent {
  seq: number;
  type: string;
  at: string;
  actor: { accountId: string | null; name: string };
  comment: string | null;
  data: Record<string, unknown>;
}

export interface CaseRequest<A> {
  actor: Actor;
  action: A;
}

/** Appends an event to a case's timeline and returns it. */
export function appendEvent(
  events: CaseEvent[],
  type: string,
  at: number,
  actor: { accountId: string | null; name: string },
  comment: string | null = null,
  data: Record<string, unknown> = {},
): CaseEvent {
  const event: CaseEvent = { seq: events.length + 1, type, at: new Date(at).toISOString(), actor: { accountId: actor.accountId, name: actor.name }, comment, data };
  events.push(event);
  return event;
}
