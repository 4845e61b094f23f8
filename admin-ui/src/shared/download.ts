/** The file name a response's Content-Disposition gives (RFC 6266 `filename*` first), if any. */
function dispositionName(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/**
 * Downloads a file the API serves (an attachment, an export), under the given
 * name or else the name the server gives it. The session cookie goes with the
 * request as with any other; fetching first lets a refusal show in words
 * instead of saving an error page as the file.
 */
export async function downloadFile(url: string, name?: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: blobUrl, download: name ?? dispositionName(response) ?? url.split('/').pop()!.split('?')[0]! });
  link.click();
  URL.revokeObjectURL(blobUrl);
}
