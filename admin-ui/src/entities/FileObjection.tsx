import { useState } from 'react';
import { Button, TextField } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { fileObjection } from '../dataProvider/credit.ts';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';
import { FormDialog } from '../shared/FormDialog.tsx';

/** A body files an objection on the entity's behalf, to one record; the case opens with its time limits. */
export function FileObjection({ entityCode, recordId }: { entityCode: string; recordId: string }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  const [evidence, setEvidence] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  if (account?.role !== 'supervisor' && account?.role !== 'department') return null;
  const send = async () => {
    const { id } = await fileObjection({ entityCode, recordId, reasons, evidence: evidence.map((f) => f.id) });
    redirect('show', 'objections', id);
  };
  return (
    <>
      <Button size="small" data-action="fileObjection" onClick={() => setOpen(true)}>{translate('duban.credit.fileObjection')}</Button>
      {open && (
        <FormDialog title={translate('duban.credit.fileObjection')} onClose={() => setOpen(false)} onConfirm={send} ready={!uploading}>
          <TextField label={translate('resources.objections.fields.reasons')} value={reasons} onChange={(e) => setReasons(e.target.value)} multiline minRows={2} />
          <AttachmentsInput onChange={setEvidence} onBusy={setUploading} />
        </FormDialog>
      )}
    </>
  );
}
