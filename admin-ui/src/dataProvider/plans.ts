import type { GetListParams, GetListResult } from 'react-admin';
import { graphql, request } from '../graphql.ts';
import { nodesOf, pageArgs } from './connection.ts';
import { PlanDetail, PlanFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { PlanRecord } from './records.ts';

const PlanList = graphql(`
  query PlanList($first: Int, $offset: Int) { plans(first: $first, offset: $offset) { totalCount edges { node { ...PlanFields } } } }
`, [PlanFields]);
const PlanNode = graphql(`query PlanNode($id: ID!) { node(id: $id) { __typename ... on Plan { ...PlanDetail } } }`, [PlanDetail]);
const PlanNodes = graphql(`query PlanNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Plan { ...PlanDetail } } }`, [PlanDetail]);

export const plans = {
  async getList(params: GetListParams): Promise<GetListResult<PlanRecord>> {
    const { plans: page } = await request(PlanList, pageArgs(params));
    return { data: nodesOf(page), total: page.totalCount };
  },
  ...nodeReaders('Plan', PlanNode, PlanNodes),
};
