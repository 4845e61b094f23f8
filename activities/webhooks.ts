import { noticeContent } from '../domain/notices/content.ts';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import { robotMessage } from '../domain/notices/webhook.ts';
import { Prisma } from '../prisma/generated/client.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { bulkSql, jsonList } from '../runtime/sql.ts';

/** A slow or silent receiver holds a notice back this long at most. */
const timeoutMs = 5_000;
/** Tries per (notice, body), across activity retries: a failing robot never holds the workflow. */
export const webhookAttempts = 2;

/** Posts one JSON message; throws on a network failure, a timeout, a non-2xx answer or a robot's non-zero errcode. */
async function post(url: string, payload: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(payload),
    redirect: 'error', signal: AbortSignal.timeout(timeoutMs),
  });
  const text = (await response.text()).slice(0, 500);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${text}`);
  // 企业微信 and 钉钉 answer 200 with {"errcode":…} and a non-zero code on refusal.
  const errcode = /"errcode"\s*:\s*(-?\d+)/.exec(text)?.[1];
  if (errcode && errcode !== '0') throw new Error(`errcode ${errcode}: ${text}`);
}

/**
 * Each notice with the webhook of every body whose accounts it reaches (a supervisors' notice: the offices' bodies).
 * Every task's notices ask, so the reads are raw (runtime/sql.ts bulkSql).
 */
export async function webhookTargets(prisma: PrismaClient, notices: DeliveredNotice[]) {
  const sql = bulkSql(prisma);
  const toSupervisors = notices.some((n) => n.audience.kind === 'supervisors');
  const officeBodies = toSupervisors
    ? (await sql.query<{ bodyId: string }>(Prisma.sql`SELECT DISTINCT "bodyId" FROM "Account" WHERE "role" = 'supervisor' AND "bodyId" IS NOT NULL`)).map((a) => a.bodyId)
    : [];
  const named = notices.flatMap((n) => (n.audience.kind === 'body' ? [n.audience.bodyId] : []));
  const bodies = await sql.query<{ id: string; webhookUrl: string }>(
    Prisma.sql`SELECT "id", "webhookUrl" FROM "Body" WHERE "id" IN ${jsonList(sql.dialect, [...new Set([...named, ...officeBodies])])} AND "webhookUrl" IS NOT NULL`,
  );
  const urls = new Map(bodies.map((b) => [b.id, b.webhookUrl]));
  return notices.flatMap((notice) =>
    (notice.audience.kind === 'body' ? [notice.audience.bodyId] : officeBodies).flatMap((bodyId) => {
      const url = urls.get(bodyId);
      return url ? [{ notice, bodyId, url }] : [];
    }));
}

/**
 * POSTs each notice, in Chinese, to its bodies' group robots. Never throws: a failure is
 * recorded on the delivery row and logged, and tried again at most
 * `webhookAttempts` times in all; a delivered notice is never posted again.
 */
export async function postNoticesToWebhooks(prisma: PrismaClient, notices: DeliveredNotice[]): Promise<void> {
  for (const { notice, bodyId, url } of await webhookTargets(prisma, notices)) {
    const id = `${notice.key}@${bodyId}`;
    const done = await prisma.webhookDelivery.findUnique({ where: { id } });
    let attempts = done?.attempts ?? 0;
    if (done?.sentAt) continue;
    while (attempts < webhookAttempts) {
      attempts += 1;
      try {
        const { zh } = noticeContent(notice);
        await post(url, robotMessage(zh.title, zh.text));
        await prisma.webhookDelivery.upsert({ where: { id }, create: { id, bodyId, url, attempts, sentAt: new Date(), at: new Date() }, update: { attempts, sentAt: new Date(), error: null } });
        break;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        console.warn(`webhook ${bodyId} ${notice.key}: attempt ${attempts} failed: ${message}`);
        await prisma.webhookDelivery.upsert({ where: { id }, create: { id, bodyId, url, attempts, error: message, at: new Date() }, update: { attempts, error: message } });
      }
    }
  }
}
