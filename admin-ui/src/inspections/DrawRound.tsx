import { useState } from 'react';
import { Button, TextField, Typography } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import type { RoundRecord } from '../dataProvider/credit.ts';
import { drawInspectionRound } from '../dataProvider/draws.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** The supervising office enters the announced beacon's value once it is published; the round is drawn at once. Shown as the round's availableActions allow. */
export function DrawRound({ round }: { round: RoundRecord }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [beacon, setBeacon] = useState('');
  if (!round.availableActions.includes('draw')) return null;
  const send = async () => {
    await drawInspectionRound(round.id, beacon);
    setOpen(false);
    refresh();
  };
  return (
    <>
      <Button variant="contained" size="small" data-action="drawRound" onClick={() => setOpen(true)}>{translate('duban.draw.enterBeacon')}</Button>
      {open && (
        <FormDialog title={translate('duban.draw.enterBeacon')} onClose={() => setOpen(false)} onConfirm={send} ready={!!beacon.trim()}>
          <Typography variant="body2">{translate('duban.draw.beaconSource')}：{round.beaconSource}</Typography>
          <TextField size="small" required label={translate('duban.draw.beaconValue')} helperText={translate('duban.draw.beaconHelp')} value={beacon} onChange={(e) => setBeacon(e.target.value)} slotProps={{ htmlInput: { 'data-field': 'beacon' } }} />
        </FormDialog>
      )}
    </>
  );
}
