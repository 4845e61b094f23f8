import fs from 'node:fs';
import { attachmentFile, storeBytes } from '../../readmodel/files.ts';
import type { PrismaClient } from '../../runtime/db.ts';
import { slipDocx, type SlipWording } from './slip-document.ts';

type SlipRow = NonNullable<Awaited<ReturnType<PrismaClient['supervisionSlip']['findUnique']>>>;

/**
 * A slip's .docx on disk: rendered on its first download from the row and the
 * wording it kept when issued, then kept under its SHA-256 and named on the row,
 * so every later download (and any other process) serves those same bytes. Two
 * first downloads at once both render; the first to name its file wins and both
 * serve that one. Null when the slip has neither a file nor its wording.
 */
export async function slipFile(prisma: PrismaClient, dataDir: string, slip: SlipRow): Promise<string | null> {
  const stored = slip.fileId ? attachmentFile(dataDir, slip.fileId) : null;
  if (stored && fs.existsSync(stored)) return stored;
  if (!slip.wording) return null;
  const docx = await slipDocx({
    ...(JSON.parse(slip.wording) as SlipWording),
    level: slip.level as 'yellow' | 'red', year: slip.year, serial: slip.serial,
    due: slip.due.toISOString(), daysOverdue: slip.daysOverdue, respondBy: slip.respondBy.toISOString(), issuedAt: slip.issuedAt.toISOString(),
  });
  const fileId = storeBytes(dataDir, docx);
  await prisma.supervisionSlip.updateMany({ where: { id: slip.id, OR: [{ fileId: null }, { fileId: slip.fileId }] }, data: { fileId, size: docx.length } });
  const kept = await prisma.supervisionSlip.findUniqueOrThrow({ where: { id: slip.id }, select: { fileId: true } });
  return attachmentFile(dataDir, kept.fileId ?? fileId);
}
