import type { GetManyParams, GetManyResult, GetOneParams, GetOneResult, RaRecord } from 'react-admin';
import { HttpError } from 'react-admin';
import { untypedGraphql } from '../graphql.ts';

/** getOne and getMany through the Relay `node`/`nodes` fields, for any type implementing Node. */
export function nodeReaders<T extends RaRecord>(type: string, fields: string) {
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
