import { useState } from 'react';
import { Button, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { actOnObjection, type ObjectionActionType, type ObjectionRecord } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';
import { objectionTextRequired } from '../../../domain/objection/case.ts';

function ActionDialog({ type, objection, onClose, onDone }: { type: ObjectionActionType; objection: Pick<ObjectionRecord, 'id'>; onClose: () => void; onDone: () => void }) {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [confirmed, setConfirmed] = useState(true);
  const send = async () => {
    await actOnObjection({
      caseId: objection.id, type, text,
      ...(type === 'providerReply' ? { confirmed } : {}),
      ...(type === 'correct' ? (amount.trim() ? { amountYuan: Number(amount) } : { annul: true }) : {}),
    });
    onDone();
    onClose();
  };
  const required = objectionTextRequired.has(type);
  return (
    <FormDialog title={translate(`duban.credit.action.${type}`)} onClose={onClose} onConfirm={send} ready={!required || text.trim() !== ''}>
      <TextField label={translate('duban.credit.text')} value={text} onChange={(e) => setText(e.target.value)} required={required} multiline minRows={2} autoFocus />
      {type === 'correct' && <TextField label={translate('duban.credit.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />}
      {type === 'providerReply' && (
        <FormControlLabel control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />} label={translate('duban.credit.confirmed')} />
      )}
    </FormDialog>
  );
}

/**
 * The buttons for the steps the viewer may take now, as the API answers (availableActions): review for the supervising office,
 * the reply for the providing body. `onDone` follows a step (the show page refreshes its record).
 */
export function ObjectionActions({ objection, onDone }: { objection: Pick<ObjectionRecord, 'id' | 'availableActions'>; onDone?: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
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
      {open && <ActionDialog type={open} objection={objection} onClose={() => setOpen(null)} onDone={onDone ?? refresh} />}
    </Stack>
  );
}
