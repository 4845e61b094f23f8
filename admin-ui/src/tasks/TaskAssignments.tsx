import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import type { TaskRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { AssignmentRoleChips, AssignmentStatusText } from '../shared/AssignmentLabels.tsx';
import { formatMinute } from '../shared/dates.ts';
import { Deadline } from '../shared/Deadline.tsx';
import { Panel } from '../shared/Panel.tsx';

/** Every body's part of the task: light, status, deadline, what it delivered, and the actions open to this account. */
export function TaskAssignments({ task }: { task: TaskRecord }) {
  const translate = useTranslate();
  return (
    <Panel title={translate('duban.task.assignments')} testId="task-assignments">
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
              <TableRow key={a.id} data-testid="assignment-row" data-body={a.bodyName} sx={{ opacity: a.light === 'none' ? 0.6 : 1, verticalAlign: 'top' }}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
                    {a.bodyName}
                  </Typography>
                  {a.origin && (
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }} data-testid="assignment-origin">
                      {translate('duban.task.origin', { group: a.origin })}
                    </Typography>
                  )}
                  <AssignmentRoleChips assignment={a} />
                </TableCell>
                <TableCell>
                  <LightChip light={a.light} size="small" />
                </TableCell>
                <TableCell>
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
                </TableCell>
                <TableCell>
                  <Deadline record={a} />
                </TableCell>
                <TableCell>
                  <AssignmentActions target={{ task, assignment: a }} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {task.assignments.some((a) => a.deliverable) && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('duban.task.deliverable')}：{[...new Set(task.assignments.map((a) => a.deliverable).filter(Boolean))].join('；')}
        </Typography>
      )}
    </Panel>
  );
}
