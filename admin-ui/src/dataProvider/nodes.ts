import type { TadaDocumentNode } from 'gql.tada';
import type { GetManyParams, GetManyResult, GetOneParams, GetOneResult } from 'react-admin';
import { HttpError } from 'react-admin';
import { request } from '../graphql.ts';

type Typed = { __typename?: string };
type Of<N, T extends string> = Extract<N, { __typename: T }>;

/**
 * getOne and getMany through the Relay `node`/`nodes` fields, for any type implementing Node: two typed documents
 * `query ($id: ID!) { node(id: $id) { __typename ... on Type { ...Fields } } }` and the same with `nodes(ids: $ids)`.
 */
export function nodeReaders<T extends string, N extends Typed>(
  type: T,
  one: TadaDocumentNode<{ node: N | null }, { id: string }>,
  many: TadaDocumentNode<{ nodes: Array<N | null> }, { ids: string[] }>,
) {
  const isType = (node: N | null): node is Of<N, T> => node?.__typename === type;
  return {
    async getOne(params: GetOneParams): Promise<GetOneResult<Of<N, T> & { id: string }>> {
      const { node } = await request(one, { id: String(params.id) });
      if (!isType(node)) throw new HttpError('不存在或无权查看 Not found, or not visible to you.', 404);
      return { data: node as Of<N, T> & { id: string } };
    },
    async getMany(params: GetManyParams): Promise<GetManyResult<Of<N, T> & { id: string }>> {
      const { nodes } = await request(many, { ids: params.ids.map(String) });
      return { data: nodes.filter(isType) as Array<Of<N, T> & { id: string }> };
    },
  };
}
