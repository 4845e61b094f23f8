import { Box, Button, List, ListItem, ListItemButton, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { AssignmentActions } from '../actions/AssignmentActions.tsx';
import type { LedgerRecord } from '../dataProvider/records.ts';
import { AssignmentRoleChips } from '../shared/AssignmentLabels.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';

/** The overdue assignments, longest overdue first, each with one click to urge (or designate a placeholder group). */
export function OverdueList({ rows, total, planId }: { rows: LedgerRecord[]; total: number; planId: string }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const paths = useDubanPaths();
  const more = total - rows.length;
  return (
    <Panel
      title={translate('duban.dashboard.overdue', { count: total })}
      testId="overdue-list"
      action={
        total > 0 && (
          <Button component={Link} to={paths.list('assignments', { planId, overdue: true })} size="small">
            {translate('duban.dashboard.ledger')}
          </Button>
        )
      }
    >
      {rows.length === 0 ? (
        <EmptyState title={translate('duban.dashboard.overdueEmpty')} />
      ) : (
        <List dense disablePadding sx={{ maxHeight: 520, overflowY: 'auto', mx: -2 }}>
          {rows.map((row) => (
            <ListItem key={row.id} disablePadding divider data-testid="overdue-row" data-body={row.bodyName} data-ref={row.task.ref}>
              <ListItemButton onClick={() => navigate(paths.task(row.task.id))} sx={{ alignItems: 'flex-start', gap: 1.5, minWidth: 0 }}>
                <Box sx={{ minWidth: 48, textAlign: 'center', color: 'error.main', pt: 0.25 }}>
                  <Typography variant="h6" component="div" sx={{ lineHeight: 1, fontWeight: 700 }}>
                    {row.overdueDays}
                  </Typography>
                  <Typography variant="caption">{translate('duban.dashboard.daysOverdue')}</Typography>
                </Box>
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {row.bodyName}
                    </Typography>
                    <AssignmentRoleChips assignment={row} />
                  </Box>
                  <Typography variant="body2" color="text.secondary" noWrap title={row.task.text}>
                    {translate('duban.task.refLabel', { ref: row.task.ref })} · {row.task.text}
                  </Typography>
                </Box>
              </ListItemButton>
              <Box sx={{ px: 1.5, flexShrink: 0 }}>
                <AssignmentActions target={{ task: row.task, assignment: row }} only={['urge', 'designate']} />
              </Box>
            </ListItem>
          ))}
          {more > 0 && (
            <ListItem>
              <Link to={paths.list('assignments', { planId, overdue: true })}>{translate('duban.dashboard.moreInLedger', { count: more })}</Link>
            </ListItem>
          )}
        </List>
      )}
    </Panel>
  );
}
