import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AssignmentRecord } from '../dataProvider/records.ts';

/** Who does a task, in one line: the leads first (bold), then the supports. */
export function TaskBodies({ assignments }: { assignments: AssignmentRecord[] }) {
  const translate = useTranslate();
  const live = assignments.filter((a) => a.status !== 'designated' && a.status !== 'withdrawn');
  const leads = live.filter((a) => a.role === 'lead').map((a) => a.bodyName);
  const supports = live.filter((a) => a.role === 'support').map((a) => a.bodyName);
  return (
    <Box sx={{ fontSize: 13 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
        {leads.join('、')}
      </Typography>
      {supports.length > 0 && (
        <Typography component="div" variant="caption" color="text.secondary">
          {translate('duban.role.support')}：{supports.join('、')}
        </Typography>
      )}
    </Box>
  );
}
