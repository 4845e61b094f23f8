import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';

const UnreadCount = graphql(`query UnreadCount { me { unreadNotificationCount } }`);

const Inbox = graphql(`
  query Inbox($first: Int!, $offset: Int, $unreadOnly: Boolean) {
    notifications(first: $first, offset: $offset, unreadOnly: $unreadOnly) { totalCount edges { node { id kind title text createdAt readAt link } } }
  }
`);

const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all) {
      __typename ... on Error { message } ... on MutationMarkNotificationsReadSuccess { data { unreadNotificationCount } }
    }
  }
`);

export type NotificationRecord = ResultOf<typeof Inbox>['notifications']['edges'][number]['node'];

/** The signed-in account's unread notices, asked again every half minute (workflows send notices by themselves). */
export function useUnreadCount(): number {
  const { data } = useApiQuery(UnreadCount, { refetchInterval: 30_000 });
  return data?.me?.unreadNotificationCount ?? 0;
}

/** One page of the inbox, newest first. */
export function useInbox(page: number, size: number, unreadOnly: boolean) {
  return useApiQuery(Inbox, { variables: { first: size, offset: page * size, unreadOnly } });
}

/** Marks notices read (some, or all) and has the bell and the inbox asked again. */
export function useMarkRead() {
  const { mutateAsync } = useApiMutation(MarkNotificationsRead);
  return async (target: { ids: string[] } | { all: true }) => {
    await mutateAsync(target);
  };
}
