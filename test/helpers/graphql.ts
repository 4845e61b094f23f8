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

/** Stores a text file through `uploadAttachment` (the multipart request the console sends) and answers its id. */
export async function uploadText(base: string, token: string, name: string, content: string): Promise<string> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadAttachment(file: $f) { __typename ... on MutationUploadAttachmentSuccess { data { id } } } }', variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([content], { type: 'text/plain' }), name);
  const response = await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' } });
  return ((await response.json()) as { data: { uploadAttachment: { data: { id: string } } } }).data.uploadAttachment.data.id;
}
