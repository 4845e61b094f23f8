import type { Tx } from '../runtime/db.ts';
import type { TaskSnapshot } from '../domain/supervision/snapshot.ts';
import { bulkSql, insertRows, upsertClause } from '../runtime/sql.ts';

/** The read model's id of a period report: task, body, period. */
export const obligationId = (taskId: string, bodyName: string, periodStart: string) => `${taskId}|${bodyName}|${new Date(periodStart).toISOString()}`;

/**
 * Writes a task's period reports (定期报告) into the read model, inside the
 * task's own projection (after its snapshot was found newer than the stored one).
 */
export async function projectReports(tx: Tx, s: TaskSnapshot, survivor: Map<string, string>): Promise<void> {
  const obligations = s.reporting?.obligations ?? [];
  if (obligations.length === 0) return;
  const date = (iso: string | null) => (iso ? new Date(iso) : null);
  const rows = obligations.map((o) => ({
    id: obligationId(s.taskId, o.bodyName, o.periodStart),
    taskId: s.taskId,
    planId: s.planId,
    bodyName: o.bodyName,
    bodyId: o.bodyId && (survivor.get(o.bodyId) ?? o.bodyId),
    periodStart: new Date(o.periodStart),
    periodEnd: new Date(o.periodEnd),
    due: new Date(o.due),
    status: o.status,
    submittedAt: date(o.submittedAt),
    acceptedAt: date(o.acceptedAt),
    returnCount: o.returnCount,
    text: o.report?.text ?? null,
    percent: o.report?.percent ?? null,
    attachments: JSON.stringify(o.report?.attachments ?? []),
    updatedAt: new Date(s.at),
  }));
  const changing = Object.keys(rows[0]!).filter((c) => c !== 'id' && c !== 'taskId' && c !== 'bodyName');
  await bulkSql(tx).execute(insertRows('ReportObligation', rows, upsertClause('id', changing)));
}
