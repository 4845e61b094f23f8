import type { GetListParams, GetListResult } from 'react-admin';
import { untypedGraphql } from '../graphql.ts';
import { nodesOf, pageArgs, type Connection } from './connection.ts';
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
  const { assignments } = await untypedGraphql<{ assignments: Connection<T> }>(listQuery(fields), {
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

/**
 * A department's assignments in the API's urgency order (owed first, the most
 * overdue first), each with its latest return reason, urge and extension decision.
 */
export const myAssignments = {
  async getList(params: GetListParams): Promise<GetListResult<MyAssignmentRecord>> {
    const { data, total } = await ledger<WithTimeline>(myAssignmentFields, { ...params, filter: { ...params.filter, orderBy: 'urgency' } });
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
