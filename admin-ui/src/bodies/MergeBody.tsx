import { useEffect, useState } from 'react';
import { Autocomplete, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { allBodies, mergeBodies } from '../dataProvider/bodies.ts';
import type { BodyRecord } from '../dataProvider/records.ts';
import { FormDialog } from '../shared/FormDialog.tsx';

/** Merges a body into the one that survives it: names become aliases, accounts and assignments move over. */
export function MergeBody({ body, onClose, onMerged }: { body: BodyRecord; onClose: () => void; onMerged: () => void }) {
  const translate = useTranslate();
  const [registry, setRegistry] = useState<BodyRecord[]>([]);
  const [survivor, setSurvivor] = useState<BodyRecord | null>(null);
  useEffect(() => void allBodies().then((all) => setRegistry(all.filter((b) => b.id !== body.id && (b.kind === 'group') === (body.kind === 'group')))), [body]);
  return (
    <FormDialog title={translate('duban.bodies.mergeTitle', { name: body.shortName })} onClose={onClose} ready={survivor !== null} onConfirm={async () => { await mergeBodies(survivor!.id, body.id); onMerged(); }}>
      <Typography variant="body2">{translate('duban.bodies.mergeHint')}</Typography>
      <Autocomplete
        options={registry}
        value={survivor}
        onChange={(_e, chosen) => setSurvivor(chosen)}
        getOptionLabel={(b) => b.shortName}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        renderInput={(params) => <TextField {...params} label={translate('duban.bodies.mergeInto')} />}
        data-testid="merge-into"
      />
    </FormDialog>
  );
}
