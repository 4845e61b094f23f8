import { noticeContent } from '../domain/notices/content.ts';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import { Prisma } from '../prisma/generated/client.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { bulkSql, insertRows, jsonList } from '../runtime/sql.ts';

/**
 * Puts each notice in its recipients' inboxes (one statement for the lot), in
 * Chinese (`subject`, `body`: also what is mailed) and English.
 * Keyed per (notice, account): a retry writes no row twice. Returns the rows'
 * ids and the accounts they went to, for mailing.
 */
export async function storeNotices(prisma: PrismaClient, notices: DeliveredNotice[]): Promise<{ ids: string[]; emails: Map<string, string | null> }> {
  const sql = bulkSql(prisma);
  const bodyIds = [...new Set(notices.flatMap(({ audience }) => (audience.kind === 'body' ? [audience.bodyId] : [])))];
  const toSupervisors = notices.some((n) => n.audience.kind === 'supervisors');
  // Raw (runtime/sql.ts bulkSql): every task's notices come this way.
  const accounts = await sql.query<{ id: string; role: string; bodyId: string | null; email: string | null }>(Prisma.sql`SELECT "id", "role", "bodyId", "email" FROM "Account"
    WHERE ("bodyId" IN ${jsonList(sql.dialect, bodyIds)} AND "role" = 'department')${toSupervisors ? Prisma.sql` OR "role" = 'supervisor'` : Prisma.empty} ORDER BY "id" ASC`);
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
  if (rows.length) await sql.execute(insertRows('Notification', rows, 'ON CONFLICT ("id") DO NOTHING'));
  return { ids: rows.map((r) => r.id), emails: new Map(accounts.map((a) => [a.id, a.email])) };
}
