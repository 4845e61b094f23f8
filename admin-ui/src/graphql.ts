import { HttpError } from 'react-admin';

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** Field-level authorisation answers with HTTP 200 and an error ("无权访问 Not authorized…", code FORBIDDEN). */
const deniedAccess = (error: GraphQLError) =>
  error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED' || error.message.includes('Not authorized');

/**
 * The session is the HttpOnly cookie `duban_session` that `login` sets: the
 * browser sends it with every request to the API, and no script can read it.
 */
async function send<T>(body: BodyInit, headers: Record<string, string>): Promise<T> {
  const response = await fetch('/graphql', { method: 'POST', headers, body, credentials: 'same-origin' });
  const payload = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  if (payload.errors?.length) {
    const message = payload.errors.map((e) => e.message).join('; ');
    // Reported as 401, so that checkError asks whether the session itself has ended.
    throw new HttpError(message, payload.errors.some(deniedAccess) ? 401 : response.status >= 400 ? response.status : 500);
  }
  if (!payload.data) throw new HttpError(`服务器无响应 The server answered ${response.status}`, response.status);
  return payload.data;
}

/** Sends one GraphQL request to the Duban API and returns its data, or throws an HttpError with the API's words. */
export function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return send<T>(JSON.stringify({ query, variables }), { 'content-type': 'application/json' });
}

/**
 * The GraphQL multipart request (one file as `variables.file`), as graphql-yoga reads it. It is not JSON,
 * so it carries the header the API asks of such requests (no other site can make a browser send it).
 */
export function graphqlUpload<T>(query: string, variables: Record<string, unknown>, file: File): Promise<T> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  return send<T>(form, { 'x-graphql-yoga-csrf': '1' });
}

/**
 * Stores one file (uploadAttachment), reporting the share sent so far (0–1):
 * XMLHttpRequest, since fetch tells nothing of an upload's progress.
 */
export function uploadWithProgress(file: File, onProgress: (share: number) => void): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: `mutation ($file: File!) { uploadAttachment(file: $file) { ${resultFields('MutationUploadAttachmentSuccess', 'id name')} } }`, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/graphql');
    request.setRequestHeader('x-graphql-yoga-csrf', '1');
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new Error('网络错误，上传失败。 The upload failed: network error.'));
    request.onload = () => {
      try {
        const payload = JSON.parse(request.responseText) as GraphQLResponse<{ uploadAttachment: MutationResult<{ id: string; name: string }> }>;
        if (payload.errors?.length || !payload.data) throw new Error(payload.errors?.map((e) => e.message).join('; ') ?? `HTTP ${request.status}`);
        onProgress(1);
        resolve(unwrap(payload.data.uploadAttachment));
      } catch (error) {
        reject(error as Error);
      }
    };
    request.send(form);
  });
}

/** A typed error a mutation answered with (ValidationError, InvalidTransitionError…), its message "中文 English". */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly type: string,
  ) {
    super(message);
    this.name = type;
  }
}

export interface MutationResult<T> {
  __typename: string;
  data?: T;
  message?: string;
}

/** The `data` of a `…Success` answer; any other member of the union becomes a MutationError. */
export function unwrap<T>(result: MutationResult<T>): T {
  if (result.__typename.endsWith('Success') && result.data !== undefined) return result.data;
  throw new MutationError(result.message ?? result.__typename, result.__typename);
}

/** The selection a mutation's result union needs: the typed errors' messages and the success's data. */
export const resultFields = (successType: string, data: string) =>
  `__typename ... on Error { message } ... on ${successType} { data { ${data} } }`;
