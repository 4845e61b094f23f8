import { builder } from './builder.ts';

/** Page-based consoles jump to page N: `offset` skips rows when no cursor is given. */
export const offsetArg = () =>
  builder.args((t) => ({ offset: t.int({ description: '跳过的行数（无游标时） Rows to skip when no cursor is given.' }) }));

export function withOffset<Q extends { skip?: number; cursor?: unknown }>(query: Q, offset: number | null | undefined): Q {
  if (!offset || query.cursor) return query;
  if (offset < 0 || offset > 1_000_000) return query;
  return { ...query, skip: (query.skip ?? 0) + offset };
}

interface PageQuery {
  take?: number;
  skip?: number;
  cursor?: { id?: string };
}

/**
 * For an order SQL cannot express (numeric refs, owed first): every matching id in
 * that order, cut to one connection page as Prisma's take/skip/cursor would cut it,
 * then the page's rows read with the connection's own selection, in that order.
 */
export async function pageInOrder<Q extends PageQuery, R extends { id: string }>(
  query: Q,
  orderedIds: string[],
  read: (selection: Omit<Q, keyof PageQuery>, ids: string[]) => Promise<R[]>,
): Promise<R[]> {
  const { take = orderedIds.length, skip = 0, cursor, ...selection } = query;
  const at = cursor ? orderedIds.indexOf(cursor.id ?? '') : take < 0 ? orderedIds.length - 1 : 0;
  if (cursor && at < 0) return [];
  const end = at - skip + 1;
  const ids = take >= 0 ? orderedIds.slice(at + skip, at + skip + take) : orderedIds.slice(Math.max(0, end + take), Math.max(0, end));
  const rows = new Map((await read(selection, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}
