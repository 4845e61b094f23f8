import type { GetListParams, GetListResult } from 'react-admin';
import { isOverdue } from '../../../domain/supervision/lights.ts';
import { compareLights } from '../lights/lights.ts';
import { compareRefs, fetchAll, matchesSearch, pageInBrowser } from './connection.ts';
import { graphql, type Enum } from '../graphql.ts';
import { TaskDetail, TaskFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { TaskRecord } from './records.ts';

const TaskList = graphql(`
  query TaskList($planId: ID, $sectionOrdinal: Int, $light: Light, $bodyId: ID, $first: Int, $offset: Int) {
    tasks(planId: $planId, sectionOrdinal: $sectionOrdinal, light: $light, bodyId: $bodyId, first: $first, offset: $offset) { totalCount edges { node { ...TaskFields } } }
  }
`, [TaskFields]);
const TaskNode = graphql(`query TaskNode($id: ID!) { node(id: $id) { __typename ... on Task { ...TaskDetail } } }`, [TaskDetail]);
const TaskNodes = graphql(`query TaskNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Task { ...TaskDetail } } }`, [TaskDetail]);

interface TaskFilter {
  q?: string;
  planId?: string;
  light?: Enum<'Light'>;
  sectionOrdinal?: number;
  bodyId?: string;
  status?: string;
  overdue?: boolean;
}

/** The filters `tasks` does not take (status, overdue, search), applied in the browser. */
function matches(task: TaskRecord, f: TaskFilter, now: number): boolean {
  return (
    (!f.status || task.status === f.status) &&
    (!f.overdue || task.assignments.some((a) => isOverdue(a, now))) &&
    matchesSearch(f.q, [task.ref, task.text, task.section.title, ...task.assignments.map((a) => a.bodyName)])
  );
}

const comparators: Record<string, (a: TaskRecord, b: TaskRecord) => number> = {
  ref: (a, b) => a.plan.id.localeCompare(b.plan.id) || compareRefs(a.ref, b.ref),
  light: (a, b) => compareLights(a.light, b.light) || compareRefs(a.ref, b.ref),
  due: (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || compareRefs(a.ref, b.ref),
};

export const tasks = {
  /**
   * The API filters by plan, section, light and body, in numeric ref order; what
   * it matches is then filtered by status, overdue and search, sorted and paged here.
   */
  async getList(params: GetListParams): Promise<GetListResult<TaskRecord>> {
    const filter = (params.filter ?? {}) as TaskFilter;
    const rows = await fetchAll(TaskList, (data) => data.tasks, {
      planId: filter.planId || undefined,
      sectionOrdinal: filter.sectionOrdinal ? Number(filter.sectionOrdinal) : undefined,
      light: filter.light || undefined,
      bodyId: filter.bodyId || undefined,
    });
    const now = Date.now();
    return pageInBrowser(
      rows.filter((task) => matches(task, filter, now)),
      params,
      (field) => comparators[field],
    );
  },
  ...nodeReaders('Task', TaskNode, TaskNodes),
};
