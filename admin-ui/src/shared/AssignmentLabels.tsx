import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AssignmentRecord } from '../dataProvider/records.ts';

/** Lead (first-named or not) or support, and the flags that change what the body owes. */
export function AssignmentRoleChips({ assignment }: { assignment: Pick<AssignmentRecord, 'role' | 'primary' | 'placeholder' | 'blocking'> & Partial<Pick<AssignmentRecord, 'unacknowledged' | 'behindPace' | 'progressPercent'>> }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      <Chip
        size="small"
        variant={assignment.role === 'lead' ? 'filled' : 'outlined'}
        color={assignment.role === 'lead' ? 'primary' : 'default'}
        label={translate(assignment.primary ? 'duban.role.primary' : `duban.role.${assignment.role}`)}
      />
      {assignment.placeholder && <Chip size="small" color="warning" variant="outlined" label={translate('duban.role.placeholder')} />}
      {assignment.blocking && <Chip size="small" variant="outlined" label={translate('duban.role.blocking')} />}
      {assignment.progressPercent != null && <Chip size="small" variant="outlined" data-testid="progress-chip" label={translate('duban.role.progress', { percent: assignment.progressPercent })} />}
      {assignment.behindPace && <Chip size="small" color="warning" variant="outlined" data-testid="behind-pace-chip" label={translate('duban.role.behindPace')} />}
      {assignment.unacknowledged && <Chip size="small" color="info" variant="outlined" data-testid="unacknowledged-chip" label={translate('duban.role.unacknowledged')} />}
    </Stack>
  );
}

/** The assignment's status in words (已交办, 已报送…). */
export function AssignmentStatusText({ status }: { status: string }) {
  const translate = useTranslate();
  return <span data-status={status}>{translate(`duban.status.${status}`)}</span>;
}
