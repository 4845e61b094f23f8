import { useEffect, useState } from 'react';
import {
  Alert, Box, Card, CardContent, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { auditEntries, deniedAttempts, pageSize, type AuditRow, type DeniedRow } from '../dataProvider/accounts.ts';
import { formatMinute } from '../shared/dates.ts';
import { Pager } from '../shared/Pager.tsx';
import { Panel } from '../shared/Panel.tsx';
import { usePhone } from '../shared/usePhone.ts';

type View = 'signIns' | 'accounts' | 'denied';
type Row = { id: string; cells: string[] };

const detailOf = (entry: AuditRow) => {
  try {
    return JSON.parse(entry.detail) as { login?: string; address?: string; role?: string };
  } catch {
    return {};
  }
};

/** The rows of a view, as the cells the table shows (the same cells stack on a phone). */
function useRows(view: View, page: number) {
  const translate = useTranslate();
  const [rows, setRows] = useState<{ rows: Row[]; total: number }>({ rows: [], total: 0 });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const entries = (list: { rows: AuditRow[]; total: number }) => ({
      total: list.total,
      rows: list.rows.map((e) => {
        const detail = detailOf(e);
        const target = detail.login ?? e.target.replace(/^account-/, '');
        return { id: e.id, cells: [formatMinute(e.at), e.onBehalfOfName ? translate('duban.signOff.actingFor', { actor: e.actorName, principal: e.onBehalfOfName }) : e.actorName, translate(`duban.audit.action.${e.action}`, { _: e.action }), target, detail.address ?? ''] };
      }),
    });
    const denied = (list: { rows: DeniedRow[]; total: number }) => ({
      total: list.total,
      rows: list.rows.map((d) => ({ id: d.id, cells: [formatMinute(d.at), d.accountId?.replace(/^account-/, '') ?? translate('duban.audit.anonymous'), d.operation, d.reason, String(d.count)] })),
    });
    const load = view === 'denied' ? deniedAttempts(page).then(denied) : auditEntries(view, page).then(entries);
    load.then((r) => (setRows(r), setError(null)), (e: Error) => setError(e.message));
  }, [view, page, translate]);
  return { ...rows, error };
}

/**
 * The administrator's audit log: sign-ins and sign-outs, account changes
 * (created, reset, enabled, disabled, password changed) and refused attempts
 * (one row per who, what and minute, with how many times), newest first.
 */
export function AuditLogPage() {
  const translate = useTranslate();
  const phone = usePhone();
  const [view, setView] = useState<View>('signIns');
  const [page, setPage] = useState(0);
  const { rows, total, error } = useRows(view, page);
  const headers = view === 'denied'
    ? ['at', 'who', 'operation', 'reason', 'count']
    : ['at', 'actor', 'action', 'target', 'address'];
  return (
    <Box sx={{ py: 2 }} data-testid="audit-page">
      <Title title={translate('duban.audit.title')} />
      <Panel title={translate('duban.audit.title')}>
        <Tabs value={view} onChange={(_e, next: View) => (setView(next), setPage(0))} variant={phone ? 'fullWidth' : 'standard'} sx={{ mb: 1 }}>
          {(['signIns', 'accounts', 'denied'] as View[]).map((v) => <Tab key={v} value={v} label={translate(`duban.audit.view.${v}`)} data-testid={`audit-tab-${v}`} />)}
        </Tabs>
        {error && <Alert severity="error" role="alert">{error}</Alert>}
        {phone ? (
          <Stack spacing={1}>
            {rows.map((row) => (
              <Card key={row.id} variant="outlined" data-testid="audit-row">
                <CardContent>
                  {row.cells.map((cell, i) => cell && (
                    <Typography key={headers[i]} variant="body2" sx={{ wordBreak: 'break-word' }}>
                      <Box component="span" sx={{ color: 'text.secondary' }}>{translate(`duban.audit.column.${headers[i]}`)}：</Box>{cell}
                    </Typography>
                  ))}
                </CardContent>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>{headers.map((h) => <TableCell key={h}>{translate(`duban.audit.column.${h}`)}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid="audit-row">
                  {row.cells.map((cell, i) => <TableCell key={headers[i]} sx={{ wordBreak: 'break-word' }}>{cell}</TableCell>)}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {rows.length === 0 && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{translate('duban.audit.empty')}</Typography>}
        <Pager total={total} page={page} size={pageSize} onPage={setPage} />
      </Panel>
    </Box>
  );
}
