import nodemailer from 'nodemailer';
import type { Notice } from '../domain/supervision/notices.ts';
import type { PrismaClient } from '../runtime/db.ts';

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
 * Puts a notice in each recipient's inbox and mails it. Keyed per (notice,
 * account): a retry finds the row and mails only what was not mailed yet.
 */
export async function deliverNotice(prisma: PrismaClient, mailer: Mailer | null, notice: Notice): Promise<void> {
  const { audience } = notice;
  const recipients = await prisma.account.findMany({
    where: audience.kind === 'body' ? { bodyId: audience.bodyId, role: 'department' } : { role: 'supervisor' },
  });
  for (const account of recipients) {
    const id = `${notice.key}@${account.id}`;
    const row = await prisma.notification.upsert({
      where: { id },
      create: {
        id,
        key: notice.key,
        accountId: account.id,
        kind: notice.kind,
        subject: notice.subject,
        body: notice.body,
        taskId: notice.taskId,
        createdAt: new Date(),
      },
      update: {},
    });
    if (mailer && account.email && !row.emailedAt) {
      await mailer.send({ to: account.email, subject: notice.subject, text: notice.body, messageId: `<${encodeURIComponent(id)}@duban>` });
      await prisma.notification.update({ where: { id }, data: { emailedAt: new Date() } });
    }
  }
}
