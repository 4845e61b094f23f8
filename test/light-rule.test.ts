// The ledger and the dashboard count overdue assignments in SQL with the domain's
// overdueFilter; it must pick exactly the rows the light rule turns red.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentLight, isOverdue, overdueFilter } from '../domain/supervision/lights.ts';
import type { AssignmentStatus } from '../domain/supervision/types.ts';
import { dayMs } from '../domain/time/instants.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

const statuses: AssignmentStatus[] = ['assigned', 'in_progress', 'submitted', 'accepted', 'returned', 'withdrawn', 'designated'];

describe('the red rule in SQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.dispose());

  it('selects exactly the stored assignments that isOverdue and assignmentLight call overdue and red', async () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const dues = [null, now - dayMs, now - 1000, now + 1000, now + 10 * dayMs];
    await db.prisma.plan.create({ data: { id: 'p', title: '灯规则', sourceText: '…' } });
    await db.prisma.section.create({ data: { id: 'p/1', planId: 'p', ordinal: 1, title: '一' } });
    await db.prisma.task.create({ data: { id: 't', planId: 'p', sectionId: 'p/1', ref: '1.1', text: '任务' } });
    const rows = statuses.flatMap((status) => dues.map((due, i) => ({
      id: `t/${status}/${i}`, taskId: 't', bodyName: `${status}/${i}`, role: 'lead', status, due: due === null ? null : new Date(due), returnCount: status === 'returned' ? 1 : 0,
    })));
    await db.prisma.assignment.createMany({ data: rows });

    const selected = (await db.prisma.assignment.findMany({ where: { taskId: 't', ...overdueFilter(new Date(now)) }, select: { id: true } })).map((r) => r.id).sort();
    const domain = (rule: (a: { status: AssignmentStatus; due: string | null; submittedAt: null; returnCount: number }) => boolean) =>
      rows.filter((r) => rule({ status: r.status, due: r.due?.toISOString() ?? null, submittedAt: null, returnCount: r.returnCount })).map((r) => r.id).sort();
    expect(selected).toEqual(domain((a) => isOverdue(a, now)));
    expect(selected).toEqual(domain((a) => assignmentLight(a, now) === 'red'));
    expect(selected.length).toBeGreaterThan(0);
  });
});
