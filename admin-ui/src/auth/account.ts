import { usePermissions } from 'react-admin';
import { graphql, request, type Enum, type ResultOf } from '../graphql.ts';

export type Role = Enum<'Role'>;

const Me = graphql(`query Me { me { id login displayName role body { id shortName } mustChangePassword } }`);

/** The signed-in account as the console needs it: who, which role, which body, and whether it must change its password. */
export type Account = NonNullable<ResultOf<typeof Me>['me']>;

/** Who the session cookie belongs to, held in memory only (nothing about the session is stored in the browser). */
let known: Promise<Account | null> | null = null;

/** Asks the API who the session belongs to; null when there is none, or it has ended (logout, idle, revoked). */
export function fetchAccount(): Promise<Account | null> {
  known = request(Me).then(
    ({ me }) => me,
    () => null,
  );
  return known;
}

/** The account asked once per page load, so every page does not ask again. */
export const currentAccount = (): Promise<Account | null> => known ?? fetchAccount();

export const forgetAccount = () => {
  known = null;
};

/** The signed-in account (react-admin's permissions), or undefined while it loads. */
export function useAccount(): Account | undefined {
  return usePermissions<Account>().permissions;
}
