import { Alert, Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { graphql } from '../graphql.ts';
import { useApiQuery } from '../shared/api.ts';
import { formatDay } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { periodLabel, ReportDialog, StatusCell, type Cell } from './ReportingGridPage.tsx';

const TaskReportCells = graphql(`
  query TaskReportCells($planId: ID!, $taskId: ID!) {
    reportingGrid(planId: $planId, taskId: $taskId) {
      bodyName periodStart periodEnd due status filedAt text percent returnCount availableActions
      task { id ref }
      attachments { id name }
    }
  }
`);

/**
 * The task's period reports (定期报告) on its own page, where a department
 * arrives from its assignments or a reminder in its inbox: each period's
 * status in words, newest first; a click files, decides or urges it.
 */
export function TaskReports({ planId, taskId }: { planId: string; taskId: string }) {
  const translate = useTranslate();
  const { data } = useApiQuery(TaskReportCells, { variables: { planId, taskId } });
  const [open, setOpen] = useState<Cell | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const cells = [...(data?.reportingGrid ?? [])].sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.bodyName.localeCompare(b.bodyName, 'zh'));
  if (cells.length === 0) return null;
  return (
    <Panel title={translate('duban.reporting.title')} testId="task-reports">
      {done && <Alert severity="success" sx={{ mb: 1 }} onClose={() => setDone(null)}>{done}</Alert>}
      <Stack spacing={1}>
        {cells.map((c) => (
          <Stack key={`${c.bodyName}@${c.periodStart}`} direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography variant="body2" sx={{ minWidth: 120 }}>{periodLabel(c.periodStart, c.periodEnd)}</Typography>
            <Typography variant="body2">{c.bodyName}</Typography>
            <Box><StatusCell status={c.status} onClick={() => setOpen(c)} testId="task-report-cell" /></Box>
            <Typography variant="caption" color="text.secondary">{translate('duban.reporting.due', { due: formatDay(c.due) })}</Typography>
          </Stack>
        ))}
      </Stack>
      {open && <ReportDialog cell={open} onClose={() => setOpen(null)} onDone={(text) => { setOpen(null); setDone(text); }} />}
    </Panel>
  );
}
