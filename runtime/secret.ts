import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The installation's secret: `DUBAN_JWT_SECRET`, or a random one kept
 * owner-only in the data directory, so tokens survive a restart, replicas
 * sharing the directory agree, and no two installations share one. It signs
 * sign-in and calendar tokens, and (through a derived key) Temporal payloads.
 */
export function installationSecret(dataDir: string, secret?: string): Uint8Array {
  if (secret) return new TextEncoder().encode(secret);
  const file = path.join(dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

/** Letters and digits no one confuses when reading them out (no 0/O, 1/l/I). */
const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password to hand over once (a new account, a reset, the first administrator). */
export function generatePassword(length = 14): string {
  return Array.from({ length }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
}

/** A key for one purpose, derived from the installation's secret, so no key serves two. */
export function derivedKey(secret: Uint8Array, purpose: string): Buffer {
  return crypto.createHmac('sha256', secret).update(`duban:${purpose}`).digest();
}
