import { Link } from '@mui/material';
import { useNotify } from 'react-admin';
import { downloadFile } from './download.ts';

/** A stored file as a link under its name: the href is its download route (the session cookie goes with it). */
export function AttachmentLink({ file }: { file: { name: string; url: string } }) {
  const notify = useNotify();
  return (
    <Link
      href={file.url}
      download={file.name}
      data-testid="attachment-link"
      onClick={(event) => {
        event.preventDefault();
        downloadFile(file.url, file.name).catch((error: Error) => notify(error.message, { type: 'error' }));
      }}
    >
      {file.name}
    </Link>
  );
}
