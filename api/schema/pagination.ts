import { builder } from './builder.ts';

/** Page-based consoles jump to page N: `offset` skips rows when no cursor is given. */
export const offsetArg = () =>
  builder.args((t) => ({ offset: t.int({ description: '跳过的行数（无游标时） Rows to skip when no cursor is given.' }) }));

export function withOffset<Q extends { skip?: number; cursor?: unknown }>(query: Q, offset: number | null | undefined): Q {
  if (!offset || query.cursor) return query;
  if (offset < 0 || offset > 1_000_000) return query;
  return { ...query, skip: (query.skip ?? 0) + offset };
}
