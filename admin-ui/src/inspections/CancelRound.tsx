import { useState } from 'react';
import { Button, TextField } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { cancelRound, type RoundRecord } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** Cancels a round (before any result is recorded), with the reasons the workflow requires; shown as the round's availableActions allow. */
export function CancelRound({ round }: { round: RoundRecord }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  if (!round.availableActions.includes('cancel')) return null;
  const send = async () => {
    await cancelRound(round.id, reasons);
    setOpen(false);
    refresh();
  };
  return (
    <>
      <Button variant="outlined" color="error" size="small" data-action="cancelRound" onClick={() => setOpen(true)}>{translate('duban.draw.cancel')}</Button>
      {open && (
        <FormDialog title={translate('duban.draw.cancelTitle', { title: round.title })} onClose={() => setOpen(false)} onConfirm={send} ready={!!reasons.trim()}>
          <TextField size="small" required multiline minRows={2} label={translate('duban.draw.cancelReasons')} value={reasons} onChange={(e) => setReasons(e.target.value)} autoFocus />
        </FormDialog>
      )}
    </>
  );
}
