import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import { graphql, type Enum, type ResultOf } from '../graphql.ts';
import { AttachmentsInput, type Uploaded } from '../shared/AttachmentsInput.tsx';
import { useApiMutation, useApiQuery } from '../shared/api.ts';
import { formatDay, shanghaiDay } from '../shared/dates.ts';
import { downloadFile } from '../shared/download.ts';
import { ScrollX } from '../shared/ScrollX.tsx';

const ReportingPlans = graphql(`query ReportingPlans { plans(first: 100) { edges { node { id title } } } }`);
const ReportingGrid = graphql(`
  query ReportingGrid($planId: ID!) {
    reportingGrid(planId: $planId) {
      bodyName periodStart periodEnd due status filedAt text percent returnCount availableActions
      task { id ref }
      attachments { id name }
    }
    evaluationReportingGrid { year due status body { id shortName } }
  }
`);
const ActOnReport = graphql(`
  mutation ActOnReport($i: PeriodReportActionInput!) { actOnReport(input: $i) { __typename ... on Error { message } } }
`);
const UrgeMissing = graphql(`
  mutation UrgeMissingReports($p: ID!, $e: DateTime!) {
    urgeMissingReports(planId: $p, periodEnd: $e) { __typename ... on MutationUrgeMissingReportsSuccess { data { urged { bodyName } recentlyUrged { bodyName } } } ... on Error { message } }
  }
`);
/** A cell as the grid and the task page read it. */
export type Cell = ResultOf<typeof ReportingGrid>['reportingGrid'][number];
type Status = Enum<'ReportingStatus'>;
type ReportAction = Enum<'PeriodReportActionType'>;

/** Each status's colours; the cell always carries the status in words as well. */
const colours: Record<Status, { bg: string; fg: string }> = {
  onTime: { bg: '#e6f4ea', fg: '#1e6b34' },
  late: { bg: '#fff4e0', fg: '#8a4b00' },
  missing: { bg: '#fde7e7', fg: '#a01919' },
  notDue: { bg: '#f2f2f2', fg: '#555555' },
  submitted: { bg: '#e5eefc', fg: '#1a4a9c' },
};

export function StatusCell({ status, onClick, testId }: { status: Status; onClick?: () => void; testId?: string }) {
  const translate = useTranslate();
  const { bg, fg } = colours[status];
  return (
    <Box
      component={onClick ? 'button' : 'span'} onClick={onClick} data-testid={testId} data-status={status}
      sx={{ display: 'inline-block', px: 1, py: 0.25, borderRadius: 1, bgcolor: bg, color: fg, border: 0, font: 'inherit', fontSize: 13, whiteSpace: 'nowrap', cursor: onClick ? 'pointer' : 'default' }}
    >
      {translate(`duban.reporting.status.${status}`)}
    </Box>
  );
}

/** The month (or quarter, or year) a period covers, as its first and last day. */
export const periodLabel = (start: string, end: string) => {
  const first = shanghaiDay(start);
  const last = shanghaiDay(Date.parse(end) - 1);
  return first.slice(0, 7) === last.slice(0, 7) ? first.slice(0, 7) : `${first.slice(0, 7)}–${last.slice(0, 7)}`;
};

/**
 * 定期报告: a plan's compliance grid, units × periods, each cell its status
 * in words and colour; a department sees and files its own cells; the office
 * accepts or returns a filed report and urges a period's missing cells (跟催)
 * in one action; the grid exports to .xlsx. The yearly special report is the
 * evaluation round's, shown as its own row group.
 */
