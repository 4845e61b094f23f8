import type { GetListParams, GetListResult } from 'react-admin';
import { graphql, request, unwrap, type Enum } from '../graphql.ts';
import { AccountPasswordFields, type AccountPassword } from './accounts.ts';
import { fetchAll, matchesSearch, nodesOf, pageArgs, pageInBrowser } from './connection.ts';
import { BodyFields } from './fields.ts';
import { nodeReaders } from './nodes.ts';
import type { BodyRecord } from './records.ts';

const BodyList = graphql(`
  query BodyList($kind: BodyKind, $registryId: ID, $first: Int, $offset: Int) {
    bodies(kind: $kind, registryId: $registryId, first: $first, offset: $offset) { totalCount edges { node { ...BodyFields } } }
  }
`, [BodyFields]);
const BodyNode = graphql(`query BodyNode($id: ID!) { node(id: $id) { __typename ... on Body { ...BodyFields } } }`, [BodyFields]);
const BodyNodes = graphql(`query BodyNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Body { ...BodyFields } } }`, [BodyFields]);

const CreateBody = graphql(`
  mutation CreateBody($input: CreateBodyInput!) {
    createBody(input: $input) {
      __typename ... on Error { message }
      ... on MutationCreateBodySuccess { data { body { ...BodyFields } account { ...AccountPasswordFields } } }
    }
  }
`, [BodyFields, AccountPasswordFields]);
const UpdateBody = graphql(`
  mutation UpdateBody($input: UpdateBodyInput!) {
    updateBody(input: $input) { __typename ... on Error { message } ... on MutationUpdateBodySuccess { data { ...BodyFields } } }
  }
`, [BodyFields]);
const SetBodyWebhook = graphql(`
  mutation SetBodyWebhook($id: ID!, $url: String) {
    setBodyWebhook(bodyId: $id, url: $url) { __typename ... on Error { message } ... on MutationSetBodyWebhookSuccess { data { ...BodyFields } } }
  }
`, [BodyFields]);
const MergeBodies = graphql(`
  mutation MergeBodies($s: ID!, $m: ID!) {
    mergeBodies(survivorId: $s, mergedId: $m) { __typename ... on Error { message } ... on MutationMergeBodiesSuccess { data { ...BodyFields } } }
  }
`, [BodyFields]);

export const bodies = {
  /** The registry is paged by the API; a name search (autocomplete) reads it all, as it is small. */
  async getList(params: GetListParams): Promise<GetListResult<BodyRecord>> {
    const { q, kind } = (params.filter ?? {}) as { q?: string; kind?: Enum<'BodyKind'> | '' };
    if (!q) {
      const data = await request(BodyList, { kind: kind || undefined, ...pageArgs(params) });
      return { data: nodesOf(data.bodies), total: data.bodies.totalCount };
    }
    const rows = await fetchAll(BodyList, (data) => data.bodies, { kind: kind || undefined });
    const found = rows.filter((body) => matchesSearch(q, [body.shortName, body.fullName, ...body.aliases]));
    return pageInBrowser(found, params, () => undefined);
  },
  ...nodeReaders('Body', BodyNode, BodyNodes),
};

/** The whole registry (a few dozen bodies), or one registry's: for the importer's name matching. */
export const allBodies = (registryId?: string) => fetchAll(BodyList, (data) => data.bodies, registryId ? { registryId } : {});

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
export async function createBody(input: BodyInput & { account?: { login: string; displayName: string }; registryId?: string }): Promise<Registered> {
  return unwrap((await request(CreateBody, { input })).createBody);
}

/** Edits a body's names, kind and aliases. */
export async function updateBody(id: string, input: BodyInput): Promise<BodyRecord> {
  return unwrap((await request(UpdateBody, { input: { id, ...input } })).updateBody);
}

/** Sets the body's group-robot webhook (企业微信/钉钉), or clears it with an empty URL. */
export async function setBodyWebhook(id: string, url: string): Promise<BodyRecord> {
  return unwrap((await request(SetBodyWebhook, { id, url })).setBodyWebhook);
}

/** Merges a body into a survivor: its names become the survivor's aliases, its id resolves to the survivor. */
export async function mergeBodies(survivorId: string, mergedId: string): Promise<BodyRecord> {
  return unwrap((await request(MergeBodies, { s: survivorId, m: mergedId })).mergeBodies);
}
