import { useState } from 'react';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { setOfficerActive, type OfficerRecord } from '../dataProvider/credit.ts';

/** Deactivates an officer (never drawn for a new round; drawn rounds keep them) or reactivates one. */
export function OfficerActivation({ officer, onChanged, onError }: { officer: OfficerRecord; onChanged: () => void; onError: (message: string | null) => void }) {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await setOfficerActive(officer.id, !officer.active);
      onError(null);
      onChanged();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" color={officer.active ? 'warning' : 'primary'} disabled={busy} data-action={officer.active ? 'deactivateOfficer' : 'reactivateOfficer'} onClick={toggle}>
      {translate(officer.active ? 'duban.staff.deactivate' : 'duban.staff.reactivate')}
    </Button>
  );
}
