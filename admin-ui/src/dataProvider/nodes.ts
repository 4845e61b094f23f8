import type { TadaDocumentNode } from 'gql.tada';
import type { GetManyParams, GetManyResult, GetOneParams, GetOneResult, RaRecord } from 'react-admin';
import { HttpError } from 'react-admin';
import { request, untypedGraphql } from '../graphql.ts';

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

/** @deprecated Untyped (credit.ts until it is converted): getOne and getMany by a type name and a selection string. */
export function untypedNodeReaders<T extends RaRecord>(type: string, fields: string) {
  return {
    async getOne(params: GetOneParams): Promise<GetOneResult<T>> {
      const { node } = await untypedGraphql<{ node: T | null }>(`query ($id: ID!) { node(id: $id) { ... on ${type} { ${fields} } } }`, {
        id: params.id,
      });
      if (!node) throw new HttpError('不存在或无权查看 Not found, or not visible to you.', 404);
      return { data: node };
    },
    async getMany(params: GetManyParams): Promise<GetManyResult<T>> {
      const { nodes } = await untypedGraphql<{ nodes: Array<T | null> }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ${type} { ${fields} } } }`, {
        ids: params.ids,
      });
      return { data: nodes.filter((node): node is T => node !== null) };
    },
  };
}
