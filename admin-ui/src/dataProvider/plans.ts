import type { GetListParams, GetListResult } from 'react-admin';
import { graphql } from '../graphql.ts';
import { nodesOf, pageArgs, type Connection } from './connection.ts';
import { planDetail, planFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { PlanRecord } from './records.ts';

const listQuery = `query ($first: Int, $after: String) {
  plans(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${planFields} } } }
}`;

type PlanConnection = Connection<PlanRecord> & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };

export const plans = {
  /** `plans` has cursors but no offset: walk the cursors up to the requested page (plans are few). */
  async getList(params: GetListParams): Promise<GetListResult<PlanRecord>> {
    const { first, offset } = pageArgs(params);
    const rows: PlanRecord[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { plans: page }: { plans: PlanConnection } = await graphql(listQuery, { first: 100, after });
      total = page.totalCount;
      rows.push(...nodesOf(page));
      if (rows.length >= offset + first || !page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { data: rows.slice(offset, offset + first), total };
  },
  ...nodeReaders<PlanRecord>('Plan', planDetail),
};
