import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The content types a cross-site HTML form or a "simple" fetch can send without a CORS preflight. */
const simpleTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
export const csrfHeader = 'x-graphql-yoga-csrf';

/**
 * Cross-site request forgery: a browser attaches the session cookie to any
 * request, even one another site makes it send. A request that is not
 * `application/json` (a file upload, a GET) must carry the header
 * `x-graphql-yoga-csrf`, which no other site can set without a preflight the
 * API never grants. (graphql-yoga's CSRF prevention, with a bearer-token
 * request exempt: a browser never adds that header by itself.)
 */
export const csrfPrevention: Plugin = {
  onRequestParse({ request }) {
    if (/^Bearer\s/i.test(request.headers.get('authorization') ?? '')) return;
    const type = request.headers.get('content-type')?.toLowerCase();
    if (type && !simpleTypes.some((simple) => type.startsWith(simple))) return;
    if (request.headers.has(csrfHeader)) return;
    throw createGraphQLError(`缺少请求头 ${csrfHeader}，请求被拒绝。 Refused: a request that is not JSON must carry the header ${csrfHeader}.`, {
      extensions: { http: { status: 403 }, code: 'CSRF' },
    });
  },
};
