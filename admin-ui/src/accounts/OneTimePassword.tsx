import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AccountPassword } from '../dataProvider/accounts.ts';

/** The one-time password of a new or reset account: shown this once, to hand to its holder, who must change it at the first sign-in. */
export function OneTimePassword({ issued, onClose }: { issued: AccountPassword; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard?.writeText(issued.oneTimePassword).then(() => setCopied(true), () => setCopied(false));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" data-testid="one-time-password">
      <DialogTitle>{translate('duban.accounts.oneTimeTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">
            {translate('duban.accounts.oneTimeFor', { login: issued.account.login, name: issued.account.displayName })}
          </Typography>
          <Box sx={{ p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontFamily: 'monospace', fontSize: '1.25rem', textAlign: 'center', letterSpacing: '0.08em', wordBreak: 'break-all' }} data-testid="one-time-password-value">
            {issued.oneTimePassword}
          </Box>
          <Alert severity="warning">{translate('duban.accounts.oneTimeOnce')}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={copy}>{translate(copied ? 'duban.accounts.copied' : 'duban.accounts.copy')}</Button>
        <Button variant="contained" onClick={onClose} data-testid="one-time-password-done">{translate('duban.accounts.done')}</Button>
      </DialogActions>
    </Dialog>
  );
}
