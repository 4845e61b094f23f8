import { usePermissions } from 'react-admin';
import { graphql } from '../graphql.ts';

type Role = 'supervisor' | 'department' | 'performance' | 'admin';

/** The signed-in account as the console needs it: who, which role, which body. */
export interface Account {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  body: { id: string; shortName: string } | null;
}

const accountKey = 'duban.account';

/** Asks the API who the token belongs to; null when the token is missing, expired or revoked. */
export async function fetchAccount(): Promise<Account | null> {
  const { me } = await graphql<{ me: Account | null }>('{ me { id login displayName role body { id shortName } } }');
  if (me) localStorage.setItem(accountKey, JSON.stringify(me));
  return me;
}

/** The account remembered at sign-in, so every page does not ask again. */
export function storedAccount(): Account | null {
  const raw = localStorage.getItem(accountKey);
  return raw ? (JSON.parse(raw) as Account) : null;
}

export const forgetAccount = () => localStorage.removeItem(accountKey);

/** The signed-in account (react-admin's permissions), or undefined while it loads. */
export function useAccount(): Account | undefined {
  return usePermissions<Account>().permissions;
}
