import { Box, Card, CardActions, CardContent, Typography } from '@mui/material';
import { BooleanInput, Link, List, Loading, Title, useTranslate } from 'react-admin';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import { useAccount } from '../auth/account.ts';
import { CalendarFeed } from '../bodies/CalendarFeed.tsx';
import type { MyAssignmentRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { AssignmentRoleChips, AssignmentStatusText } from '../shared/AssignmentLabels.tsx';
import { CardList } from '../shared/CardList.tsx';
import { Deadline } from '../shared/Deadline.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { LightInput } from '../shared/filters.tsx';
import { useDubanPaths } from '../shared/links.ts';
import { StatusInput } from './inputs.tsx';
import { AssignmentNotes } from './AssignmentNotes.tsx';
import { PendingSlips } from '../supervision/Slips.tsx';

/** One assignment as a card: the task, the deadline, what was said about it, and the body's own actions. */
function MyAssignmentCard({ record }: { record: MyAssignmentRecord }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <Card variant="outlined" data-testid="my-assignment" data-ref={record.task.ref} data-status={record.status}>
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <LightChip light={record.light} />
          <Box sx={{ flex: '1 1 20em', minWidth: 0 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
              <Typography component={Link} to={paths.task(record.task.id)} variant="subtitle2" sx={{ fontWeight: 700 }}>
                {translate('duban.task.refLabel', { ref: record.task.ref })}
              </Typography>
              <AssignmentRoleChips assignment={record} />
              <Typography variant="body2" color="text.secondary">
                <AssignmentStatusText status={record.status} />
              </Typography>
            </Box>
            <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              {record.task.text}
            </Typography>
          </Box>
          {/* A pending extension is spelt out in the notes below. */}
          <Deadline record={{ ...record, extensionRequestedUntil: null }} />
        </Box>
        <Box sx={{ mt: 1.5 }}>
          <AssignmentNotes record={record} />
        </Box>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, pt: 0 }}>
        <AssignmentActions target={{ task: record.task, assignment: record }} />
      </CardActions>
    </Card>
  );
}

const filters = [<LightInput key="light" alwaysOn />, <StatusInput key="status" alwaysOn />, <BooleanInput key="overdue" source="overdue" alwaysOn />];

/** A department's own assignments, most urgent first. */
export function MyAssignmentList() {
  const translate = useTranslate();
  const account = useAccount();
  if (!account) return <Loading />;
  if (!account.body) {
    return (
      <>
        <Title title={translate('resources.my-assignments.name')} />
        <EmptyState title={translate('duban.my.noBody')} />
      </>
    );
  }
  return (
    <>
      <Box sx={{ mt: 2 }}><PendingSlips /></Box>
      <List
        resource="my-assignments"
        filter={{ bodyId: account.body.id }}
        filters={filters}
        perPage={50}
        title={translate('duban.my.title', { body: account.body.shortName })}
        empty={<EmptyState title={translate('duban.my.empty')} />}
        actions={false}
        sx={{ '& .RaList-content': { bgcolor: 'transparent', boxShadow: 'none' } }}
      >
        <CardList<MyAssignmentRecord> empty={<EmptyState title={translate('duban.my.empty')} />} card={(record) => <MyAssignmentCard record={record} />} />
      </List>
      <CalendarFeed bodyId={account.body.id} />
    </>
  );
}
