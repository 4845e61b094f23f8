import { Alert, Box, Button, Card, CardContent, Chip, Link, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useAccount } from '../auth/account.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { formatDay, formatMinute, shanghaiDay } from '../shared/dates.ts';
import { downloadFile } from '../shared/download.ts';
import { useDubanPaths } from '../shared/links.ts';
import { ScrollX } from '../shared/ScrollX.tsx';
import { RowEventsDialog, type TracedRow } from './RowEventsDialog.tsx';

const BulletinPlans = graphql(`query BulletinPlans { plans(first: 100) { edges { node { id title } } } }`);
const Bulletins = graphql(`
  query Bulletins($planId: ID!) {
    bulletins(planId: $planId, first: 50) {
      edges {
        node {
          id number periodStart periodEnd createdAt createdBy url commended
          headline { tasks openTasks closedTasks green yellow red done closedThisPeriod newlyOverdue redSlips interviews longestOverdue { taskRef unitName days } }
          ranking { rank unitName responsiblePerson due closedOnTime overdue averageOverdueDays }
          escalations { taskId taskRef taskText unitName action slipNumber at workingDays }
          overdue { unitName items { assignmentId taskId taskRef taskText unitName due days events { id } } }
        }
      }
    }
  }
`);
const GenerateBulletin = graphql(`
  mutation GenerateBulletin($p: ID!, $e: String) { generateBulletin(planId: $p, periodEnd: $e) { __typename ... on Error { message } } }
`);
type Bulletin = ResultOf<typeof Bulletins>['bulletins']['edges'][number]['node'];

