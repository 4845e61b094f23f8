import { noticeContent } from '../domain/notices/content.ts';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { insertRows } from '../runtime/sql.ts';

/**
 * Puts each notice in its recipients' inboxes (one statement for the lot), in
 * Chinese (`subject`, `body`: also what is mailed) and English.
 * Keyed per (notice, account): a retry writes no row twice. Returns the rows'
 * ids and the accounts they went to, for mailing.
 */
export async function storeNotices(prisma: PrismaClient, notices: DeliveredNotice[]): Promise<{ ids: string[]; emails: Map<string, string | null> }> {
  const bodyIds = [...new Set(notices.flatMap(({ audience }) => (audience.kind === 'body' ? [audience.bodyId] : [])))];
  const accounts = await prisma.account.findMany({
    where: { OR: [{ bodyId: { in: bodyIds }, role: 'department' }, ...(notices.some((n) => n.audience.kind === 'supervisors') ? [{ role: 'supervisor' }] : [])] },
    orderBy: { id: 'asc' },
  });
  const createdAt = new Date();
  const rows = notices.flatMap((notice) => {
    const { zh, en } = noticeContent(notice);
    return accounts
      .filter((account) => (notice.audience.kind === 'body' ? account.role === 'department' && account.bodyId === notice.audience.bodyId : account.role === 'supervisor'))
      .map((account) => ({
        id: `${notice.key}@${account.id}`,
        key: notice.key,
        accountId: account.id,
        kind: notice.kind,
        subject: zh.title,
        body: zh.text,
        subjectEn: en.title,
        bodyEn: en.text,
        taskId: notice.taskId,
        createdAt,
      }));
  });
  if (rows.length) await prisma.$executeRaw(insertRows('Notification', rows, 'ON CONFLICT ("id") DO NOTHING'));
  return { ids: rows.map((r) => r.id), emails: new Map(accounts.map((a) => [a.id, a.email])) };
}
