import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { addEnforcementOfficer, bodyRegistryId, enforcementOfficers, type OfficerRecord } from '../dataProvider/credit.ts';
import { concreteBodies } from '../dataProvider/bodies.ts';
import type { BodyRecord } from '../dataProvider/records.ts';
import { formatDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { DeclareConflict } from './DeclareConflict.tsx';
import { OfficerActivation } from './OfficerActivation.tsx';
import { ScrollX } from '../shared/ScrollX.tsx';

/** The bodies a user may pick: every body for the supervising office, its own for a department. */
function useBodies(): Array<{ id: string; name: string }> {
  const account = useAccount();
  const [all, setAll] = useState<BodyRecord[]>([]);
  const everyBody = account?.role === 'supervisor';
  useEffect(() => {
    if (everyBody) void concreteBodies().then(setAll);
  }, [everyBody]);
  if (!everyBody) return account?.body ? [{ id: bodyRegistryId(account.body.id), name: account.body.shortName }] : [];
  return all.map((b) => ({ id: bodyRegistryId(b.id), name: b.shortName }));
}

function AddOfficer({ bodies, onAdded }: { bodies: Array<{ id: string; name: string }>; onAdded: () => void }) {
  const translate = useTranslate();
  const [form, setForm] = useState({ id: '', name: '', bodyId: '' });
  const [error, setError] = useState<string | null>(null);
  const bodyId = form.bodyId || bodies[0]?.id || '';
  const send = async () => {
    try {
      await addEnforcementOfficer({ ...form, bodyId });
      setForm({ id: '', name: '', bodyId });
      setError(null);
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" label={translate('duban.staff.officerId')} value={form.id} onChange={(e) => setForm({ ...form, id: e.target.value })} />
        <TextField size="small" label={translate('duban.staff.officerName')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField select size="small" label={translate('duban.staff.body')} value={bodyId} onChange={(e) => setForm({ ...form, bodyId: e.target.value })} sx={{ minWidth: 200 }}>
          {bodies.map((b) => <MenuItem key={b.id} value={b.id}>{b.name}</MenuItem>)}
        </TextField>
        <Button variant="contained" size="small" data-action="addOfficer" onClick={send}>{translate('duban.staff.add')}</Button>
      </Stack>
      {error && <Alert severity="error" role="alert">{error}</Alert>}
    </Stack>
  );
}

/**
 * The enforcement staff pool the inspection draw picks from, by body: add
 * officers, declare their conflicts with entities (recusal), and (the
 * supervising office) take an officer out of the draw or back in.
 */
export function StaffPoolPage() {
  const translate = useTranslate();
  const account = useAccount();
  const bodies = useBodies();
  const [filter, setFilter] = useState('');
  const [officers, setOfficers] = useState<OfficerRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => enforcementOfficers(filter || null).then(setOfficers, (e: Error) => setError(e.message)), [filter]);
  useEffect(() => void load(), [load]);
  const names = new Map(bodies.map((b) => [b.id, b.name]));
  return (
    <Box sx={{ py: 2 }}>
      <Title title={translate('duban.staff.title')} />
      <Stack spacing={2}>
        <Panel title={translate('duban.staff.addTitle')}>
          <AddOfficer bodies={bodies} onAdded={load} />
        </Panel>
        <Panel title={translate('duban.staff.title')} action={
          <TextField select size="small" label={translate('duban.staff.byBody')} value={filter} onChange={(e) => setFilter(e.target.value)} sx={{ minWidth: 200 }}>
            <MenuItem value="">{translate('duban.staff.allBodies')}</MenuItem>
            {bodies.map((b) => <MenuItem key={b.id} value={b.id}>{b.name}</MenuItem>)}
          </TextField>
        }>
          {error && <Alert severity="error" role="alert" data-testid="staff-error">{error}</Alert>}
          <ScrollX>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.staff.officerId')}</TableCell>
                  <TableCell>{translate('duban.staff.officerName')}</TableCell>
                  <TableCell>{translate('duban.staff.body')}</TableCell>
                  <TableCell>{translate('duban.staff.conflicts')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {officers.map((o) => (
                  <TableRow key={o.id} data-testid="officer-row" data-officer={o.id} data-active={o.active}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{o.id}</TableCell>
                    <TableCell>{o.name}{!o.active && <Chip size="small" label={translate('duban.staff.inactive')} sx={{ ml: 1 }} />}</TableCell>
                    <TableCell>{names.get(o.bodyId) ?? o.bodyId}</TableCell>
                    <TableCell data-testid="officer-conflicts">
                      {o.conflicts.length === 0 ? '—' : o.conflicts.map((c) => (
                        <Typography key={c.entityCode} variant="body2"><code>{c.entityCode}</code> · {c.reason} · {formatDay(c.declaredAt)}</Typography>
                      ))}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <DeclareConflict officer={o} onDeclared={load} />
                        {account?.role === 'supervisor' && <OfficerActivation officer={o} onChanged={load} onError={setError} />}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
          {officers.length === 0 && <Typography variant="body2" color="text.secondary">{translate('duban.staff.empty')}</Typography>}
        </Panel>
      </Stack>
    </Box>
  );
}
