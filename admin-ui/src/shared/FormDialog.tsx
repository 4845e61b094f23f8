import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type DialogProps } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A dialog that asks for a few fields and sends them: cancel and confirm, and
 * the API's refusal shown in its own words. `onConfirm` closes or moves on when
 * it succeeds; when it throws, the dialog stays open with the message.
 */
export function FormDialog({ title, onClose, onConfirm, ready = true, maxWidth = 'sm', children }: {
  title: ReactNode;
  onClose: () => void;
  onConfirm: () => Promise<void>;
  ready?: boolean;
  maxWidth?: DialogProps['maxWidth'];
  children: ReactNode;
}) {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
          {error && <Alert severity="error" role="alert">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('duban.credit.cancel')}</Button>
        <Button variant="contained" onClick={confirm} disabled={!ready || busy} data-testid="confirm-action">{translate('duban.credit.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
