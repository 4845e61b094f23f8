import { useEffect, useState } from 'react';
import { Box, Button, IconButton, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';
import { uploadWithProgress } from '../graphql.ts';
import { AttachmentChip } from '../tasks/AttachmentChip.tsx';

export interface Uploaded {
  id: string;
  name: string;
}

interface Upload {
  key: number;
  name: string;
  share: number;
  stored?: Uploaded;
  error?: string;
}

let uploads = 0;

/**
 * Files sent with what a person submits: each is stored as soon as it is
 * chosen (uploadAttachment), with its progress; the list keeps the name the
 * uploader gave, and each stored file can be opened or taken off again.
 * `onChange` hears the stored files; `onBusy` whether an upload is still running.
 */
export function AttachmentsInput({ onChange, onBusy }: { onChange: (files: Uploaded[]) => void; onBusy?: (busy: boolean) => void }) {
  const translate = useTranslate();
  const [list, setList] = useState<Upload[]>([]);

  useEffect(() => {
    onChange(list.flatMap((u) => (u.stored ? [u.stored] : [])));
    onBusy?.(list.some((u) => !u.stored && !u.error));
    // The parent hears each change of the list (its callbacks may be new on each render).
  }, [list]);
  const change = (key: number, patch: Partial<Upload>) => setList((now) => now.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const choose = (files: FileList | null) => {
    const added = [...(files ?? [])].map((file) => ({ file, upload: { key: (uploads += 1), name: file.name, share: 0 } }));
    setList((now) => [...now, ...added.map((a) => a.upload)]);
    for (const { file, upload } of added) {
      uploadWithProgress(file, (share) => change(upload.key, { share }))
        .then((stored) => change(upload.key, { stored, share: 1 }))
        .catch((error: Error) => change(upload.key, { error: error.message }));
    }
  };

  return (
    <Box>
      <Button component="label" variant="outlined" size="small" startIcon={<AttachFileIcon />}>
        {translate('duban.attachments.add')}
        <input hidden type="file" multiple data-testid="attachments-input" onChange={(e) => { choose(e.target.files); e.target.value = ''; }} />
      </Button>
      {list.length > 0 && (
        <List dense data-testid="attachments-list">
          {list.map((u) => (
            <ListItem
              key={u.key}
              disableGutters
              secondaryAction={
                <IconButton edge="end" size="small" aria-label={translate('duban.attachments.remove')} onClick={() => setList((now) => now.filter((x) => x.key !== u.key))}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              }
            >
              <ListItemText
                primary={u.stored ? <AttachmentChip file={u.stored} /> : u.name}
                secondary={
                  u.error ? (
                    <Typography component="span" variant="caption" color="error">{u.error}</Typography>
                  ) : u.stored ? (
                    translate('duban.attachments.uploaded')
                  ) : (
                    <LinearProgress variant="determinate" value={Math.round(u.share * 100)} aria-label={translate('duban.attachments.uploading', { name: u.name })} />
                  )
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
