import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TadaDocumentNode } from 'gql.tada';
import { useDataProvider, useLocaleState } from 'react-admin';
import type { DubanDataProvider } from '../dataProvider/index.ts';
import { answer, type SuccessOf, type VariablesArg } from '../graphql.ts';

/** Every query these hooks read sits under this key: a mutation done through useApiMutation has them asked again. */
export const apiKey = 'graphql';

const operationName = (document: TadaDocumentNode<unknown, never>) => {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return operation && 'name' in operation ? operation.name?.value : undefined;
};

type QueryOptions<V> = {
  /** Workflows change things by themselves (reminders, lights, units appearing): ask again this often. */
  refetchInterval?: number | false;
  enabled?: boolean;
} & (keyof V extends never ? { variables?: V } : {} extends V ? { variables?: V } : { variables: V });

/**
 * Reads one typed query (`graphql(`query Name { … }`)`) through the data provider's `request`
 * method with react-query, as react-admin's own hooks do: cached, refetched, errors as `error`.
 */
export function useApiQuery<R, V>(document: TadaDocumentNode<R, V>, ...[options]: keyof V extends never ? [options?: QueryOptions<V>] : {} extends V ? [options?: QueryOptions<V>] : [options: QueryOptions<V>]) {
  const dataProvider = useDataProvider<DubanDataProvider>();
  const [locale] = useLocaleState();
  const variables = (options?.variables ?? {}) as V;
  return useQuery({
    // The language is part of the answer (notices are worded in it): another language asks again.
    queryKey: [apiKey, operationName(document as TadaDocumentNode<unknown, never>), variables, locale],
    queryFn: () => dataProvider.request(document, ...([variables] as VariablesArg<V>)),
    refetchInterval: options?.refetchInterval,
    enabled: options?.enabled,
  });
}

/**
 * Runs one typed mutation whose field answers a result union (`__typename ... on Error { message }
 * ... on …Success { data { … } }`): resolves with the success's data, rejects with a MutationError
 * in the API's words, and has every useApiQuery asked again once it succeeded.
 */
export function useApiMutation<R extends Record<string, { __typename?: string }>, V>(document: TadaDocumentNode<R, V>) {
  const dataProvider = useDataProvider<DubanDataProvider>();
  const client = useQueryClient();
  return useMutation<SuccessOf<R[keyof R]>, Error, V>({
    mutationFn: async (variables: V) => answer(await dataProvider.request(document, ...([variables] as VariablesArg<V>))),
    onSuccess: () => client.invalidateQueries({ queryKey: [apiKey] }),
  });
}
