import { Prisma } from '../../prisma/generated/client.ts';
import type { PrismaClient } from '../../runtime/db.ts';

export const signInWindowMs = 5 * 60_000;
/** Attempts per login name, and per client address across every login, within one window. */
export const signInLimits = { login: 5, address: 20 };

let cleared = -1;

/** Adds one attempt to a counter in one statement (so concurrent attempts and replicas count exactly), returning the new count. */
async function increment(prisma: PrismaClient, key: string, window: number): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ count: number | bigint }>>(Prisma.sql`
    INSERT INTO "SignInCounter" ("key", "window", "count") VALUES (${key}, ${window}, 1)
    ON CONFLICT ("key") DO UPDATE SET "count" = "SignInCounter"."count" + 1
    RETURNING "count"`);
  return Number(rows[0]!.count);
}

const decrement = (prisma: PrismaClient, key: string) =>
  prisma.$executeRaw(Prisma.sql`UPDATE "SignInCounter" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`);

/**
 * Counts a sign-in attempt before its password is checked, in the database
 * that every replica shares: per login name and per address. `allowed` is
 * false once either count is past its limit; the caller then checks no
 * password. A successful sign-in gives its attempt back (`succeeded`), so
 * signing in never locks anyone out.
 */
export async function countSignIn(prisma: PrismaClient, login: string, address: string, now = Date.now()) {
  const window = Math.floor(now / signInWindowMs);
  if (cleared !== window) {
    cleared = window;
    await prisma.signInCounter.deleteMany({ where: { window: { lt: window } } }).catch(() => undefined);
  }
  const keys = { login: `login:${login.slice(0, 100).toLowerCase()}@${window}`, address: `address:${address.slice(0, 100)}@${window}` };
  const [byLogin, byAddress] = [await increment(prisma, keys.login, window), await increment(prisma, keys.address, window)];
  return {
    allowed: byLogin <= signInLimits.login && byAddress <= signInLimits.address,
    succeeded: async () => {
      await decrement(prisma, keys.login);
      await decrement(prisma, keys.address);
    },
  };
}
