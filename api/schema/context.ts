import type { Client } from '@temporalio/client';
import type { Actor } from '../../domain/supervision/types.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import type { Locale } from '../locale.ts';
import type { AccountRow, Authenticated, Sessions } from '../auth/sessions.ts';

/** What every resolver is given: the connections and the signed-in actor of the request. */
export interface Context {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  signingKey: Uint8Array;
  /** Where attachments are stored. */
  dataDir: string;
  /** The origin users reach: DUBAN_PUBLIC_URL, else the request's own (for absolute links). */
  origin: string;
  /** The client's address, for limiting failed sign-ins. */
  clientAddress: string;
  /** Task and plan ids a department may see (null: all), for checks on single objects. */
  visible: () => Promise<{ tasks: Set<string>; plans: Set<string> } | null>;
  /** The viewer's language (the request's Accept-Language, which the console sets): notices answer in it. */
  locale: Locale;
  /** The signed-in account as an actor, or null for an anonymous request. */
  actor: Actor | null;
  /** The request's session (null when anonymous); a must-change session may only change its password. */
  session: Authenticated['session'] | null;
  /** The signed-in account's row (no password hash) as read with the session; null when anonymous. */
  account: AccountRow | null;
  sessions: Sessions;
  /** Sets (a token) or clears (null) the console's session cookie on the response. */
  setSessionCookie: (token: string | null) => void;
  /** Urging an assignment again within this many milliseconds needs `force: true`. */
  urgeIntervalMs: number;
  /** Demo mode: the demo accounts' password, shown on the sign-in page; null in production. */
  demoPassword: string | null;
}
