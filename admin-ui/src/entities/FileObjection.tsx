import { useState } from 'react';
import { Button, TextField } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { fileObjection } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** A body files an objection on the entity's behalf, to one record; the case opens with its time limits. */
export function FileObjection({ entityCode, recordId }: { entityCode: string; recordId: string }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  if (account?.role !== 'supervisor' && account?.role !== 'department') return null;
  const send = async () => {
    const { id } = await fileObjection({ entityCode, recordId, reasons });
    redirect('show', 'objections', id);
  };
  return (
    <>
      <Button size="small" data-action="fileObjection" onClick={() => setOpen(true)}>{translate('duban.credit.fileObjection')}</Button>
      {open && (
        <FormDialog title={translate('duban.credit.fileObjection')} onClose={() => setOpen(false)} onConfirm={send}>
          <TextField label={translate('resources.objections.fields.reasons')} value={reasons} onChange={(e) => setReasons(e.target.value)} multiline minRows={2} />
        </FormDialog>
      )}
    </>
  );
}
