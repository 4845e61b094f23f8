import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useCheckAuth, useLogin, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** The demo accounts `npm start` creates, one per workspace. */
const demoAccounts = [
  { login: 'supervisor', role: 'supervisor' },
  { login: 'coordinator', role: 'supervisor' },
  { login: 'market', role: 'department' },
  { login: 'legal', role: 'department' },
  { login: 'heping', role: 'department' },
  { login: 'performance', role: 'performance' },
  { login: 'admin', role: 'admin' },
];
const demoPassword = 'duban2026';

/** Sign-in, with the demo accounts one click away. */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username, password });
    } catch (e) {
      setError(translate((e as Error).message, { _: (e as Error).message }));
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: '#263238', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 440 }}>
        <CardContent component="form" onSubmit={submit}>
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {translate('duban.app.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('duban.app.tagline')}
              </Typography>
            </Box>
            <LocalesMenuButton />
          </Box>
          <Stack spacing={2}>
            <TextField
              label={translate('duban.login.login')}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoComplete="username"
              name="username"
              required
              autoFocus
            />
            <TextField
              label={translate('duban.login.password')}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              name="password"
              required
            />
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              {translate('duban.login.submit')}
            </Button>
          </Stack>
          <Box sx={{ mt: 3, p: 1.5, bgcolor: 'grey.100', borderRadius: 1 }}>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
              {translate('duban.login.demo', { password: demoPassword })}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }}>
              {demoAccounts.map((account) => (
                <Chip
                  key={account.login}
                  size="small"
                  variant={username === account.login ? 'filled' : 'outlined'}
                  label={`${account.login} · ${translate(`duban.accountRole.${account.role}`)}`}
                  onClick={() => {
                    setUsername(account.login);
                    setPassword(demoPassword);
                  }}
                />
              ))}
            </Stack>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
