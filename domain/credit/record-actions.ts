import type { Actor } from '../supervision/types.ts';

/** What may be started from one credit record: an objection to it, or an application to repair it. */
export type CreditRecordAction = 'fileObjection' | 'applyForRepair';

interface RecordFacts {
  status: string;
  underObjection: boolean;
}

/** A record still in force can be objected to or repaired; a corrected or repaired one is settled. */
export const recordInForce = (record: Pick<RecordFacts, 'status'>) => record.status === 'active';

/**
 * The steps the viewer may start from a record: the supervising office and departments file cases for entities.
 * One objection at a time; whether a repair is eligible is the repair rule's to say, with its reasons, when applied for.
 */
export function availableRecordActions(record: RecordFacts, actor: Pick<Actor, 'role'> | null): CreditRecordAction[] {
  if (!actor || (actor.role !== 'supervisor' && actor.role !== 'department') || !recordInForce(record)) return [];
  return record.underObjection ? ['applyForRepair'] : ['fileObjection', 'applyForRepair'];
}
