import { useState } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useRedirect, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { applyForRepair, uploadAttachment } from '../dataProvider/credit.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** A file input with its label and the names chosen, like the task dialogs' attachments. */
function FilesInput({ label, multiple, files, onChange, testId }: { label: string; multiple?: boolean; files: File[]; onChange: (files: File[]) => void; testId: string }) {
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2">{label}</Typography>
      <input type="file" multiple={multiple} data-testid={testId} aria-label={label} onChange={(e) => onChange([...(e.target.files ?? [])])} />
      {files.length > 0 && <Typography variant="caption" color="text.secondary">{files.map((f) => f.name).join('、')}</Typography>}
    </Stack>
  );
}

/**
 * An entity (through a body) applies to repair one record: how the conduct was
 * corrected, the evidence and the signed commitment. The files are stored first
 * (uploadAttachment), then the application names them. The rule's verdict
 * (eligible, or refused with reasons) shows on the application's page.
 */
export function ApplyForRepair({ recordId }: { recordId: string }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const account = useAccount();
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState<File[]>([]);
  const [commitment, setCommitment] = useState<File[]>([]);
  if (account?.role !== 'supervisor' && account?.role !== 'department') return null;
  // The rule refuses an application without evidence or commitment (as a filed, refused case): ask for both first.
  const ready = statement.trim() !== '' && evidence.length > 0 && commitment.length > 0;
  const send = async () => {
    const evidenceIds = await Promise.all(evidence.map(uploadAttachment));
    const commitmentId = commitment[0] ? await uploadAttachment(commitment[0]) : null;
    const { id } = await applyForRepair({ recordId, statement, evidence: evidenceIds, commitment: commitmentId });
    redirect('show', 'repairs', id);
  };
  return (
    <>
      <Button size="small" data-action="applyForRepair" onClick={() => setOpen(true)}>{translate('duban.credit.applyForRepair')}</Button>
      {open && (
        <FormDialog title={translate('duban.credit.applyForRepair')} onClose={() => setOpen(false)} onConfirm={send} ready={ready}>
          <TextField label={translate('duban.credit.repairStatement')} value={statement} onChange={(e) => setStatement(e.target.value)} multiline minRows={2} />
          <FilesInput label={translate('duban.credit.evidence')} multiple files={evidence} onChange={setEvidence} testId="repair-evidence" />
          <FilesInput label={translate('duban.credit.commitment')} files={commitment} onChange={setCommitment} testId="repair-commitment" />
        </FormDialog>
      )}
    </>
  );
}
