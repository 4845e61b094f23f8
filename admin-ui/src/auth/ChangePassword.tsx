import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { LocalesMenuButton, Title, useLogout, useNotify, useTranslate } from 'react-admin';
import { changePassword } from '../dataProvider/accounts.ts';
import { fetchAccount, useAccount } from './account.ts';

/** The password form: the current one, the new one twice; the API's policy speaks for itself when it refuses. */
function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const translate = useTranslate();
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = form.again !== '' && form.next !== form.again;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(form.current, form.next);
      setForm({ current: '', next: '', again: '' });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof form, label: string, autoComplete: string) => (
    <TextField
      type="password"
      label={translate(label)}
      name={name}
      value={form[name]}
      onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      autoComplete={autoComplete}
      required
      fullWidth
    />
  );
  return (
    <Stack component="form" spacing={2} onSubmit={submit} data-testid="change-password-form">
      {field('current', 'duban.password.current', 'current-password')}
      {field('next', 'duban.password.new', 'new-password')}
      <TextField
        type="password"
        label={translate('duban.password.again')}
        name="again"
        value={form.again}
        onChange={(e) => setForm({ ...form, again: e.target.value })}
        autoComplete="new-password"
        required
        fullWidth
        error={mismatch}
        helperText={mismatch ? translate('duban.password.mismatch') : translate('duban.password.policy')}
      />
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy || mismatch} data-testid="change-password">
        {translate('duban.password.submit')}
      </Button>
    </Stack>
  );
}

/** After a change: who the session is, asked again, so the console drops the must-change screen. */
function useAccountRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await fetchAccount();
    await queryClient.invalidateQueries({ queryKey: ['auth'] });
  };
}

/** Anyone's own password, from the user menu; every other session of the account ends. */
export function ChangePasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useAccountRefresh();
  return (
    <Box sx={{ py: 2, maxWidth: 480 }}>
      <Title title={translate('duban.password.title')} />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('duban.password.explain')}</Typography>
          <PasswordForm onChanged={() => void refresh().then(() => notify('duban.password.changed', { type: 'success' }))} />
        </CardContent>
      </Card>
    </Box>
  );
}

/**
 * A new account, a reset password or the first administrator: nothing else
 * opens until the one-time password is replaced (the API refuses the rest).
 */
export function ForcedPasswordChange() {
  const translate = useTranslate();
  const account = useAccount();
  const logout = useLogout();
  const refresh = useAccountRefresh();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: '#263238', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 440 }} data-testid="forced-password-change">
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h1" sx={{ flex: 1, fontWeight: 700 }}>{translate('duban.password.forcedTitle')}</Typography>
            <LocalesMenuButton />
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('duban.password.forced', { login: account?.login ?? '' })}
          </Typography>
          <PasswordForm onChanged={() => void refresh()} />
          <Button sx={{ mt: 1 }} onClick={() => logout()} fullWidth>{translate('ra.auth.logout')}</Button>
        </CardContent>
      </Card>
    </Box>
  );
}
