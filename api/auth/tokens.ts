import { SignJWT, jwtVerify } from 'jose';
import { config } from '../../runtime/config.ts';
import { installationSecret } from '../../runtime/secret.ts';

/** A sign-in token (and the session it names) lasts this long; the console's session also ends after idling. */
export const tokenLifetime = '8h';
export const tokenLifetimeMs = 8 * 60 * 60 * 1000;

/** The key that signs tokens: `DUBAN_JWT_SECRET`, or the random one kept in the data directory. */
export function signingKey(dataDir: string, secret = config().secret): Uint8Array {
  return installationSecret(dataDir, secret);
}

/** A sign-in token: the account, its session, and an expiry. */
export function issueToken(key: Uint8Array, accountId: string, sessionId: string, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
}

/** Claims of tokens already verified, per signing key: a request needs no second HMAC for a token it showed before. */
const verified = new WeakMap<Uint8Array, Map<string, { accountId: string; sessionId: string; exp: number }>>();
const maxVerified = 10_000;

/**
 * The account and session a sign-in token names, or null when it is forged,
 * expired, malformed, without an expiry, or of another scope (a calendar link).
 * A token that verified once is remembered (bounded) with its expiry, which is
 * checked again at every use; whether its session is still live is the
 * caller's check (sessions.ts), never remembered here.
 */
export async function verifyToken(key: Uint8Array, token: string, now = Date.now()): Promise<{ accountId: string; sessionId: string } | null> {
  let known = verified.get(key);
  const hit = known?.get(token);
  // As jose decides: expired once the current second reaches `exp`.
  if (hit) return Math.floor(now / 1000) < hit.exp ? { accountId: hit.accountId, sessionId: hit.sessionId } : null;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'sid'], currentDate: new Date(now) });
    if (payload.scope !== undefined || typeof payload.sid !== 'string') return null;
    if (!known) verified.set(key, (known = new Map()));
    if (known.size >= maxVerified) known.clear();
    known.set(token, { accountId: payload.sub!, sessionId: payload.sid, exp: payload.exp! });
    return { accountId: payload.sub!, sessionId: payload.sid };
  } catch {
    return null;
  }
}
