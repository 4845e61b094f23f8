import nodemailer from 'nodemailer';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import type { Config } from '../runtime/config.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { storeNotices } from '../readmodel/inbox.ts';
import { postNoticesToWebhooks, webhookTargets } from './webhooks.ts';

export interface Mailer {
  send(message: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

/** Mail through SMTP when configured (`SMTP_URL`, e.g. smtp://user:pass@host:587); otherwise in-app only. */
export function createMailer(smtp: Config['smtp']): Mailer | null {
  if (!smtp) return null;
  const { url, from } = smtp;
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Puts each notice in its recipients' inboxes and answers whether anything is left to
 * send outside (a body's webhook, or mail to a recipient with an address): a workflow
 * then calls deliverNotices for that, a round trip it skips when nothing is. The answer
 * carries the notices too: a local activity's result is all its history keeps of them,
 * and a rebuilt read model restores the inboxes from it (services/rebuild.ts).
 */
export async function storeNoticesInInbox(prisma: PrismaClient, mailer: Mailer | null, notices: DeliveredNotice[]): Promise<{ remote: boolean; notices: DeliveredNotice[] }> {
  const { emails } = await storeNotices(prisma, notices);
  const remote = Boolean(mailer && [...emails.values()].some(Boolean)) || (await webhookTargets(prisma, notices)).length > 0;
  return { remote, notices };
}

/**
 * Puts each notice in its recipients' inboxes (both languages), posts it to
 * their bodies' webhooks and mails it, in Chinese: the official channel, and
 * no account or body has a language of its own. A retry writes no inbox row
 * twice, posts and mails only what was not sent yet; a failing webhook never
 * fails the delivery.
 */
export async function deliverNotices(prisma: PrismaClient, mailer: Mailer | null, notices: DeliveredNotice[]): Promise<void> {
  const { ids, emails } = await storeNotices(prisma, notices);
  await postNoticesToWebhooks(prisma, notices);
  if (!mailer || ids.length === 0) return;
  const unsent = await prisma.notification.findMany({ where: { id: { in: ids }, emailedAt: null }, orderBy: { id: 'asc' } });
  for (const row of unsent) {
    const to = emails.get(row.accountId);
    if (!to) continue;
    await mailer.send({ to, subject: row.subject, text: row.body, messageId: `<${encodeURIComponent(row.id)}@duban>` });
    await prisma.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
  }
}
