import { Box, Button, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link, Show, useRecordContext, useTranslate } from 'react-admin';
import { useAccount } from '../auth/account.ts';
import type { TaskRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { formatDay, formatMinute } from '../shared/dates.ts';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { chineseNumeral } from '../../../domain/dates/numerals.ts';
import { TaskAssignments } from './TaskAssignments.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';
import { TaskReports } from '../reporting/TaskReports.tsx';
import { TaskSlips } from '../supervision/Slips.tsx';

function TaskTitle() {
  const translate = useTranslate();
  const task = useRecordContext<TaskRecord>();
  return <>{task ? translate('duban.task.refLabel', { ref: task.ref }) : ''}</>;
}

/** The task's header: its number, light, section and plan, and where its workflow runs. */
function TaskHeader({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  const account = useAccount();
  const paths = useDubanPaths();
  // The Temporal Web UI is for those who run supervision, not for the bodies.
  const seesWorkflow = account?.role === 'supervisor' || account?.role === 'admin';
  return (
    <Panel
      title={
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <span>{translate('duban.task.refLabel', { ref: task.ref })}</span>
          <LightChip light={task.light} />
          <Typography variant="body2" color="text.secondary" data-testid="task-deadline">
            {task.status === 'closed'
              ? translate('duban.task.closedAt', { at: formatMinute(task.closedAt) })
              : task.deadline
                ? translate('duban.task.dueBy', { date: formatDay(task.deadline.due) }) +
                  (task.deadline.extendedFrom ? translate('duban.task.extendedFrom', { date: formatDay(task.deadline.extendedFrom) }) : '')
                : translate('duban.taskStatus.open')}
          </Typography>
        </Stack>
      }
      action={
        seesWorkflow && (
          <Button size="small" href={task.workflowUrl} target="_blank" rel="noreferrer" endIcon={<OpenInNewIcon />}>
            {translate('duban.task.workflow')}
          </Button>
        )
      }
    >
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="task-text">
        {task.text}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
        {translate('duban.sectionTitle', { ordinal: task.section.ordinal, numeral: chineseNumeral(task.section.ordinal), title: task.section.title })}
        {' · '}
        <Link to={paths.show('plans', task.plan.id)}>{task.plan.title}</Link>
      </Typography>
    </Panel>
  );
}

function TaskPage() {
  const task = useRecordContext<TaskRecord>();
  if (!task) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, p: { xs: 1, sm: 0 } }}>
      <TaskHeader task={task} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
          <TaskAssignments task={task} />
          <TaskSlips taskId={task.id} />
          <TaskReports planId={task.plan.id} taskId={task.id} />
        </Box>
        <TaskTimeline events={task.timeline ?? []} />
      </Box>
    </Box>
  );
}

/** One task: full text, every assignment with its light and actions, and the timeline of every event. */
export function TaskShow() {
  return (
    <Show title={<TaskTitle />} actions={false} component="div" sx={{ mt: 2 }}>
      <TaskPage />
    </Show>
  );
}
