import { describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import type { ReportObligation, ReportRequest } from '../domain/reporting/obligations.ts';
import { reportingStatus, type ReportingStatus } from '../domain/reporting/status.ts';
import type { Actor } from '../domain/supervision/types.ts';
import { commitPlan } from '../services/plans/commit.ts';
import { eventually } from '../test/helpers/eventually.ts';
import { workerEnvironment } from '../test/helpers/worker-environment.ts';
import { taskQuery, taskWorkflowId } from './task.ts';
import { reportActUpdate, reportingHistoryLimit } from './task/reports.ts';

const day = 86_400_000;
const supervisor: Actor = { accountId: 'account-supervisor', name: '督办员', role: 'supervisor', bodyId: 'supervision-office' };
const legal: Actor = { accountId: 'account-legal', name: '法制办', role: 'department', bodyId: 'legal-affairs-office' };
const EventType = temporal.api.enums.v1.EventType;

/**
 * Two simulated years of a monthly report (每月5日前报送进展) on the
 * time-skipping server: every period opened, reminded and overdue on durable
 * timers; the body files some on time, some late, leaves one missing; the
 * office accepts; the read model's grid is exactly what happened; and the
 * workflow continues as new, so no run's history nears Temporal's limit.
 */
describe('recurring report obligations over two simulated years', () => {
  const environment = workerEnvironment('time-skipping');

  it('opens, reminds and chases every monthly period; the grid is exact; each run stays short', async () => {
    const { env, db } = environment;
    const start = await env.currentTimeMs();
    const { planId } = await commitPlan(
      { prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir },
      {
        title: '两年月报', issuer: '测试', issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
        tasks: [{ ref: '1.1', section: '一', text: '每月5日前报送工作进展。', leads: ['市法制办'], supports: [], due: new Date(start + 900 * day).toISOString(), recurrence: 'FREQ=MONTHLY;BYMONTHDAY=5' }],
        requirements: [],
      },
      new Date(start),
    );
    const workflowId = taskWorkflowId(planId, '1.1');
    const handle = env.client.workflow.getHandle(workflowId);
    const report = (request: ReportRequest) => handle.executeUpdate(reportActUpdate, { args: [request] });
    const firstRunId = (await handle.describe()).runId;

    // Which period is left missing, and how each other one is filed: even periods before their deadline, odd ones after.
    const missingIndex = 5;
    const expected = new Map<string, ReportingStatus>();
    const handled = new Set<string>();
    for (let month = 0; month < 24; month += 1) {
      await env.sleep(day * 30.5);
      const now = await env.currentTimeMs();
      const obligations: ReportObligation[] = (await handle.query(taskQuery)).reporting!.obligations;
      for (const [index, o] of obligations.entries()) {
        if (handled.has(o.periodStart) || index === missingIndex) continue;
        const due = Date.parse(o.due);
        const onTime = index % 2 === 0;
        // An on-time one is filed while still before its deadline; a late one once its deadline has passed.
        if (onTime ? due < now : due >= now) continue;
        const at = { bodyName: '市法制办', periodStart: o.periodStart };
        await report({ actor: legal, action: { type: 'fileReport', ...at, comment: `第${index + 1}期进展`, percent: Math.min(100, index * 4) } });
        await report({ actor: supervisor, action: { type: 'acceptReport', ...at } });
        handled.add(o.periodStart);
        expected.set(o.periodStart, onTime ? 'onTime' : 'late');
      }
    }
    const now = await env.currentTimeMs();
    const final: ReportObligation[] = (await handle.query(taskQuery)).reporting!.obligations;
    // Every month of the two years has its obligation, each period a month after the one before.
    expect(final.length).toBeGreaterThanOrEqual(24);
    for (const [i, o] of final.entries()) {
      if (i > 0) expect(o.periodStart).toBe(final[i - 1]!.periodEnd);
      if (!expected.has(o.periodStart)) expected.set(o.periodStart, Date.parse(o.due) < now ? 'missing' : 'notDue');
    }
    expect(expected.get(final[missingIndex]!.periodStart)).toBe('missing');
    expect([...expected.values()].filter((s) => s === 'late').length).toBeGreaterThan(3);
    expect([...expected.values()].filter((s) => s === 'onTime').length).toBeGreaterThan(3);

    // The read model's grid: one row per period, each status by the one rule.
    await eventually(async () => {
      const rows = await db.prisma.reportObligation.findMany({ where: { planId }, orderBy: { periodStart: 'asc' } });
      expect(rows.map((r) => [r.periodStart.toISOString(), reportingStatus({ status: r.status as ReportObligation['status'], due: r.due.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null }, now)]))
        .toEqual(final.map((o) => [o.periodStart, expected.get(o.periodStart)]));
    });

    // Reminded before each deadline, overdue after the missed and late ones.
    const events = await db.prisma.taskEvent.groupBy({ by: ['type'], where: { taskId: workflowId }, _count: true });
    const count = (type: string) => events.find((e) => e.type === type)?._count ?? 0;
    expect(count('reportsOpened')).toBe(final.length);
    expect(count('reportReminder')).toBeGreaterThanOrEqual([...expected.values()].filter((s) => s === 'late' || s === 'missing').length);
    expect(count('reportOverdue')).toBeGreaterThanOrEqual([...expected.values()].filter((s) => s === 'late' || s === 'missing').length);
    expect(count('reportFiled')).toBe(count('reportAccepted'));

    // Continue-as-new happened; every run's history stayed short.
    let runId: string | undefined = firstRunId;
    const lengths: number[] = [];
    while (runId) {
      const history: temporal.api.history.v1.IHistory = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      const runEvents: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
      lengths.push(runEvents.length);
      const last = runEvents.at(-1);
      runId = last?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ? last.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined : undefined;
    }
    expect(lengths.length).toBeGreaterThan(1);
    for (const length of lengths) expect(length).toBeLessThan(10_240);
    expect(Math.max(...lengths)).toBeLessThan(reportingHistoryLimit + 200);
  });
});
