import type { GetListParams, GetListResult, RaRecord } from 'react-admin';
import type { TadaDocumentNode } from 'gql.tada';
import { request, type VariablesArg } from '../graphql.ts';

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ node: T }>;
}

export const nodesOf = <T>(connection: Connection<T>) => connection.edges.map((edge) => edge.node);

/** react-admin's page N as the API's offset pagination. */
export function pageArgs(params: Pick<GetListParams, 'pagination'>): { first: number; offset: number } {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  return { first: perPage, offset: (page - 1) * perPage };
}

/** The API's largest page: Pothos caps connections at 100 rows. */
const pageSize = 100;

/**
 * Every row of a connection, page by page: for the few filters the API does not
 * offer yet (the query must take $first and $offset and select totalCount).
 */
export async function fetchAll<R, V extends { first?: number | null; offset?: number | null }, T>(
  document: TadaDocumentNode<R, V>,
  field: (data: R) => Connection<T>,
  variables: Omit<V, 'first' | 'offset'>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let total = Infinity; rows.length < total; ) {
    const data = await request(document, ...([{ ...variables, first: pageSize, offset: rows.length }] as VariablesArg<V>));
    const connection = field(data);
    total = connection.totalCount;
    rows.push(...nodesOf(connection));
    if (connection.edges.length === 0) break;
  }
  return rows;
}

/** Sorts and pages rows already filtered in the browser, as getList answers. */
export function pageInBrowser<T extends RaRecord>(
  rows: T[],
  params: Pick<GetListParams, 'pagination' | 'sort'>,
  compare: (field: string) => ((a: T, b: T) => number) | undefined,
): GetListResult<T> {
  const { field, order } = params.sort ?? { field: '', order: 'ASC' };
  const by = compare(field);
  const sorted = by ? [...rows].sort((a, b) => (order === 'DESC' ? -by(a, b) : by(a, b))) : rows;
  const { first, offset } = pageArgs(params);
  return { data: sorted.slice(offset, offset + first), total: rows.length };
}

/** Task refs ("2.10") in numeric order: the rule the API sorts by. */
export { compareTaskRefs as compareRefs } from '../../../domain/plan/refs.ts';

/** Text matching for the search box: every word must appear in one of the fields. */
export function matchesSearch(q: unknown, fields: Array<string | null | undefined>): boolean {
  if (typeof q !== 'string' || !q.trim()) return true;
  const haystack = fields.filter(Boolean).join('\n').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
