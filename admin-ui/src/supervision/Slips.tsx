import { Alert, Box, Button, Chip, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useAccount } from '../auth/account.ts';
import { readFragment } from 'gql.tada';
import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { formatDay } from '../shared/dates.ts';
import { downloadFile } from '../shared/download.ts';
import { useDubanPaths } from '../shared/links.ts';
import { Panel } from '../shared/Panel.tsx';
import { ScrollX } from '../shared/ScrollX.tsx';

const SlipFields = graphql(`
  fragment SlipFields on SupervisionSlip { id number level bodyName issuedAt respondBy acknowledgedAt url fileName availableActions task { id } }
`);
const TaskSlipsQuery = graphql(`query TaskSlips($id: ID!) { node(id: $id) { ... on Task { id supervisionSlips { ...SlipFields } } } }`, [SlipFields]);
const PendingSlipsQuery = graphql(`query PendingSlips { supervisionSlips(unacknowledgedOnly: true, first: 50) { edges { node { ...SlipFields } } } }`, [SlipFields]);
const AcknowledgeSlip = graphql(`
  mutation AcknowledgeSlip($input: TaskActionInput!) { act(input: $input) { __typename ... on Error { message } ... on MutationActSuccess { data { seq } } } }
`);
type Slip = ResultOf<typeof SlipFields>;

