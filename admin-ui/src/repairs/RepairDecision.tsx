import { useState } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { decideRepair, type RepairRecord } from '../dataProvider/credit.ts';
import { repairTextRequired } from '../../../domain/repair/application.ts';

/**
 * Approve or refuse, as the API says the viewer may now (the supervising office, while under review);
 * a refusal waits for its reasons. `onDone` follows a decision (the show page refreshes its record).
 */
export function RepairDecision({ application, onDone }: { application: Pick<RepairRecord, 'id' | 'availableActions'>; onDone?: () => void }) {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const actions = application.availableActions;
  if (actions.length === 0) return null;
  const decide = async (type: 'approve' | 'refuse') => {
    try {
      await decideRepair(application.id, type === 'approve', text);
      (onDone ?? refresh)();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack spacing={1}>
      <TextField size="small" label={translate('duban.credit.text')} value={text} onChange={(e) => setText(e.target.value)} required={actions.some((t) => repairTextRequired.has(t))} />
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        {actions.map((type) => (
          <Button key={type} variant={type === 'approve' ? 'contained' : 'outlined'} size="small" data-action={type} disabled={repairTextRequired.has(type) && text.trim() === ''} onClick={() => decide(type)}>
            {translate(type === 'approve' ? 'duban.credit.approve' : 'duban.credit.action.refuse')}
          </Button>
        ))}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
