import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import type { Account } from '../../prisma/generated/client.ts';
import { tokenLifetimeMs } from './tokens.ts';

/** Every column of an account but its password hash: what a session's read brings along. */
export const accountColumns = { id: true, login: true, displayName: true, role: true, email: true, bodyId: true, createdAt: true, active: true, mustChangePassword: true, passwordChangedAt: true, createdBy: true, duty: true } as const;
export type AccountRow = { [K in keyof typeof accountColumns]: K extends keyof Account ? Account[K] : never };

/** Who a request is, and through which session. */
export interface Authenticated {
  actor: Actor;
  session: { id: string; mustChangePassword: boolean; viaCookie: boolean };
  /**
   * The signed-in account's row as read with the session (at most
   * {@link sessionCacheMs} old, dropped at once in this process by any change
   * made through {@link Sessions.forget}): `{ me { … } }` answers from it.
   */
  account: AccountRow;
}

interface Row {
  id: string;
  accountId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  account: AccountRow;
}

/** How long a replica trusts what it read about a session: a revocation elsewhere reaches it within this. */
export const sessionCacheMs = 2_000;
/** lastSeenAt is written at most this often per session. */
const touchMs = 60_000;
/** Ended sessions are kept a day (for the audit of who was signed in), then deleted, at most once an hour per process. */
const keepEndedMs = 24 * 60 * 60_000;

/**
 * Sessions in the database, read through a short per-process cache. A
 * revocation (logout, a password change, a disabled account) drops the
 * revoking process's cache at once; other replicas re-read within
 * {@link sessionCacheMs}. A console session (its cookie) also ends after idling.
 */
export class Sessions {
  private readonly cache = new Map<string, { readAt: number; row: Row | null }>();
  private clearedAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async start(accountId: string, address: string): Promise<{ id: string; expiresAt: Date }> {
    const at = new Date(this.now());
    const session = { id: randomBytes(24).toString('base64url'), accountId, lastSeenAt: at, createdAt: at, expiresAt: new Date(at.getTime() + tokenLifetimeMs), address: address.slice(0, 100) };
    await this.prisma.session.create({ data: session });
    if (at.getTime() - this.clearedAt > 60 * 60_000) {
      this.clearedAt = at.getTime();
      await this.prisma.session.deleteMany({ where: { expiresAt: { lt: new Date(at.getTime() - keepEndedMs) } } });
    }
    return session;
  }

  async authenticate(sessionId: string, accountId: string, viaCookie: boolean): Promise<Authenticated | null> {
    const now = this.now();
    const row = await this.read(sessionId, now);
    if (!row || row.accountId !== accountId || row.revokedAt || row.expiresAt.getTime() <= now || !row.account.active) return null;
    if (viaCookie && now - row.lastSeenAt.getTime() > this.idleMs) {
      await this.revoke({ id: sessionId });
      return null;
    }
    if (now - row.lastSeenAt.getTime() > touchMs) {
      row.lastSeenAt = new Date(now);
      await this.prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: row.lastSeenAt } });
    }
    const { account } = row;
    return {
      actor: { accountId: account.id, name: account.displayName, role: account.role as Actor['role'], bodyId: account.bodyId },
      session: { id: row.id, mustChangePassword: account.mustChangePassword, viaCookie },
      account,
    };
  }

  /** Ends one session, or every session of an account (but one, when a user changes their own password). */
  async revoke(which: { id: string } | { accountId: string; except?: string }): Promise<void> {
    const where = 'id' in which ? { id: which.id } : { accountId: which.accountId, ...(which.except ? { id: { not: which.except } } : {}) };
    await this.prisma.session.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date(this.now()) } });
    this.forget(which);
  }

  /** Drops what this process knows of a session or an account's sessions (after a change to the account). */
  forget(which: { id: string } | { accountId: string }): void {
    for (const [id, entry] of this.cache) {
      if ('id' in which ? id === which.id : entry.row?.accountId === which.accountId) this.cache.delete(id);
    }
  }

  private async read(sessionId: string, now: number): Promise<Row | null> {
    const cached = this.cache.get(sessionId);
    if (cached && now - cached.readAt < sessionCacheMs) return cached.row;
    const row = await this.prisma.session.findUnique({
      where: { id: sessionId },
      select: { id: true, accountId: true, lastSeenAt: true, expiresAt: true, revokedAt: true, account: { select: accountColumns } },
    });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(sessionId, { readAt: now, row });
    return row;
  }
}