export function ReportingGridPage() {
  const translate = useTranslate();
  const supervisor = useAccount()?.role === 'supervisor';
  const plans = useApiQuery(ReportingPlans);
  const [chosen, setChosen] = useState<string | null>(null);
  const [taskFilter, setTaskFilter] = useState<string>('');
  const [open, setOpen] = useState<Cell | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const planId = chosen ?? plans.data?.plans.edges[0]?.node.id ?? null;
  const grid = useApiQuery(ReportingGrid, { variables: { planId: planId ?? '' }, enabled: planId !== null });
  const urge = useApiMutation(UrgeMissing);
  if (!plans.data && !plans.error) return <Loading />;
  const cells = grid.data?.reportingGrid ?? [];
  const tasks = [...new Map(cells.map((c) => [c.task.id, c.task.ref])).entries()];
  const shown = cells.filter((c) => !taskFilter || c.task.id === taskFilter);
  const periods = [...new Map(shown.map((c) => [c.periodStart, c.periodEnd])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const rows = [...new Map(shown.map((c) => [`${c.task.ref}\u0000${c.bodyName}`, { ref: c.task.ref, body: c.bodyName }])).entries()]
    .sort(([, a], [, b]) => a.ref.localeCompare(b.ref, 'zh', { numeric: true }) || a.body.localeCompare(b.body, 'zh'));
  const cellAt = (key: string, period: string) => shown.find((c) => `${c.task.ref}\u0000${c.bodyName}` === key && c.periodStart === period);
  const evaluation = grid.data?.evaluationReportingGrid ?? [];
  const years = [...new Set(evaluation.map((e) => e.year))].sort();
  const units = [...new Map(evaluation.map((e) => [e.body.id, e.body.shortName])).entries()];

  const urgePeriod = (periodEnd: string) =>
    urge.mutateAsync({ p: planId!, e: periodEnd }).then(
      (r) => setMessage({ ok: true, text: translate('duban.reporting.urged', { urged: r.urged.length, skipped: r.recentlyUrged.length }) }),
      (e: Error) => setMessage({ ok: false, text: e.message }),
    );

  return (
    <Box sx={{ py: 2 }} data-testid="reporting-page">
      <Title title={translate('duban.reporting.title')} />
      {plans.data?.plans.edges.length === 0 && <Typography color="text.secondary">{translate('duban.reporting.noPlans')}</Typography>}
      {planId && (
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }}>
          <TextField select size="small" label={translate('duban.reporting.plan')} value={planId} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 200, maxWidth: 360 }} data-testid="reporting-plan">
            {plans.data!.plans.edges.map(({ node }) => <MenuItem key={node.id} value={node.id}>{node.title}</MenuItem>)}
          </TextField>
          <TextField select size="small" label={translate('duban.reporting.task')} value={taskFilter} onChange={(e) => setTaskFilter(e.target.value)} sx={{ minWidth: 140 }} data-testid="reporting-task">
            <MenuItem value="">{translate('duban.reporting.allTasks')}</MenuItem>
            {tasks.map(([id, ref]) => <MenuItem key={id} value={id}>{ref}</MenuItem>)}
          </TextField>
          <Button variant="outlined" data-action="export-reporting" onClick={() => downloadFile(`/exports/reporting-grid/${encodeURIComponent(planId)}.xlsx`).catch((e: Error) => setMessage({ ok: false, text: e.message }))}>
            {translate('duban.reporting.export')}
          </Button>
        </Stack>
      )}
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 1 }}>
        {(Object.keys(colours) as Status[]).map((s) => <StatusCell key={s} status={s} />)}
      </Stack>
      {message && <Alert severity={message.ok ? 'success' : 'error'} sx={{ mb: 1 }} onClose={() => setMessage(null)}>{message.text}</Alert>}
      {grid.error && <Alert severity="error">{grid.error.message}</Alert>}
      {grid.data && rows.length === 0 && <Typography color="text.secondary" sx={{ my: 2 }}>{translate('duban.reporting.none')}</Typography>}
      {rows.length > 0 && (
        <ScrollX>
          <Table size="small" data-testid="reporting-grid">
            <TableHead>
              <TableRow>
                <TableCell>{translate('duban.reporting.task')}</TableCell>
                <TableCell>{translate('duban.reporting.unit')}</TableCell>
                {periods.map(([start, end]) => {
                  const missing = shown.some((c) => c.periodStart === start && c.status === 'missing');
                  return (
                    <TableCell key={start} sx={{ whiteSpace: 'nowrap' }}>
                      {periodLabel(start, end)}
                      {supervisor && missing && (
                        <Box><Button size="small" data-action="urge-missing" data-period={start} onClick={() => void urgePeriod(end)}>{translate('duban.reporting.urge')}</Button></Box>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(([key, row]) => (
                <TableRow key={key}>
                  <TableCell>{row.ref}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.body}</TableCell>
                  {periods.map(([start]) => {
                    const cell = cellAt(key, start);
                    return (
                      <TableCell key={start}>
                        {cell && <StatusCell status={cell.status} testId={`cell-${row.ref}-${row.body}-${shanghaiDay(start)}`} onClick={() => setOpen(cell)} />}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
      {units.length > 0 && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle1">{translate('duban.reporting.evaluationGroup')}</Typography>
          <ScrollX>
            <Table size="small" data-testid="reporting-evaluation">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('duban.reporting.unit')}</TableCell>
                  {years.map((y) => <TableCell key={y}>{translate('duban.reporting.year', { year: y })}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {units.map(([id, name]) => (
                  <TableRow key={id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{name}</TableCell>
                    {years.map((y) => {
                      const e = evaluation.find((x) => x.body.id === id && x.year === y);
                      return <TableCell key={y}>{e && <StatusCell status={e.status} />}</TableCell>;
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        </Box>
      )}
      {open && <ReportDialog cell={open} onClose={() => setOpen(null)} onDone={(text) => { setOpen(null); setMessage({ ok: true, text }); }} />}
    </Box>
  );
}

/** One period report: what was filed, and the actions the viewer may take now (from availableActions). */
export function ReportDialog({ cell, onClose, onDone }: { cell: Cell; onClose: () => void; onDone: (text: string) => void }) {
  const translate = useTranslate();
  const act = useApiMutation(ActOnReport);
  const [comment, setComment] = useState('');
  const [percent, setPercent] = useState('');
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const actions = cell.availableActions;
  const run = (type: ReportAction) =>
    act.mutateAsync({
      i: {
        taskId: cell.task.id, bodyName: cell.bodyName, periodStart: cell.periodStart, type, comment,
        ...(type === 'fileReport' ? { attachments: files.map((f) => ({ id: f.id })), ...(percent === '' ? {} : { percent: Number(percent) }) } : {}),
      },
    }).then(() => onDone(translate(`duban.reporting.done.${type}`)), (e: Error) => setFailure(e.message));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="report-dialog">
      <DialogTitle>{translate('duban.reporting.dialogTitle', { ref: cell.task.ref, body: cell.bodyName, period: periodLabel(cell.periodStart, cell.periodEnd) })}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ mt: 1 }}>
          <Typography variant="body2">{translate('duban.reporting.due', { due: formatDay(cell.due) })} · <StatusCell status={cell.status} /></Typography>
          {cell.text && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{cell.text}</Typography>}
          {cell.percent !== null && cell.percent !== undefined && <Typography variant="body2">{translate('duban.reporting.percent', { percent: cell.percent })}</Typography>}
          {cell.filedAt && <Typography variant="body2" color="text.secondary">{translate('duban.reporting.filedAt', { at: formatDay(cell.filedAt) })}</Typography>}
          {cell.attachments.length > 0 && <Typography variant="body2">{cell.attachments.map((a) => a.name).join('、')}</Typography>}
          {actions.length > 0 && (
            <TextField
              multiline minRows={2} label={translate(actions.includes('fileReport') ? 'duban.reporting.reportText' : 'duban.reporting.comment')}
              value={comment} onChange={(e) => setComment(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'report-comment' } }}
            />
          )}
          {actions.includes('fileReport') && (
            <>
              <TextField type="number" size="small" label={translate('duban.reporting.percentLabel')} value={percent} onChange={(e) => setPercent(e.target.value)} sx={{ maxWidth: 160 }} slotProps={{ htmlInput: { min: 0, max: 100, 'data-testid': 'report-percent' } }} />
              <AttachmentsInput onChange={setFiles} onBusy={setUploading} />
            </>
          )}
          {failure && <Alert severity="error">{failure}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap' }}>
        <Button onClick={onClose}>{translate('duban.reporting.close')}</Button>
        {actions.map((type) => (
          <Button key={type} variant="contained" data-action={type} disabled={uploading} onClick={() => void run(type)}>{translate(`duban.reporting.action.${type}`)}</Button>
        ))}
      </DialogActions>
    </Dialog>
  );
}
