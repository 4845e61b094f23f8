import type { GetListParams, GetListResult } from 'react-admin';
import { graphql, request, type Enum, type VariablesOf } from '../graphql.ts';
import { nodesOf, pageArgs } from './connection.ts';
import { LedgerFields, MyAssignmentFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { LedgerRecord, MyAssignmentRecord, TaskEvent } from './records.ts';

const filterKeys = ['overdue', 'unacknowledged', 'behindPace', 'dueWithinDays', 'light', 'status', 'bodyId', 'planId', 'sectionOrdinal', 'role'] as const;

/** react-admin's filter values as the API's AssignmentFilter (empty inputs dropped). */
function assignmentFilter(filter: Record<string, unknown>): AssignmentFilter {
  const out: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const value = filter[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    out[key] = key === 'dueWithinDays' || key === 'sectionOrdinal' ? Number(value) : value;
  }
  return out as AssignmentFilter;
}

const LedgerList = graphql(`
  query LedgerList($filter: AssignmentFilter, $orderBy: AssignmentOrder, $first: Int, $offset: Int) {
    assignments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) { totalCount edges { node { ...LedgerFields } } }
  }
`, [LedgerFields]);
const MyAssignmentList = graphql(`
  query MyAssignmentList($filter: AssignmentFilter, $orderBy: AssignmentOrder, $first: Int, $offset: Int) {
    assignments(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) { totalCount edges { node { ...MyAssignmentFields } } }
  }
`, [MyAssignmentFields]);
const AssignmentNode = graphql(`query AssignmentNode($id: ID!) { node(id: $id) { __typename ... on Assignment { ...LedgerFields } } }`, [LedgerFields]);
const AssignmentNodes = graphql(`query AssignmentNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Assignment { ...LedgerFields } } }`, [LedgerFields]);

type AssignmentFilter = NonNullable<VariablesOf<typeof LedgerList>['filter']>;

/** The ledger's order is chosen with the `orderBy` filter (urgency, body, task): the API sorts one way only. */
function ledgerVariables(params: GetListParams) {
  const filter = params.filter ?? {};
  return { filter: assignmentFilter(filter), orderBy: (filter.orderBy || 'urgency') as Enum<'AssignmentOrder'>, ...pageArgs(params) };
}

async function ledger(params: GetListParams) {
  const { assignments } = await request(LedgerList, ledgerVariables(params));
  return { data: nodesOf(assignments), total: assignments.totalCount };
}

export const assignments = {
  getList: (params: GetListParams): Promise<GetListResult<LedgerRecord>> => ledger(params),
  ...nodeReaders('Assignment', AssignmentNode, AssignmentNodes),
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
    const { assignments: page } = await request(MyAssignmentList, ledgerVariables({ ...params, filter: { ...params.filter, orderBy: 'urgency' } }));
    const data: WithTimeline[] = nodesOf(page);
    const total = page.totalCount;
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
  ...nodeReaders('Assignment', AssignmentNode, AssignmentNodes),
};
