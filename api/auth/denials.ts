import { Prisma } from '../../prisma/generated/client.ts';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';

interface Pending {
  accountId: string | null;
  operation: string;
  reason: string;
  minute: number;
  count: number;
  at: Date;
}

/** Refusals not yet written, by key and minute: a burst of the same refusal becomes one write. */
const pending = new Map<string, Pending>();
let flushing: Promise<void> | null = null;

async function flush(prisma: PrismaClient): Promise<void> {
  while (pending.size) {
    const [id, row] = pending.entries().next().value!;
    pending.delete(id);
    const key = id.slice(0, id.lastIndexOf('#'));
    await prisma
      .$executeRaw(Prisma.sql`
        INSERT INTO "DeniedAttempt" ("at", "accountId", "operation", "reason", "key", "minute", "count", "lastAt")
        VALUES (${row.at}, ${row.accountId}, ${row.operation}, ${row.reason}, ${key}, ${row.minute}, ${row.count}, ${row.at})
        ON CONFLICT ("key", "minute") DO UPDATE SET "count" = "DeniedAttempt"."count" + ${row.count}, "lastAt" = ${row.at}`)
      .catch((error: unknown) => console.error(`could not record a denied attempt: ${(error as Error).message}`));
  }
}

/**
 * Keeps a refused attempt: at most one row per key (who, what they tried and
 * why it was refused) and minute, counting the attempts. A failure to record it must not change
 * the answer the user gets, and a flood of refusals costs one write a minute.
 */
export function recordDenial(prisma: PrismaClient, actor: Actor | null, operation: string, reason: string, address = 'anonymous'): void {
  const at = new Date();
  const minute = Math.floor(at.getTime() / 60_000);
  const who = actor?.accountId ?? `address:${address}`;
  const id = `${who}|${operation.slice(0, 200)}|${reason.slice(0, 100)}#${minute}`;
  const existing = pending.get(id);
  if (existing) {
    existing.count += 1;
    return;
  }
  pending.set(id, { accountId: actor?.accountId ?? null, operation: operation.slice(0, 200), reason: reason.slice(0, 500), minute, count: 1, at });
  schedule(prisma);
}

function schedule(prisma: PrismaClient): void {
  if (flushing) return;
  flushing = flush(prisma).finally(() => {
    flushing = null;
    if (pending.size) schedule(prisma);
  });
}

/** Resolves once every refusal recorded so far is written (for tests and shutdown). */
export async function deniedAttemptsWritten(): Promise<void> {
  while (flushing) await flushing;
}
