import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';

/** Keeps a refused attempt; a failure to record it must not change the answer the user gets. */
export function recordDenial(prisma: PrismaClient, actor: Actor | null, operation: string, reason: string): void {
  prisma.deniedAttempt
    .create({ data: { accountId: actor?.accountId ?? null, operation: operation.slice(0, 200), reason: reason.slice(0, 500) } })
    .catch((error: unknown) => console.error(`could not record a denied attempt: ${(error as Error).message}`));
}
