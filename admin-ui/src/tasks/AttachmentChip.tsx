import { useState } from 'react';
import { Chip } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useNotify } from 'react-admin';
import { session } from '../graphql.ts';

/**
 * An attachment of a timeline event. Downloads need the bearer token, which a
 * plain link would not send: fetch the file, then hand the browser a blob.
 */
export function AttachmentChip({ file }: { file: { id: string; name: string } }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(`/attachments/${encodeURIComponent(file.id)}`, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
      if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Chip size="small" icon={<AttachFileIcon />} label={file.name} variant="outlined" onClick={download} disabled={busy} />;
}
