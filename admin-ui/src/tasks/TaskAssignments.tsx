import { Box, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import type { TaskRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { AssignmentRoleChips, AssignmentStatusText } from '../shared/AssignmentLabels.tsx';
import { formatMinute } from '../shared/dates.ts';
import { Deadline } from '../shared/Deadline.tsx';
import { Panel } from '../shared/Panel.tsx';
import { usePhone } from '../shared/usePhone.ts';

type Assignment = TaskRecord['assignments'][number];

/** The body, the group the notice named it by, and its role. */
function Who({ a }: { a: Assignment }) {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
        {a.bodyName}
      </Typography>
      {a.origin && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }} data-testid="assignment-origin">
          {translate('duban.task.origin', { group: a.origin })}
        </Typography>
      )}
      <AssignmentRoleChips assignment={a} />
    </>
  );
}

/** Where the assignment stands: its status, when it was submitted and accepted, how often returned. */
function Progress({ a }: { a: Assignment }) {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2">
        <AssignmentStatusText status={a.status} />
      </Typography>
      {a.submittedAt && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('duban.task.submittedAt', { at: formatMinute(a.submittedAt) })}
        </Typography>
      )}
      {a.acceptedAt && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('duban.task.acceptedAt', { at: formatMinute(a.acceptedAt) })}
        </Typography>
      )}
      {a.returnCount > 0 && (
        <Typography variant="caption" color="warning.dark" component="div">
          {translate('duban.task.returned', { smart_count: a.returnCount })}
        </Typography>
      )}
    </>
  );
}

const dimmed = (a: Assignment) => ({ opacity: a.light === 'none' ? 0.6 : 1 });

function AssignmentTable({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto', mx: -2 }}>
      <Table size="small" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.assignments.fields.bodyName')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.light')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.status')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.due')}</TableCell>
            <TableCell>{translate('duban.task.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {task.assignments.map((a) => (
            <TableRow key={a.id} data-testid="assignment-row" data-body={a.bodyName} sx={{ ...dimmed(a), verticalAlign: 'top' }}>
              <TableCell><Who a={a} /></TableCell>
              <TableCell><LightChip light={a.light} size="small" /></TableCell>
              <TableCell><Progress a={a} /></TableCell>
              <TableCell><Deadline record={a} /></TableCell>
              <TableCell><AssignmentActions target={{ task, assignment: a }} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** On a phone, each assignment stacked: a table's five columns left its actions beyond the edge. */
function AssignmentStack({ task }: { task: TaskRecord }) {
  return (
    <Stack divider={<Divider flexItem />} spacing={1.5}>
      {task.assignments.map((a) => (
        <Box key={a.id} data-testid="assignment-row" data-body={a.bodyName} sx={dimmed(a)}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0 }}><Who a={a} /></Box>
            <LightChip light={a.light} size="small" />
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', my: 1 }}>
            <Box><Progress a={a} /></Box>
            <Deadline record={a} />
          </Box>
          <AssignmentActions target={{ task, assignment: a }} />
        </Box>
      ))}
    </Stack>
  );
}

/** Every body's part of the task: light, status, deadline, what it delivered, and the actions open to this account. */
export function TaskAssignments({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  const phone = usePhone();
  return (
    <Panel title={translate('duban.task.assignments')} testId="task-assignments">
      {phone ? <AssignmentStack task={task} /> : <AssignmentTable task={task} />}
      {task.assignments.some((a) => a.deliverable) && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('duban.task.deliverable')}：{[...new Set(task.assignments.map((a) => a.deliverable).filter(Boolean))].join('；')}
        </Typography>
      )}
    </Panel>
  );
}
