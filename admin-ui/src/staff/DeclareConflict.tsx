import { useState } from 'react';
import { Button, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { declareConflict, type OfficerRecord } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** Declares that an officer must not inspect an entity: later draws leave them out for it. */
export function DeclareConflict({ officer, onDeclared }: { officer: OfficerRecord; onDeclared: () => void }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [entityCode, setEntityCode] = useState('');
  const [reason, setReason] = useState('');
  const send = async () => {
    await declareConflict({ officerId: officer.id, entityCode: entityCode.trim(), reason });
    setOpen(false);
    onDeclared();
  };
  return (
    <>
      <Button size="small" data-action="declareConflict" onClick={() => setOpen(true)}>{translate('duban.staff.declareConflict')}</Button>
      {open && (
        <FormDialog title={`${translate('duban.staff.declareConflict')}：${officer.name}`} onClose={() => setOpen(false)} onConfirm={send}>
          <TextField label={translate('resources.entities.fields.code')} value={entityCode} onChange={(e) => setEntityCode(e.target.value)} />
          <TextField label={translate('duban.staff.conflictReason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
        </FormDialog>
      )}
    </>
  );
}
