import { useCallback, useEffect, useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { Confirm, Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { accounts, pageSize, resetPassword, setAccountActive, type AccountPassword, type AccountRow } from '../dataProvider/accounts.ts';
import { formatDay } from '../shared/dates.ts';
import { Pager } from '../shared/Pager.tsx';
import { Panel } from '../shared/Panel.tsx';
import { usePhone } from '../shared/usePhone.ts';
import { CreateAccount } from './CreateAccount.tsx';
import { OneTimePassword } from './OneTimePassword.tsx';

/** Enabled or disabled, and whether the holder still has to replace a one-time password. */
function AccountStatus({ account }: { account: AccountRow }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      <Chip size="small" color={account.active ? 'success' : 'default'} label={translate(account.active ? 'duban.accounts.active' : 'duban.accounts.disabled')} />
      {account.mustChangePassword && <Chip size="small" variant="outlined" color="warning" label={translate('duban.accounts.mustChange')} />}
    </Stack>
  );
}

/** Reset (with a confirmation) and enable/disable; the viewer's own account cannot be disabled. */
function AccountActions({ account, self, onReset, onToggle }: { account: AccountRow; self: boolean; onReset: () => void; onToggle: () => void }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
      <Button size="small" variant="outlined" onClick={onReset} data-action="resetPassword">{translate('duban.accounts.reset')}</Button>
      {!self && (
        <Button size="small" color={account.active ? 'error' : 'primary'} onClick={onToggle} data-action={account.active ? 'disable' : 'enable'}>
          {translate(account.active ? 'duban.accounts.disable' : 'duban.accounts.enable')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * Accounts: the administrator manages every account, the supervising office
 * the departments' (it creates them for bodies). Creating or resetting shows a
 * one-time password once; disabling ends the account's sessions at once.
 */
export function AccountsPage() {
  const translate = useTranslate();
  const me = useAccount();
  const phone = usePhone();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const [list, setList] = useState<{ rows: AccountRow[]; total: number }>({ rows: [], total: 0 });
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  const [issued, setIssued] = useState<AccountPassword | null>(null);
  const load = useCallback(() => accounts(search, page).then(setList, (e: Error) => setError(e.message)), [search, page]);
  useEffect(() => void load(), [load]);

  const reset = async () => {
    const account = resetting!;
    setResetting(null);
    try {
      setIssued(await resetPassword(account.id));
      setError(null);
      void load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const toggle = (account: AccountRow) =>
    setAccountActive(account.id, !account.active).then(() => (setError(null), load()), (e: Error) => setError(e.message));
  const actions = (a: AccountRow) => <AccountActions account={a} self={a.id === me?.id} onReset={() => setResetting(a)} onToggle={() => void toggle(a)} />;
  const body = (a: AccountRow) => a.body?.shortName ?? '—';
  // A department account's duty in its unit beside its role: 承办单位 · 负责人.
  const roleOf = (a: AccountRow) => [translate(`duban.accountRole.${a.role}`), ...(a.duty ? [translate(`duban.signOff.duty.${a.duty}`)] : [])].join(' · ');

  return (
    <Box sx={{ py: 2 }} data-testid="accounts-page">
      <Title title={translate('duban.accounts.title')} />
      <Panel
        title={translate(me?.role === 'admin' ? 'duban.accounts.title' : 'duban.accounts.departmentsTitle')}
        action={<Button variant="contained" size="small" onClick={() => setCreating(true)} data-action="createAccount">{translate('duban.accounts.create')}</Button>}
      >
        <Stack spacing={2}>
          <TextField size="small" label={translate('duban.accounts.search')} value={search} onChange={(e) => (setSearch(e.target.value), setPage(0))} sx={{ maxWidth: 320 }} />
          {error && <Alert severity="error" role="alert">{error}</Alert>}
          {phone ? (
            <Stack spacing={1}>
              {list.rows.map((a) => (
                <Card key={a.id} variant="outlined" data-testid="account-row" data-login={a.login}>
                  <CardContent>
                    <Typography variant="subtitle2">{a.displayName}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      <code>{a.login}</code> · {roleOf(a)} · {body(a)}
                    </Typography>
                    <Box sx={{ my: 1 }}><AccountStatus account={a} /></Box>
                    {actions(a)}
                  </CardContent>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.accounts.login')}</TableCell>
                  <TableCell>{translate('duban.accounts.displayName')}</TableCell>
                  <TableCell>{translate('duban.accounts.role')}</TableCell>
                  <TableCell>{translate('duban.accounts.body')}</TableCell>
                  <TableCell>{translate('duban.accounts.status')}</TableCell>
                  <TableCell>{translate('duban.accounts.createdAt')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {list.rows.map((a) => (
                  <TableRow key={a.id} data-testid="account-row" data-login={a.login}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{a.login}</TableCell>
                    <TableCell>{a.displayName}</TableCell>
                    <TableCell>{roleOf(a)}</TableCell>
                    <TableCell>{body(a)}</TableCell>
                    <TableCell><AccountStatus account={a} /></TableCell>
                    <TableCell>{formatDay(a.createdAt)}</TableCell>
                    <TableCell>{actions(a)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {list.rows.length === 0 && <Typography variant="body2" color="text.secondary">{translate('duban.accounts.empty')}</Typography>}
          <Pager total={list.total} page={page} size={pageSize} onPage={setPage} />
        </Stack>
      </Panel>
      {creating && (
        <CreateAccount
          anyRole={me?.role === 'admin'}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setIssued(created);
            void load();
          }}
        />
      )}
      <Confirm
        isOpen={resetting !== null}
        title="duban.accounts.resetTitle"
        content="duban.accounts.resetExplain"
        translateOptions={{ login: resetting?.login ?? '' }}
        onConfirm={reset}
        onClose={() => setResetting(null)}
      />
      {issued && <OneTimePassword issued={issued} onClose={() => setIssued(null)} />}
    </Box>
  );
}
