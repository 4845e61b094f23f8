import type { GetListParams, GetListResult } from 'react-admin';
import { untypedGraphql, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';
import { accountFields, type AccountPassword } from './accounts.ts';
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
      const data = await untypedGraphql<{ bodies: Connection<BodyRecord> }>(listQuery, { kind: kind || undefined, ...pageArgs(params) });
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

export interface BodyInput {
  shortName: string;
  fullName: string;
  kind: BodyRecord['kind'];
  aliases: string[];
}

type Registered = { body: BodyRecord; account: AccountPassword | null };

/** Registers a body, and opens its department account when a login is given (its one-time password comes back once). */
export async function createBody(input: BodyInput & { account?: { login: string; displayName: string } }): Promise<Registered> {
  const { createBody: result } = await untypedGraphql<{ createBody: MutationResult<Registered> }>(
    `mutation ($input: CreateBodyInput!) { createBody(input: $input) { ${resultFields('MutationCreateBodySuccess', `body { ${bodyFields} } account { account { ${accountFields} } oneTimePassword }`)} } }`,
    { input },
  );
  return untypedUnwrap(result);
}

/** Edits a body's names, kind and aliases. */
export async function updateBody(id: string, input: BodyInput): Promise<BodyRecord> {
  const { updateBody: result } = await untypedGraphql<{ updateBody: MutationResult<BodyRecord> }>(
    `mutation ($input: UpdateBodyInput!) { updateBody(input: $input) { ${resultFields('MutationUpdateBodySuccess', bodyFields)} } }`,
    { input: { id, ...input } },
  );
  return untypedUnwrap(result);
}

/** Sets the body's group-robot webhook (企业微信/钉钉), or clears it with an empty URL. */
export async function setBodyWebhook(id: string, url: string): Promise<BodyRecord> {
  const { setBodyWebhook: result } = await untypedGraphql<{ setBodyWebhook: MutationResult<BodyRecord> }>(
    `mutation ($id: ID!, $url: String) { setBodyWebhook(bodyId: $id, url: $url) { ${resultFields('MutationSetBodyWebhookSuccess', bodyFields)} } }`,
    { id, url },
  );
  return untypedUnwrap(result);
}

/** Merges a body into a survivor: its names become the survivor's aliases, its id resolves to the survivor. */
export async function mergeBodies(survivorId: string, mergedId: string): Promise<BodyRecord> {
  const { mergeBodies: result } = await untypedGraphql<{ mergeBodies: MutationResult<BodyRecord> }>(
    `mutation ($s: ID!, $m: ID!) { mergeBodies(survivorId: $s, mergedId: $m) { ${resultFields('MutationMergeBodiesSuccess', bodyFields)} } }`,
    { s: survivorId, m: mergedId },
  );
  return untypedUnwrap(result);
}
