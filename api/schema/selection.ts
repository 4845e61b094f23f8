/** Pothos selects nothing when a client asks only for __typename; Prisma refuses an empty select. */
export function selection<Q extends { select?: object }>(query: Q): Q | Record<string, never> {
  return query.select && Object.keys(query.select).length === 0 ? {} : query;
}
