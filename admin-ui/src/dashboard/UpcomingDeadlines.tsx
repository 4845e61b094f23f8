import { Box, List, ListItemButton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { LedgerRecord } from '../dataProvider/records.ts';
import { LightChip } from '../lights/LightChip.tsx';
import { formatDay } from '../shared/dates.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';

const dayMs = 86_400_000;

/** Assignments owed within the next 30 days, soonest first. */
export function UpcomingDeadlines({ rows, total }: { rows: LedgerRecord[]; total: number }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const paths = useDubanPaths();
  return (
    <Panel title={translate('duban.dashboard.upcoming', { count: total })} testId="upcoming">
      {rows.length === 0 ? (
        <EmptyState title={translate('duban.dashboard.upcomingEmpty')} />
      ) : (
        <List dense disablePadding sx={{ mx: -2 }}>
          {rows.map((row) => (
            <ListItemButton key={row.id} divider onClick={() => navigate(paths.task(row.task.id))} sx={{ gap: 1.5 }}>
              <Box sx={{ minWidth: 88 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {formatDay(row.due)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('duban.dashboard.daysLeft', { smart_count: Math.max(0, Math.ceil((Date.parse(row.due!) - Date.now()) / dayMs)) })}
                </Typography>
              </Box>
              <Box sx={{ minWidth: 0, flex: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {row.bodyName}
                </Typography>
                <Typography variant="body2" color="text.secondary" noWrap title={row.task.text}>
                  {translate('duban.task.refLabel', { ref: row.task.ref })} · {row.task.text}
                </Typography>
              </Box>
              <LightChip light={row.light} size="small" />
            </ListItemButton>
          ))}
        </List>
      )}
    </Panel>
  );
}
