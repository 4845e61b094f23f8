import { owing } from './lights.ts';
import type { AssignmentStatus, Light } from './types.ts';

/** What the ledger's urgency order reads of an assignment: its id, status, light and deadline (epoch ms, null for none). */
export interface UrgencyKey {
  id: string;
  status: string;
  light: string;
  due: number | null;
}

/**
 * Still owed first, then awaiting review, then done, then what no longer
 * counts: withdrawn or designated away, or a support still owed on a task that
 * closed without it (its light is 不计) — owed on paper, urgent to no one.
 */
function phaseOf(key: UrgencyKey): number {
  if ((key.light as Light) === 'none') return 3;
  if (owing({ status: key.status as AssignmentStatus })) return 0;
  return key.status === 'submitted' ? 1 : key.status === 'accepted' ? 2 : 3;
}

/** String.prototype.localeCompare's order (the default locale), without building a collator per comparison. */
const byLocale = new Intl.Collator().compare;

/** Ids in the urgency order: by phase, then the earliest deadline (none last), then id. */
export function urgencyOrder(keys: UrgencyKey[]): string[] {
  return keys
    .map((k) => ({ id: k.id, due: k.due ?? Number.POSITIVE_INFINITY, phase: phaseOf(k) }))
    .sort((a, b) => a.phase - b.phase || a.due - b.due || byLocale(a.id, b.id))
    .map((k) => k.id);
}
