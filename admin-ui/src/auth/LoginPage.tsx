import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useCheckAuth, useLogin, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { graphql, request, type ResultOf } from '../graphql.ts';

const DemoLoginsQuery = graphql(`query DemoLogins { demoLogins { password accounts { login role duty } } }`);
type DemoLogins = NonNullable<ResultOf<typeof DemoLoginsQuery>['demoLogins']>;

/** The demo accounts and their real password, as the API tells them in demo mode; null in production. */
function useDemoLogins(): DemoLogins | null {
  const [demo, setDemo] = useState<DemoLogins | null>(null);
  useEffect(() => {
    // Asked before anyone signs in: straight to the API, not through the data provider (whose errors ask the auth provider to sign out).
    request(DemoLoginsQuery).then(({ demoLogins }) => setDemo(demoLogins), () => setDemo(null));
  }, []);
  return demo;
}

/** Sign-in; in demo mode, with the demo accounts one click away. */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const demo = useDemoLogins();

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
          {demo && demo.accounts.length > 0 && (
            <Box sx={{ mt: 3, p: 1.5, bgcolor: 'grey.100', borderRadius: 1 }} data-testid="demo-logins">
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                {translate('duban.login.demo', { password: demo.password })}
              </Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }}>
                {demo.accounts.map((account) => (
                  <Chip
                    key={account.login}
                    size="small"
                    variant={username === account.login ? 'filled' : 'outlined'}
                    label={`${account.login} · ${translate(`duban.accountRole.${account.role}`)}${account.duty ? ` · ${translate(`duban.signOff.duty.${account.duty}`)}` : ''}`}
                    onClick={() => {
                      setUsername(account.login);
                      setPassword(demo.password);
                    }}
                  />
                ))}
              </Stack>
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
