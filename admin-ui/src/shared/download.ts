import { session } from '../graphql.ts';

/**
 * Downloads a stored file under its name. The route needs the bearer token,
 * which a plain link would not send: fetch the file, then hand the browser a blob.
 */
export async function downloadAttachment(url: string, name: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: blobUrl, download: name });
  link.click();
  URL.revokeObjectURL(blobUrl);
}
