import { useCallback, useEffect, useState } from 'react';
import { untypedGraphql, MutationError, type MutationResult } from '../graphql.ts';

/**
 * Reads one query and reloads it on demand (after an action) and, with
 * `refreshMs`, on a timer: workflows change rounds by themselves (reminders,
 * lights, units appearing). Errors are shown, not thrown.
 */
export function useGraphql<T>(query: string, variables: Record<string, unknown> = {}, refreshMs = 0) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    untypedGraphql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (result) => live && (setData(result), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [query, key, version]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => setVersion((v) => v + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}

/** Runs a mutation answering a result union; a typed error becomes a MutationError with its words. */
export async function mutate(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const data = await untypedGraphql<Record<string, MutationResult<unknown>>>(query, variables);
  const result = Object.values(data)[0]!;
  if (!result.__typename.endsWith('Success')) throw new MutationError(result.message ?? result.__typename, result.__typename);
}

/** The signed-in body's registry id (the API gives accounts the Relay global id "Body:<id>"). */
export const registryId = (globalId: string | undefined) => (globalId ? atob(globalId).replace(/^Body:/, '') : null);
