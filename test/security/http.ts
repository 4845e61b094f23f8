/** Raw requests for the security tests: chosen headers (an address behind the proxy, a cookie), the whole response kept. */
export async function post(base: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let json: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the caller looks at the text.
  }
  return { status: response.status, headers: response.headers, text, ...json };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

export const loginMutation = `mutation ($l: String!, $p: String!) {
  login(login: $l, password: $p) { __typename ... on MutationLoginSuccess { data { token } } ... on Error { message } }
}`;