const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`);

/**
 * The supervising office generates a plan's 督查通报 for a period and hands
 * the .docx on; every unit of the plan reads and downloads the same bulletin.
 * Each overdue row links to its task; the office opens any row of the
 * ranking or the overdue list to see the events behind it. A bulletin's
 * notice links here with its plan (`?plan=`).
 */
export function BulletinsPage() {
  const translate = useTranslate();
  const supervisor = useAccount()?.role === 'supervisor';
  const plans = useApiQuery(BulletinPlans);
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string | null>(params.get('plan'));
  const planId = chosen ?? plans.data?.plans.edges[0]?.node.id ?? null;
  const { data, error: loadError } = useApiQuery(Bulletins, { variables: { planId: planId ?? '' }, enabled: planId !== null });
  const error = loadError?.message ?? plans.error?.message;
  const generateBulletin = useApiMutation(GenerateBulletin);
  const [periodEnd, setPeriodEnd] = useState(() => shanghaiDay(Date.now()));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (!plans.data && !plans.error) return <Loading />;
  const generate = () => {
    setBusy(true);
    generateBulletin.mutateAsync({ p: planId!, e: periodEnd })
      .then(() => setFailure(null), (e: Error) => setFailure(e.message))
      .finally(() => setBusy(false));
  };
  const bulletins = planId && data ? data.bulletins.edges.map((e) => e.node) : [];
  return (
    <Box sx={{ py: 2 }} data-testid="bulletins-page">
      <Title title={translate('duban.bulletins.title')} />
      {plans.data?.plans.edges.length === 0 && <Typography color="text.secondary">{translate('duban.bulletins.noPlans')}</Typography>}
      {planId && (
        // A grid track of minmax(0, 1fr): a long plan title is cut with an ellipsis instead of widening the page.
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', mb: 2 }}>
          <TextField select size="small" label={translate('duban.bulletins.plan')} value={planId} onChange={(e) => setChosen(e.target.value)} sx={{ maxWidth: 560 }} data-testid="bulletin-plan">
            {plans.data!.plans.edges.map(({ node }) => <MenuItem key={node.id} value={node.id}>{node.title}</MenuItem>)}
          </TextField>
        </Box>
      )}
      {planId && supervisor && (
        <Stack direction="row" useFlexGap spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            type="date" size="small" label={translate('duban.bulletins.periodEnd')} value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} sx={{ width: 200 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: shanghaiDay(Date.now()), 'data-testid': 'bulletin-period-end' } }}
          />
          <Button variant="contained" data-action="generate-bulletin" onClick={generate} disabled={busy || !periodEnd}>
            {translate('duban.bulletins.generate')}
          </Button>
        </Stack>
      )}
      {supervisor && planId && <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('duban.bulletins.hint')}</Typography>}
      {(failure || error) && <Alert severity="error" role="alert" sx={{ mb: 2 }}>{failure ?? error}</Alert>}
      {planId && data && bulletins.length === 0 && <Typography color="text.secondary">{translate('duban.bulletins.none')}</Typography>}
      <Stack spacing={2}>
        {bulletins.map((b) => (
          <BulletinCard key={b.id} bulletin={b} open={open === b.id} traces={supervisor} onToggle={() => setOpen(open === b.id ? null : b.id)} onFailure={setFailure} />
        ))}
      </Stack>
    </Box>
  );
}

function BulletinCard({ bulletin: b, open, traces, onToggle, onFailure }: {
  bulletin: Bulletin; open: boolean; traces: boolean; onToggle: () => void; onFailure: (message: string) => void;
}) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const [traced, setTraced] = useState<TracedRow | null>(null);
  /** Only the office traces a row: for it, a row is a button that opens its events. */
  const traceable = (row: TracedRow) =>
    traces ? { hover: true, role: 'button', tabIndex: 0, sx: { cursor: 'pointer' }, onClick: () => setTraced(row), onKeyDown: (e: { key: string }) => e.key === 'Enter' && setTraced(row) } : {};
  const h = b.headline;
  const count = (key: string, value: number) => translate(`duban.bulletins.headline.${key}`, { count: value });
  return (
    <Card variant="outlined" data-testid="bulletin" data-period-end={b.periodEnd}>
      <CardContent>
        <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2">{translate('duban.bulletins.heading', { number: b.number, start: b.periodStart, end: b.periodEnd })}</Typography>
          <Typography variant="body2" color="text.secondary">{translate('duban.bulletins.generated', { by: b.createdBy, at: formatMinute(b.createdAt) })}</Typography>
        </Stack>
        <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} data-testid="bulletin-headline">
          <Chip size="small" label={count('tasks', h.tasks)} />
          <Chip size="small" label={count('openTasks', h.openTasks)} />
          <Chip size="small" label={count('closedTasks', h.closedTasks)} />
          <Chip size="small" color="error" label={count('red', h.red)} data-testid="headline-red" />
          <Chip size="small" color="warning" label={count('yellow', h.yellow)} />
          <Chip size="small" color="success" label={count('green', h.green)} />
          <Chip size="small" label={count('done', h.done)} />
          <Chip size="small" variant="outlined" label={count('closedThisPeriod', h.closedThisPeriod)} />
          <Chip size="small" variant="outlined" label={count('newlyOverdue', h.newlyOverdue)} />
          <Chip size="small" variant="outlined" color="error" label={count('redSlips', h.redSlips)} data-testid="headline-red-slips" />
          <Chip size="small" variant="outlined" color="error" label={count('interviews', h.interviews)} />
        </Stack>
        {h.longestOverdue && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('duban.bulletins.headline.longest', { unit: h.longestOverdue.unitName, ref: h.longestOverdue.taskRef, days: h.longestOverdue.days })}
          </Typography>
        )}
        {b.commended.length > 0 && <Typography variant="body2" sx={{ mb: 1 }}>{translate('duban.bulletins.commended', { units: b.commended.join('、') })}</Typography>}
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
          <Button size="small" variant="outlined" data-action="download-bulletin" onClick={() => downloadFile(b.url).catch((e: Error) => onFailure(e.message))}>
            {translate('duban.bulletins.download')}
          </Button>
          <Button size="small" onClick={onToggle} data-action="bulletin-details">{translate(open ? 'duban.bulletins.hide' : 'duban.bulletins.show')}</Button>
        </Stack>
        {open && (
          <Box>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{translate('duban.bulletins.ranking')}</Typography>
          {traces && <Typography variant="body2" color="text.secondary">{translate('duban.bulletins.trace.hint')}</Typography>}
          <ScrollX>
            <Table size="small" data-testid="bulletin-ranking">
              <TableHead>
                <TableRow>
                  {['rank', 'unit', 'responsible', 'due', 'closedOnTime', 'rate', 'overdue', 'averageDays'].map((k) => <TableCell key={k}>{translate(`duban.bulletins.${k}`)}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {b.ranking.map((r) => (
                  <TableRow key={r.unitName} data-testid="bulletin-ranking-row" data-unit={r.unitName} {...traceable({ kind: 'ranking', unitName: r.unitName, title: r.unitName })}>
                    <TableCell>{r.rank}</TableCell>
                    <TableCell>{r.unitName}</TableCell>
                    <TableCell>{r.responsiblePerson ?? '—'}</TableCell>
                    <TableCell>{r.due}</TableCell>
                    <TableCell>{r.closedOnTime}</TableCell>
                    <TableCell>{rate(r.closedOnTime, r.due)}</TableCell>
                    <TableCell>{r.overdue}</TableCell>
                    <TableCell>{r.averageOverdueDays}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
          {b.overdue.length > 0 && <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{translate('duban.bulletins.overdueList')}</Typography>}
          {b.overdue.map((group) => (
            <Box key={group.unitName} sx={{ mt: 1 }}>
              <Typography variant="body2"><strong>{group.unitName}</strong></Typography>
              {group.items.map((o) => (
                <Box key={`${o.taskId}-${o.unitName}`} sx={{ pl: 2 }} data-testid="bulletin-overdue-item">
                  <Link component={RouterLink} to={paths.task(o.taskId)} variant="body2">{o.taskRef} {o.taskText}</Link>
                  <Typography variant="body2" component="span" color="error"> {formatDay(o.due)} · {translate('duban.bulletins.days', { days: o.days })}</Typography>
                  {traces && (
                    <Link component="button" variant="caption" sx={{ display: 'block' }} data-action="trace-overdue" onClick={() => setTraced({ kind: 'overdue', assignmentId: o.assignmentId, title: `${o.unitName} ${o.taskRef}` })}>
                      {translate('duban.bulletins.trace.events', { count: o.events.length })}
                    </Link>
                  )}
                </Box>
              ))}
            </Box>
          ))}
          {b.escalations.length > 0 && <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{translate('duban.bulletins.escalations')}</Typography>}
          {b.escalations.map((e) => (
            <Box key={`${e.taskId}-${e.unitName}-${e.action}`} sx={{ pl: 2 }} data-testid="bulletin-escalation">
              <Typography variant="body2" component="span"><strong>{e.unitName}</strong> </Typography>
              <Link component={RouterLink} to={paths.task(e.taskId)} variant="body2">{e.taskRef} {e.taskText}</Link>
              <Typography variant="body2" component="span" color="error">
                {' '}{formatDay(e.at)} · {translate(`duban.bulletins.escalation.${e.action}`, { number: e.slipNumber ?? '' })} · {translate('duban.bulletins.workingDays', { days: e.workingDays })}
              </Typography>
            </Box>
          ))}
          </Box>
        )}
        {traces && <RowEventsDialog bulletinId={b.id} row={traced} onClose={() => setTraced(null)} />}
      </CardContent>
    </Card>
  );
}
