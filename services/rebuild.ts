import fs from 'node:fs';
import path from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { allowedTypes, attachmentFile } from './attachments.ts';
import { readPlanArchive, storePlanRows } from '../readmodel/plan-archive.ts';
import type { DeliveredNotice } from '../domain/supervision/notices.ts';
import { storeNotices } from '../readmodel/inbox.ts';
import type { PrismaClient } from '../runtime/db.ts';
import { repairTask } from './reconcile.ts';
import { importWorkflowId } from '../workflows/import.ts';
import { insertRows } from '../runtime/sql.ts';

export interface RebuildReport {
  plans: number;
  tasks: number;
  notices: number;
  attachments: number;
}

/**
 * Refills an empty (or damaged) read model from what outlives it: the plans
 * archived in the data directory, each task workflow's state and events, the
 * notices its history delivered (inboxes, without mailing again), and the
 * attachment files its events refer to. Every write is idempotent.
 */
export async function rebuildReadModel(prisma: PrismaClient, client: Client, dataDir: string): Promise<RebuildReport> {
  const report: RebuildReport = { plans: 0, tasks: 0, notices: 0, attachments: 0 };
  for (const rows of readPlanArchive(dataDir)) {
    // An archive whose import never started (the API stopped in between) was never visible: it stays so.
    const started = (await exists(client, importWorkflowId(rows.plan.id))) || (rows.tasks[0] !== undefined && (await exists(client, rows.tasks[0].id)));
    if (started && (await storePlanRows(prisma, rows))) report.plans++;
  }
  for (const { id } of await prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) {
    // A plan archived by an import that crashed before starting this task: importing again mends it.
    if (!(await exists(client, id))) continue;
    await repairTask(prisma, client, id);
    report.tasks++;
    report.notices += await restoreNotices(prisma, client, id);
  }
  report.attachments = await restoreAttachments(prisma, dataDir);
  return report;
}

async function exists(client: Client, workflowId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

/**
 * The notices a task's history delivered, back in the inboxes: the input of each
 * deliverNotices (deliverNotice) activity, and the result of each storeNoticesInInbox
 * or projectTaskWithNotices local activity (its marker), which holds the notices it stored.
 */
async function restoreNotices(prisma: PrismaClient, client: Client, taskId: string): Promise<number> {
  const events = (await client.workflow.getHandle(taskId).fetchHistory()).events ?? [];
  // Either shape: histories from before notices were written in each language hold the old one.
  const notices: DeliveredNotice[] = [];
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name;
    if (name === 'deliverNotices' || name === 'deliverNotice') {
      const [input] = (scheduled!.input?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
      notices.push(...(name === 'deliverNotices' ? (input as DeliveredNotice[]) : [input as DeliveredNotice]));
    }
  }
  for (const { type, result } of localActivities(events)) {
    if (noticeStoringActivities.has(type)) notices.push(...((result as { notices?: DeliveredNotice[] } | undefined)?.notices ?? []));
  }
  // A notice that also went to a webhook or by mail is in both the marker and deliverNotices' input: once each.
  const distinct = [...new Map(notices.map((n) => [n.key, n])).values()];
  if (distinct.length) await storeNotices(prisma, distinct);
  return distinct.length;
}

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/** Each completed local activity of a history, read from the marker the SDK records for it: its type and its result. */
export function localActivities(events: HistoryEvent[]): Array<{ type: string; result: unknown }> {
  return events.flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') return [];
    const [meta] = (marker.details?.data?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload<{ activity_type?: string }>(p));
    const [result] = (marker.details?.result?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p));
    return [{ type: meta?.activity_type ?? '', result }];
  });
}

/** The local activities whose result lists the notices they stored. */
const noticeStoringActivities = new Set(['storeNoticesInInbox', 'projectTaskWithNotices']);

/** A row for every stored file an event refers to, named as the event names it. */
async function restoreAttachments(prisma: PrismaClient, dataDir: string): Promise<number> {
  const events = await prisma.taskEvent.findMany({ where: { attachments: { not: '[]' } }, select: { attachments: true, actorId: true, at: true } });
  const rows = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    for (const { id, name } of JSON.parse(event.attachments) as Array<{ id: string; name: string }>) {
      const file = attachmentFile(dataDir, id);
      if (rows.has(id) || !fs.existsSync(file)) continue;
      const type = allowedTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
      rows.set(id, { id, name, size: fs.statSync(file).size, type, uploadedBy: event.actorId ?? 'unknown', createdAt: event.at });
    }
  }
  if (rows.size) await prisma.$executeRaw(insertRows('Attachment', [...rows.values()], 'ON CONFLICT ("id") DO NOTHING'));
  return rows.size;
}
