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

/**
 * The account and session a sign-in token names, or null when it is forged,
 * expired, malformed, without an expiry, or of another scope (a calendar link).
 */
export async function verifyToken(key: Uint8Array, token: string): Promise<{ accountId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'sid'] });
    if (payload.scope !== undefined || typeof payload.sid !== 'string') return null;
    return { accountId: payload.sub!, sessionId: payload.sid };
  } catch {
    return null;
  }
}
