import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { insertRows } from '../runtime/sql.ts';
import { ValidationError } from '../domain/errors.ts';
import type { AttachmentRef } from '../domain/supervision/types.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { storeBytes } from '../readmodel/files.ts';

// Where stored bytes live, for the API's downloads and the rebuild.
export { attachmentFile } from '../readmodel/files.ts';

export const maxAttachmentBytes = 20 * 1024 * 1024;

/** Deliverables are documents, spreadsheets, scans and archives of them. */
export const allowedTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wps': 'application/vnd.ms-works',
  '.ofd': 'application/ofd',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

export class AttachmentRejected extends Error {
  override name = 'AttachmentRejected';
}

/** An attachment id: the SHA-256 of the bytes, then (since uploads are named per reference) a random suffix. */
export const attachmentIdPattern = /^[0-9a-f]{64}(-[0-9a-f]{16})?$/;

/**
 * Stores an upload: the bytes once under their SHA-256 (storeBytes), and a reference of
 * its own with the uploader's name, account and time, so that uploading
 * identical bytes never shows anyone another uploader's file name or time.
 */
export async function storeAttachment(prisma: PrismaClient, dataDir: string, file: File, uploadedBy: string) {
  const extension = path.extname(file.name).toLowerCase();
  const type = allowedTypes[extension];
  if (!type) {
    throw new AttachmentRejected(`不支持的文件类型 ${extension || '(无扩展名)'}。 Allowed: ${Object.keys(allowedTypes).join(' ')}.`);
  }
  if (file.size === 0) throw new AttachmentRejected('文件为空。 The file is empty.');
  if (file.size > maxAttachmentBytes) throw new AttachmentRejected(`文件超过 20 MB。 The file is larger than 20 MB.`);
  if (file.name.length > 200) throw new AttachmentRejected('文件名过长。 The file name is too long.');
  const bytes = Buffer.from(await file.arrayBuffer());
  const sha256 = storeBytes(dataDir, bytes);
  const row = { id: `${sha256}-${randomBytes(8).toString('hex')}`, name: path.basename(file.name), size: bytes.length, type, uploadedBy, createdAt: new Date() };
  await prisma.$executeRaw(insertRows('Attachment', [row], 'ON CONFLICT ("id") DO NOTHING'));
  return prisma.attachment.findUniqueOrThrow({ where: { id: row.id } });
}

/** The attachments a client names by id, each of which must have been uploaded first. */
export async function storedAttachments(prisma: PrismaClient, ids: string[]): Promise<AttachmentRef[]> {
  const stored = await prisma.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  if (stored.length !== new Set(ids).size) throw new ValidationError('附件不存在，请重新上传。 An attachment was not found: upload it again.');
  return [...new Set(ids)].map((id) => stored.find((s) => s.id === id)!);
}
