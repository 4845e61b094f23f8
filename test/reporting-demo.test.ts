import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingStatus } from '../domain/reporting/status.ts';
import type { ReportObligation } from '../domain/reporting/obligations.ts';
import { demoReportingRef, loadDemoPlan } from '../services/demo.ts';
import { taskWorkflowId } from '../workflows/task.ts';
import { eventually } from './helpers/eventually.ts';
import { startTestStack, type TestStack } from './helpers/stack.ts';

describe('the demo plan\'s monthly report obligation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('has a few periods filed, one late and one missing', async () => {
    const planId = await loadDemoPlan({ prisma: stack.db.prisma, temporal: stack.env.client, taskQueue: 'duban', dataDir: stack.db.dataDir });
    const taskId = taskWorkflowId(planId!, demoReportingRef);
    const statuses = await eventually(async () => {
      const rows = await stack.db.prisma.reportObligation.findMany({ where: { taskId }, orderBy: { periodStart: 'asc' } });
      const list = rows.map((r) => reportingStatus({ status: r.status as ReportObligation['status'], due: r.due.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null }, Date.now()));
      expect(list).toContain('onTime');
      return list;
    });
    expect(statuses.filter((s) => s === 'late')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'missing')).toHaveLength(1);
    expect(statuses.filter((s) => s !== 'missing' && s !== 'notDue').length).toBeGreaterThanOrEqual(2);
  });
});
