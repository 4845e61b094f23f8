import nodemailer from 'nodemailer';
import type { Notice } from '../domain/supervision/notices.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { insertRows } from '../runtime/sql.ts';

export interface Mailer {
  send(message: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

/** Mail through SMTP when `SMTP_URL` is set (e.g. smtp://user:pass@host:587); otherwise in-app only. */
export function createMailer(smtpUrl: string | undefined, from = process.env.SMTP_FROM ?? '督办系统 <duban@localhost>'): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Puts each notice in its recipients' inboxes (one statement for the lot) and
 * mails it. Keyed per (notice, account): a retry writes no row twice and mails
 * only what was not mailed yet.
 */
export async function deliverNotices(prisma: PrismaClient, mailer: Mailer | null, notices: Notice[]): Promise<void> {
  const bodyIds = [...new Set(notices.flatMap(({ audience }) => (audience.kind === 'body' ? [audience.bodyId] : [])))];
  const accounts = await prisma.account.findMany({
    where: { OR: [{ bodyId: { in: bodyIds }, role: 'department' }, ...(notices.some((n) => n.audience.kind === 'supervisors') ? [{ role: 'supervisor' }] : [])] },
    orderBy: { id: 'asc' },
  });
  const createdAt = new Date();
  const rows = notices.flatMap((notice) =>
    accounts
      .filter((account) => (notice.audience.kind === 'body' ? account.role === 'department' && account.bodyId === notice.audience.bodyId : account.role === 'supervisor'))
      .map((account) => ({
        id: `${notice.key}@${account.id}`,
        key: notice.key,
        accountId: account.id,
        kind: notice.kind,
        subject: notice.subject,
        body: notice.body,
        taskId: notice.taskId,
        createdAt,
      })),
  );
  if (rows.length === 0) return;
  await prisma.$executeRaw(insertRows('Notification', rows, 'ON CONFLICT ("id") DO NOTHING'));
  if (!mailer) return;
  const email = new Map(accounts.map((a) => [a.id, a.email]));
  const unsent = await prisma.notification.findMany({ where: { id: { in: rows.map((r) => r.id) }, emailedAt: null }, orderBy: { id: 'asc' } });
  for (const row of unsent) {
    const to = email.get(row.accountId);
    if (!to) continue;
    await mailer.send({ to, subject: row.subject, text: row.body, messageId: `<${encodeURIComponent(row.id)}@duban>` });
    await prisma.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
  }
}
