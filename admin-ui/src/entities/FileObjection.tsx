import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { fileObjection } from '../dataProvider/credit.ts';

/** A body files an objection on the entity's behalf, to one record; the case opens with its time limits. */
export function FileObjection({ entityCode, recordId }: { entityCode: string; recordId: string }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (account?.role !== 'supervisor' && account?.role !== 'department') return null;
  const send = async () => {
    try {
      const { id } = await fileObjection({ entityCode, recordId, reasons });
      redirect('show', 'objections', id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" data-action="fileObjection" onClick={() => setOpen(true)}>{translate('duban.credit.fileObjection')}</Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth>
          <DialogTitle>{translate('duban.credit.fileObjection')}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField label={translate('resources.objections.fields.reasons')} value={reasons} onChange={(e) => setReasons(e.target.value)} multiline minRows={2} />
              {error && <Alert severity="error">{error}</Alert>}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('duban.credit.cancel')}</Button>
            <Button variant="contained" onClick={send} data-testid="confirm-action">{translate('duban.credit.confirm')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
