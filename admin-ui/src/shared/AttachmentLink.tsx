import { Link } from '@mui/material';
import { useNotify } from 'react-admin';
import { downloadAttachment } from './download.ts';

/** A stored file as a link under its name: the href is its download route, a click sends the sign-in token with it. */
export function AttachmentLink({ file }: { file: { name: string; url: string } }) {
  const notify = useNotify();
  return (
    <Link
      href={file.url}
      download={file.name}
      data-testid="attachment-link"
      onClick={(event) => {
        event.preventDefault();
        downloadAttachment(file.url, file.name).catch((error: Error) => notify(error.message, { type: 'error' }));
      }}
    >
      {file.name}
    </Link>
  );
}
