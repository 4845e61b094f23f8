import type { AuthProvider } from 'react-admin';
import { graphql, resultFields, session, unwrap, type MutationResult } from '../graphql.ts';
import { fetchAccount, forgetAccount, storedAccount, type Account } from './account.ts';

const loginMutation = `mutation ($login: String!, $password: String!) {
  login(login: $login, password: $password) { ${resultFields('MutationLoginSuccess', 'token')} }
}`;

async function account(): Promise<Account> {
  const known = storedAccount() ?? (await fetchAccount());
  if (!known) throw new Error('ra.auth.auth_check_error');
  return known;
}

function signOut(): void {
  session.clear();
  forgetAccount();
}

/** Sign-in with the API's login mutation; the bearer token lives in localStorage, `me` says who and what role. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await graphql<{ login: MutationResult<{ token: string }> }>(loginMutation, { login: username, password });
    session.set(unwrap(login).token);
    if (!(await fetchAccount())) throw new Error('ra.auth.sign_in_error');
  },
  async logout() {
    signOut();
  },
  async checkAuth() {
    if (!session.token) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status !== 401) return;
    // "Not authorized" also answers a signed-in user who asked for a field beyond their role: stay signed in then.
    const still = session.token ? await fetchAccount().catch(() => null) : null;
    if (!still) {
      signOut();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity() {
    const me = await account();
    return { id: me.id, fullName: me.displayName, body: me.body?.shortName };
  },
  async getPermissions() {
    return account();
  },
};
