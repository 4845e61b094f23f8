import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { verifyToken } from './tokens.ts';

/** The actor behind a request's bearer token; null when there is none or it is not valid. */
export async function actorFromRequest(prisma: PrismaClient, key: Uint8Array, authorization: string | null): Promise<Actor | null> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return null;
  const accountId = await verifyToken(key, token);
  if (!accountId) return null;
  const account = await prisma.account.findUnique({ where: { id: accountId } });
  if (!account) return null;
  return { accountId: account.id, name: account.displayName, role: account.role as Actor['role'], bodyId: account.bodyId };
}
