import type { GetListParams, GetListResult } from 'react-admin';
import { graphql } from '../graphql.ts';
import { fetchAll, matchesSearch, nodesOf, pageArgs, pageInBrowser, type Connection } from './connection.ts';
import { bodyFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { BodyRecord } from './records.ts';

const listQuery = `query ($kind: BodyKind, $first: Int, $offset: Int) {
  bodies(kind: $kind, first: $first, offset: $offset) { totalCount edges { node { ${bodyFields} } } }
}`;

export const bodies = {
  /** The registry is paged by the API; a name search (autocomplete) reads it all, as it is small. */
  async getList(params: GetListParams): Promise<GetListResult<BodyRecord>> {
    const { q, kind } = params.filter ?? {};
    if (!q) {
      const data = await graphql<{ bodies: Connection<BodyRecord> }>(listQuery, { kind: kind || undefined, ...pageArgs(params) });
      return { data: nodesOf(data.bodies), total: data.bodies.totalCount };
    }
    const rows = await fetchAll<BodyRecord>(listQuery, 'bodies', { kind: kind || undefined });
    const found = rows.filter((body) => matchesSearch(q, [body.shortName, body.fullName, ...body.aliases]));
    return pageInBrowser(found, params, () => undefined);
  },
  ...nodeReaders<BodyRecord>('Body', bodyFields),
};

/** The whole registry (a few dozen bodies): for the importer's name matching. */
export const allBodies = () => fetchAll<BodyRecord>(listQuery, 'bodies');

export const isConcrete = (body: BodyRecord) => body.kind !== 'group' && body.kind !== 'placeholder';

/** Every registered body that can be designated (concrete, not a group). */
export async function concreteBodies(): Promise<BodyRecord[]> {
  return (await allBodies()).filter(isConcrete);
}
