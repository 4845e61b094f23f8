import type { DataProvider } from 'react-admin';
import { graphql } from './graphql.ts';

interface Connection<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}

const bodyFields = 'id shortName fullName kind aliases';

/** Duban's own data provider: each resource maps to the Relay-style queries of its schema. */
export const dataProvider = {
  async getList(resource, params) {
    if (resource !== 'bodies') throw new Error(`Unknown resource ${resource}`);
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const data = await graphql<{ bodies: Connection<{ id: string }> }>(
      `query ($first: Int, $kind: BodyKind) { bodies(first: $first, kind: $kind) { totalCount edges { node { ${bodyFields} } } } }`,
      { first: page * perPage, kind: params.filter?.kind },
    );
    const rows = data.bodies.edges.map((edge) => edge.node);
    return { data: rows.slice((page - 1) * perPage), total: data.bodies.totalCount };
  },
} as DataProvider;
