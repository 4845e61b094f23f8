import type { GetListParams, GetListResult } from 'react-admin';
import { untypedGraphql } from '../graphql.ts';
import { nodesOf, pageArgs, type Connection } from './connection.ts';
import { planDetail, planFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { PlanRecord } from './records.ts';

const listQuery = `query ($first: Int, $offset: Int) {
  plans(first: $first, offset: $offset) { totalCount edges { node { ${planFields} } } }
}`;

export const plans = {
  async getList(params: GetListParams): Promise<GetListResult<PlanRecord>> {
    const { plans: page } = await untypedGraphql<{ plans: Connection<PlanRecord> }>(listQuery, pageArgs(params));
    return { data: nodesOf(page), total: page.totalCount };
  },
  ...nodeReaders<PlanRecord>('Plan', planDetail),
};
