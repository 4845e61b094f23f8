import { useCallback, useEffect, useState } from 'react';
import { graphql, MutationError, type MutationResult } from '../graphql.ts';

/** Reads one query and reloads it on demand (after an action); errors are shown, not thrown. */
export function useGraphql<T>(query: string, variables: Record<string, unknown> = {}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    graphql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (result) => live && (setData(result), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [query, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}

/** Runs a mutation answering a result union; a typed error becomes a MutationError with its words. */
export async function mutate(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const data = await graphql<Record<string, MutationResult<unknown>>>(query, variables);
  const result = Object.values(data)[0]!;
  if (!result.__typename.endsWith('Success')) throw new MutationError(result.message ?? result.__typename, result.__typename);
}
