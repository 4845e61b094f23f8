import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const attachmentDir = (dataDir: string) => path.join(dataDir, 'attachments');

/** The stored file of an attachment: its bytes are kept once, under their SHA-256, however many uploads name them. */
export const attachmentFile = (dataDir: string, id: string) => path.join(attachmentDir(dataDir), id.slice(0, 64));

/**
 * Keeps bytes once under their SHA-256 (written to a temporary name and
 * renamed, so a crash never leaves half a file) and returns the digest.
 */
export function storeBytes(dataDir: string, bytes: Buffer): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = attachmentFile(dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(attachmentDir(dataDir), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    fs.writeFileSync(temporary, bytes, { mode: 0o600 });
    fs.renameSync(temporary, target);
  }
  return sha256;
}
