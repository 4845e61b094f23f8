import type { Sessions, Authenticated } from './sessions.ts';
import { verifyToken } from './tokens.ts';

export const sessionCookieName = 'duban_session';

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * Who sent a request: the bearer token of an API client, or else the
 * console's session cookie; null when neither names a live session.
 */
export async function authenticate(
  deps: { sessions: Sessions; signingKey: Uint8Array },
  headers: { authorization: string | null | undefined; cookie: string | null | undefined },
): Promise<Authenticated | null> {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? cookieValue(headers.cookie, sessionCookieName);
  if (!token || token.length > 2000) return null;
  const claims = await verifyToken(deps.signingKey, token);
  if (!claims) return null;
  return deps.sessions.authenticate(claims.sessionId, claims.accountId, !bearer);
}

/** The session cookie: out of scripts' reach, never sent cross-site, Secure when users reach Duban over https. */
export function sessionCookie(token: string | null, options: { secure: boolean; maxAgeSeconds: number }): string {
  const attributes = [`${sessionCookieName}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${token ? options.maxAgeSeconds : 0}`];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
