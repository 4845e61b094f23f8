import { describe, expect, it } from 'vitest';
import { issueToken, verifyToken } from './tokens.ts';

describe('verifyToken', () => {
  const key = new TextEncoder().encode('tokens-test-key');
  const other = new TextEncoder().encode('another-key');

  it('remembers a verified token, but never past its expiry nor for another key', async () => {
    const now = Date.now();
    const expiresAt = new Date(now + 60_000);
    const token = await issueToken(key, 'account-a', 'session-a', expiresAt);
    expect(await verifyToken(key, token, now)).toEqual({ accountId: 'account-a', sessionId: 'session-a' });
    // The second use is answered from memory: the same claims.
    expect(await verifyToken(key, token, now + 1_000)).toEqual({ accountId: 'account-a', sessionId: 'session-a' });
    // The expiry is checked at every use, as jose checks it (expired once the second of `exp` is reached).
    expect(await verifyToken(key, token, Math.floor(expiresAt.getTime() / 1000) * 1000)).toBeNull();
    expect(await verifyToken(key, token, expiresAt.getTime() + 1_000)).toBeNull();
    // Another key (another installation, a test's own) does not share what this key verified.
    expect(await verifyToken(other, token, now)).toBeNull();
  });

  it('refuses a forged or altered token, also after the genuine one was verified', async () => {
    const now = Date.now();
    const token = await issueToken(key, 'account-b', 'session-b', new Date(now + 60_000));
    expect(await verifyToken(key, token, now)).not.toBeNull();
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sid: 'session-c', sub: 'account-admin', exp: Math.floor(now / 1000) + 60 })).toString('base64url');
    expect(await verifyToken(key, `${header}.${payload}.${signature}`, now)).toBeNull();
    expect(await verifyToken(key, `${token}x`, now)).toBeNull();
    expect(await verifyToken(key, await issueToken(other, 'account-b', 'session-b', new Date(now + 60_000)), now)).toBeNull();
  });
});
