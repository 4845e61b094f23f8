import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { declareConflict, type OfficerRecord } from '../dataProvider/credit.ts';

/** Declares that an officer must not inspect an entity: later draws leave them out for it. */
export function DeclareConflict({ officer, onDeclared }: { officer: OfficerRecord; onDeclared: () => void }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [entityCode, setEntityCode] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    try {
      await declareConflict({ officerId: officer.id, entityCode: entityCode.trim(), reason });
      setOpen(false);
      onDeclared();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button size="small" data-action="declareConflict" onClick={() => setOpen(true)}>{translate('duban.staff.declareConflict')}</Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth>
          <DialogTitle>{translate('duban.staff.declareConflict')}：{officer.name}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField label={translate('resources.entities.fields.code')} value={entityCode} onChange={(e) => setEntityCode(e.target.value)} />
              <TextField label={translate('duban.staff.conflictReason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
              {error && <Alert severity="error" role="alert">{error}</Alert>}
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
