import type { AuthProvider } from 'react-admin';
import { graphql, request, unwrap } from '../graphql.ts';
import { currentAccount, fetchAccount, forgetAccount, type Account } from './account.ts';

// The token is not asked for: the session lives in the HttpOnly cookie the API sets.
const Login = graphql(`
  mutation Login($login: String!, $password: String!) {
    login(login: $login, password: $password) { __typename ... on Error { message } ... on MutationLoginSuccess { data { expiresIn } } }
  }
`);
const Logout = graphql(`mutation Logout { logout { __typename } }`);

async function account(): Promise<Account> {
  const me = await currentAccount();
  if (!me) throw new Error('ra.auth.auth_check_error');
  return me;
}

/** Sign-in with the API's login mutation (which sets the session cookie); `me` says who, what role, and whether the password must change first. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await request(Login, { login: username, password });
    unwrap(login);
    if (!(await fetchAccount())) throw new Error('ra.auth.sign_in_error');
  },
  async logout() {
    // Ends the session on the server (its cookie is cleared there); signed out already is fine too.
    await request(Logout).catch(() => undefined);
    forgetAccount();
  },
  async checkAuth() {
    await account();
  },
  async checkError(error: { status?: number }) {
    if (error?.status !== 401) return;
    // "Not authorized" also answers a signed-in user who asked for a field beyond their role: stay signed in then.
    if (!(await fetchAccount())) {
      forgetAccount();
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
