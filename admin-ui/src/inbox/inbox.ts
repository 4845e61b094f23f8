import { useQuery, useQueryClient } from '@tanstack/react-query';
import { untypedGraphql, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';

export interface NotificationRecord {
  id: string;
  kind: 'reminder' | 'overdue' | 'urge' | 'returned' | 'decision' | 'assigned';
  title: string;
  text: string;
  createdAt: string;
  readAt: string | null;
  link: string | null;
}

const unreadKey = ['duban', 'unreadNotificationCount'];

/** The signed-in account's unread notices, asked again every half minute (workflows send notices by themselves). */
export function useUnreadCount(): number {
  const { data } = useQuery({
    queryKey: unreadKey,
    queryFn: () => untypedGraphql<{ me: { unreadNotificationCount: number } | null }>('{ me { unreadNotificationCount } }'),
    refetchInterval: 30_000,
  });
  return data?.me?.unreadNotificationCount ?? 0;
}

/** One page of the inbox, newest first. */
export function useInbox(page: number, size: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: ['duban', 'notifications', page, size, unreadOnly],
    queryFn: () =>
      untypedGraphql<{ notifications: { totalCount: number; edges: Array<{ node: NotificationRecord }> } }>(
        `query ($first: Int!, $offset: Int, $unreadOnly: Boolean) { notifications(first: $first, offset: $offset, unreadOnly: $unreadOnly) { totalCount edges { node { id kind title text createdAt readAt link } } } }`,
        { first: size, offset: page * size, unreadOnly },
      ),
  });
}

/** Marks notices read (some, or all) and has the bell and the inbox asked again. */
export function useMarkRead() {
  const client = useQueryClient();
  return async (target: { ids: string[] } | { all: true }) => {
    const data = await untypedGraphql<{ markNotificationsRead: MutationResult<{ unreadNotificationCount: number }> }>(
      `mutation ($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { ${resultFields('MutationMarkNotificationsReadSuccess', 'unreadNotificationCount')} } }`,
      target,
    );
    untypedUnwrap(data.markNotificationsRead);
    await client.invalidateQueries({ queryKey: ['duban'] });
  };
}
