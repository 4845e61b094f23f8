/**
 * Downloads a file the API serves (an attachment, an export) under a name.
 * The session cookie goes with the request as with any other; fetching first
 * lets a refusal show in words instead of saving an error page as the file.
 */
export async function downloadFile(url: string, name: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: blobUrl, download: name });
  link.click();
  URL.revokeObjectURL(blobUrl);
}
