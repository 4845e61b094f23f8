/** A GraphQL client for tests, speaking HTTP to a real server like the console does. */
export function graphqlClient(base: string) {
  /** `language` is sent as Accept-Language, as the console sends its own. */
  async function request<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, language?: string) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) };
  }
  async function login(name: string, password = 'test-password'): Promise<string> {
    const { data } = await request(
      'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { ... on MutationLoginSuccess { data { token } } ... on Error { message } } }',
      { l: name, p: password },
    );
    const token = data?.login?.data?.token as string | undefined;
    if (!token) throw new Error(`login failed for ${name}: ${JSON.stringify(data)}`);
    return token;
  }
  return { base, request, login };
}
