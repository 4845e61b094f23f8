import type { GetListParams, GetListResult } from 'react-admin';
import { graphql } from '../graphql.ts';
import { fetchAll, nodesOf, pageArgs, pageInBrowser, type Connection } from './connection.ts';
import { ledgerFields, myAssignmentFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { LedgerRecord, MyAssignmentRecord, TaskEvent } from './records.ts';

const filterKeys = ['overdue', 'dueWithinDays', 'light', 'status', 'bodyId', 'planId', 'sectionOrdinal', 'role'] as const;

/** react-admin's filter values as the API's AssignmentFilter (empty inputs dropped). */
function assignmentFilter(filter: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const value = filter[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    out[key] = key === 'dueWithinDays' || key === 'sectionOrdinal' ? Number(value) : value;
  }
  return out;
}

const listQuery = (fields: string) => `query ($filter: AssignmentFilter, $orderBy: AssignmentOrder, $first: Int, $offset: Int) {
  assignments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) { totalCount edges { node { ${fields} } } }
}`;

/** The ledger's order is chosen with the `orderBy` filter (urgency, body, task): the API sorts one way only. */
async function ledger<T>(fields: string, params: GetListParams): Promise<{ data: T[]; total: number }> {
  const filter = params.filter ?? {};
  const { assignments } = await graphql<{ assignments: Connection<T> }>(listQuery(fields), {
    filter: assignmentFilter(filter),
    orderBy: filter.orderBy || 'urgency',
    ...pageArgs(params),
  });
  return { data: nodesOf(assignments), total: assignments.totalCount };
}

export const assignments = {
  getList: (params: GetListParams): Promise<GetListResult<LedgerRecord>> => ledger<LedgerRecord>(ledgerFields, params),
  ...nodeReaders<LedgerRecord>('Assignment', ledgerFields),
};

type WithTimeline = LedgerRecord & { task: LedgerRecord['task'] & { timeline: TaskEvent[] } };

/** The latest event of a type about this body: the supervising office's last word on it. */
const latest = (row: WithTimeline, type: string) =>
  row.task.timeline.filter((e) => e.type === type && e.bodyName === row.bodyName).at(-1) ?? null;

/** Work still owed comes first, then what awaits review, then what is done. */
const phase: Record<string, number> = { assigned: 0, in_progress: 0, returned: 0, submitted: 1, accepted: 2 };
const phaseOf = (row: LedgerRecord) => phase[row.status] ?? 3;

/**
 * A department's assignments, each with its latest return reason, urge and
 * extension decision. The API's urgency order is by deadline alone, so a body's
 * (few) assignments are read whole and the owed ones put first.
 */
export const myAssignments = {
  async getList(params: GetListParams): Promise<GetListResult<MyAssignmentRecord>> {
    const rows = await fetchAll<WithTimeline>(listQuery(myAssignmentFields), 'assignments', {
      filter: assignmentFilter(params.filter ?? {}),
      orderBy: 'urgency',
    });
    // Array sort is stable: within a phase the API's deadline order stays.
    const owedFirst = [...rows].sort((a, b) => phaseOf(a) - phaseOf(b));
    const { data, total } = pageInBrowser(owedFirst, params, () => undefined);
    return {
      total,
      data: data.map((row) => {
        const { timeline: _timeline, ...task } = row.task;
        return {
          ...row,
          task,
          lastReturn: latest(row, 'return'),
          lastUrge: latest(row, 'urge'),
          lastExtensionDecision: latest(row, 'decideExtension'),
        };
      }),
    };
  },
  ...nodeReaders<LedgerRecord>('Assignment', ledgerFields),
};
