import { Box, Card, CardActions, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import type { LedgerRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { AssignmentRoleChips, AssignmentStatusText } from '../shared/AssignmentLabels.tsx';
import { CardList } from '../shared/CardList.tsx';
import { Deadline } from '../shared/Deadline.tsx';
import { useDubanPaths } from '../shared/links.ts';

/** One row of the ledger on a phone: the body and its light, the task, the deadline and status, and the office's actions. */
function LedgerCard({ record }: { record: LedgerRecord }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <Card variant="outlined" data-testid="ledger-card" data-ref={record.task.ref} data-body={record.bodyName} data-light={record.light}>
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
          <LightChip light={record.light} size="small" />
          <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
            {record.bodyName}
          </Typography>
          <AssignmentRoleChips assignment={record} />
        </Box>
        <Typography component={Link} to={paths.task(record.task.id)} variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
          <b>{record.task.ref}</b> {record.task.text}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}>
          <Deadline record={record} />
          <Typography variant="body2" color="text.secondary">
            <AssignmentStatusText status={record.status} />
            {record.returnCount > 0 && ` · ${translate('duban.task.returned', { smart_count: record.returnCount })}`}
          </Typography>
        </Box>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, pt: 0 }}>
        <AssignmentActions target={{ task: record.task, assignment: record }} only={['urge', 'designate']} />
      </CardActions>
    </Card>
  );
}

/** The ledger's page as cards: a phone has no room for its columns. */
export function LedgerCards({ empty }: { empty: ReactNode }) {
  return <CardList<LedgerRecord> empty={empty} card={(record) => <LedgerCard record={record} />} />;
}
