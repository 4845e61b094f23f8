import { useState } from 'react';
import { Button, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { actOnObjection, type ObjectionActionType, type ObjectionRecord } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

function ActionDialog({ type, objection, onClose }: { type: ObjectionActionType; objection: ObjectionRecord; onClose: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [confirmed, setConfirmed] = useState(true);
  const send = async () => {
    await actOnObjection({
      caseId: objection.id, type, text,
      ...(type === 'providerReply' ? { confirmed } : {}),
      ...(type === 'correct' ? (amount.trim() ? { amountYuan: Number(amount) } : { annul: true }) : {}),
    });
    refresh();
    onClose();
  };
  return (
    <FormDialog title={translate(`duban.credit.action.${type}`)} onClose={onClose} onConfirm={send}>
      <TextField label={translate('duban.credit.text')} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={2} />
      {type === 'correct' && <TextField label={translate('duban.credit.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />}
      {type === 'providerReply' && (
        <FormControlLabel control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />} label={translate('duban.credit.confirmed')} />
      )}
    </FormDialog>
  );
}

/** The buttons for the steps the viewer may take now, as the API answers (availableActions): review for the supervising office, the reply for the providing body. */
export function ObjectionActions({ objection }: { objection: ObjectionRecord }) {
  const translate = useTranslate();
  const [open, setOpen] = useState<ObjectionActionType | null>(null);
  const steps = objection.availableActions;
  if (steps.length === 0) return null;
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
      {steps.map((type) => (
        <Button key={type} variant="outlined" size="small" data-action={type} onClick={() => setOpen(type)}>
          {translate(`duban.credit.action.${type}`)}
        </Button>
      ))}
      {open && <ActionDialog type={open} objection={objection} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
