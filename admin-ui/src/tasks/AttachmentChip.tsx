import { useState } from 'react';
import { Chip } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useNotify } from 'react-admin';
import { downloadFile } from '../shared/download.ts';

/** An attachment of a timeline event, downloaded on a click. */
export function AttachmentChip({ file }: { file: { id: string; name: string } }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(`/attachments/${encodeURIComponent(file.id)}`, file.name);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Chip size="small" icon={<AttachFileIcon />} label={file.name} variant="outlined" onClick={download} disabled={busy} />;
}