/** The slips as a list: number, unit, level in words, issued, acknowledged; download, and 签收 for the addressed unit. */
function SlipRows({ slips, links }: { slips: readonly Slip[]; links?: boolean }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const acknowledge = useApiMutation(AcknowledgeSlip);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ack = (s: Slip) => {
    setBusy(s.id);
    acknowledge.mutateAsync({ input: { type: 'acknowledgeSlip', taskId: s.task.id, bodyName: s.bodyName, slipId: s.id } })
      .then(() => setFailure(null), (e: Error) => setFailure(e.message))
      .finally(() => setBusy(null));
  };
  const download = (s: Slip) => downloadFile(s.url, s.fileName).then(() => setFailure(null), (e: Error) => setFailure(e.message));
  return (
    <Stack spacing={1}>
      {failure && <Alert severity="error" role="alert">{failure}</Alert>}
      {slips.map((s) => (
        <Box key={s.id} data-testid="slip" data-number={s.number} sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}>
          <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography sx={{ fontWeight: 600 }}>{links ? <RouterLink to={paths.task(s.task.id)}>{s.number}</RouterLink> : s.number}</Typography>
            <Chip size="small" color={s.level === 'red' ? 'error' : 'warning'} label={translate(`duban.slips.level.${s.level === 'red' ? 'red' : 'yellow'}`)} />
            <Typography variant="body2">{s.bodyName}</Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('duban.slips.issued', { day: formatDay(s.issuedAt) })} · {translate('duban.slips.respondBy', { day: formatDay(s.respondBy) })} ·{' '}
            <span data-testid="slip-state">{s.acknowledgedAt ? translate('duban.slips.acknowledged', { day: formatDay(s.acknowledgedAt) }) : translate('duban.slips.unacknowledged')}</span>
          </Typography>
          <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 0.5 }}>
            <Button size="small" data-action="download-slip" onClick={() => void download(s)}>{translate('duban.slips.download')}</Button>
            {s.availableActions.includes('acknowledgeSlip') && (
              <Button size="small" variant="contained" data-action="acknowledge-slip" disabled={busy === s.id} onClick={() => ack(s)}>{translate('duban.slips.acknowledge')}</Button>
            )}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

/** The task page's 督办单 panel: hidden while the task has none. */
export function TaskSlips({ taskId }: { taskId: string }) {
  const translate = useTranslate();
  const { data, error } = useApiQuery(TaskSlipsQuery, { variables: { id: taskId } });
  const node = data?.node;
  const slips = node && 'supervisionSlips' in node ? readFragment(SlipFields, node.supervisionSlips) : [];
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (slips.length === 0) return null;
  return <Panel title={translate('duban.slips.title')} testId="task-slips"><SlipRows slips={slips} /></Panel>;
}

/** A department's slips awaiting its 签收 (on its inbox and my-assignments pages). */
export function PendingSlips() {
  const translate = useTranslate();
  const department = useAccount()?.role === 'department';
  const { data } = useApiQuery(PendingSlipsQuery, { enabled: department });
  const slips = readFragment(SlipFields, data?.supervisionSlips.edges.map((e) => e.node) ?? []);
  if (!department || slips.length === 0) return null;
  return <Box sx={{ mb: 2 }}><Panel title={translate('duban.slips.pending')} testId="pending-slips"><SlipRows slips={slips} links /></Panel></Box>;
}

const LadderQuery = graphql(`query EscalationLadder($id: ID!) { node(id: $id) { ... on Plan { id escalationLadder { id triggerKind triggerCount action points } } } }`);
const SetLadder = graphql(`
  mutation SetEscalationLadder($p: ID!, $rungs: [EscalationRungInput!]!) {
    setEscalationLadder(planId: $p, rungs: $rungs) { __typename ... on Error { message } ... on MutationSetEscalationLadderSuccess { data { id } } }
  }
`);
type Rung = ResultOf<typeof LadderQuery>['node'] extends infer N ? N extends { escalationLadder: readonly (infer R)[] } ? R : never : never;
type Draft = { id: string | null; triggerKind: Rung['triggerKind']; triggerCount: number; action: Rung['action']; points: number };
const kinds = ['workingDaysOverdue', 'urgesWithoutResponse'] as const;
const actions = ['urge', 'yellowSlip', 'redSlip', 'interview'] as const;

/** The plan page's ladder editor (office only): each rung's trigger, action and points; 保存 sets the whole ladder. */
export function LadderEditor({ planId }: { planId: string }) {
  const translate = useTranslate();
  const supervisor = useAccount()?.role === 'supervisor';
  const { data, error } = useApiQuery(LadderQuery, { variables: { id: planId }, enabled: supervisor });
  const save = useApiMutation(SetLadder);
  const [rungs, setRungs] = useState<Draft[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const stored = (data?.node as { escalationLadder?: readonly Rung[] } | null | undefined)?.escalationLadder;
  useEffect(() => {
    if (stored && rungs === null) setRungs(stored.map((r) => ({ ...r })));
  }, [stored, rungs]);
  if (!supervisor) return null;
  const change = (i: number, patch: Partial<Draft>) => { setSaved(false); setRungs(rungs!.map((r, j) => (j === i ? { ...r, ...patch } : r))); };
  const submit = () => {
    save.mutateAsync({ p: planId, rungs: rungs!.map(({ id, ...r }) => ({ ...r, ...(id ? { id } : {}) })) })
      .then(() => { setFailure(null); setSaved(true); setRungs(null); }, (e: Error) => setFailure(e.message));
  };
  const number = (value: number, onChange: (n: number) => void, testId: string) => (
    <TextField type="number" size="small" value={value} onChange={(e) => onChange(Number(e.target.value))} sx={{ width: 80 }} slotProps={{ htmlInput: { 'data-testid': testId } }} />
  );
  return (
    <Panel title={translate('duban.ladder.title')} testId="ladder-editor">
      {(failure || error) && <Alert severity="error" role="alert" sx={{ mb: 1 }}>{failure ?? error?.message}</Alert>}
      {saved && <Alert severity="success" sx={{ mb: 1 }}>{translate('duban.ladder.saved')}</Alert>}
      <ScrollX>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('duban.ladder.trigger')}</TableCell>
              <TableCell>{translate('duban.ladder.count')}</TableCell>
              <TableCell>{translate('duban.ladder.action')}</TableCell>
              <TableCell>{translate('duban.ladder.points')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(rungs ?? []).map((r, i) => (
              <TableRow key={i} data-testid="ladder-rung">
                <TableCell>
                  <TextField select size="small" value={r.triggerKind} onChange={(e) => change(i, { triggerKind: e.target.value as Draft['triggerKind'] })}>
                    {kinds.map((k) => <MenuItem key={k} value={k}>{translate(`duban.ladder.kind.${k}`)}</MenuItem>)}
                  </TextField>
                </TableCell>
                <TableCell>{number(r.triggerCount, (n) => change(i, { triggerCount: n }), 'rung-count')}</TableCell>
                <TableCell>
                  <TextField select size="small" value={r.action} onChange={(e) => change(i, { action: e.target.value as Draft['action'] })} data-testid="rung-action">
                    {actions.map((a) => <MenuItem key={a} value={a}>{translate(`duban.ladder.actions.${a}`)}</MenuItem>)}
                  </TextField>
                </TableCell>
                <TableCell>{number(r.points, (n) => change(i, { points: n }), 'rung-points')}</TableCell>
                <TableCell>
                  <IconButton aria-label={translate('duban.ladder.remove')} data-action="remove-rung" onClick={() => { setSaved(false); setRungs(rungs!.filter((_, j) => j !== i)); }}><DeleteIcon /></IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollX>
      {rungs?.length === 0 && <Typography color="text.secondary">{translate('duban.ladder.empty')}</Typography>}
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }}>
        <Button data-action="add-rung" disabled={!rungs} onClick={() => { setSaved(false); setRungs([...(rungs ?? []), { id: null, triggerKind: 'workingDaysOverdue', triggerCount: 1, action: 'urge', points: 0 }]); }}>
          {translate('duban.ladder.add')}
        </Button>
        <Button variant="contained" data-action="save-ladder" disabled={!rungs || save.isPending} onClick={submit}>{translate('duban.ladder.save')}</Button>
      </Stack>
    </Panel>
  );
}
