import { Box, Paper, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { LightCounts } from '../lights/LightBar.tsx';
import { countedLights, lightColours } from '../lights/lights.ts';
import { useDubanPaths } from '../shared/links.ts';

/** One tile per light: the number, the word beside the colour, a link to the tasks behind it. */
function LightTile({ light, count, planId }: { light: (typeof countedLights)[number]; count: number; planId: string }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  return (
    <Paper
      variant="outlined"
      component={Link}
      to={paths.list('tasks', { planId, light })}
      data-testid={`tasks-${light}`}
      sx={{ p: 1.5, borderLeft: 6, borderLeftColor: lightColours[light], textDecoration: 'none', color: 'inherit', display: 'block' }}
    >
      <Typography variant="h4" component="div" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
        {count}
      </Typography>
      <Typography variant="body2" sx={{ color: lightColours[light], fontWeight: 600, filter: light === 'yellow' ? 'brightness(0.75)' : undefined }}>
        {translate(`duban.light.${light}`)}
      </Typography>
    </Paper>
  );
}

/** The plan's tasks and assignments counted by light. */
export function LightTotals({ tasks, assignments, unacknowledged, planId }: { tasks: LightCounts; assignments: LightCounts; unacknowledged: number; planId: string }) {
  const translate = useTranslate();
  const paths = useDubanPaths();
  const total = (counts: LightCounts) => countedLights.reduce((sum, light) => sum + counts[light], 0);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 2 }}>
      <Box>
        <Typography variant="overline" color="text.secondary">
          {translate('duban.dashboard.tasks', { count: total(tasks) })}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 1 }}>
          {countedLights.map((light) => (
            <LightTile key={light} light={light} count={tasks[light]} planId={planId} />
          ))}
        </Box>
      </Box>
      <Box>
        <Typography variant="overline" color="text.secondary">
          {translate('duban.dashboard.assignments', { count: total(assignments) })}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', minHeight: 72 }}>
          {countedLights.map((light) => (
            <Box key={light} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mr: 1.5 }}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: lightColours[light] }} />
              <Typography variant="body2">
                {translate(`duban.light.${light}`)} <b>{assignments[light]}</b>
              </Typography>
            </Box>
          ))}
          <Typography variant="body2" component={Link} to={paths.list('assignments', { planId, unacknowledged: true })} data-testid="unacknowledged">
            {translate('duban.dashboard.unacknowledged', { count: unacknowledged })}
          </Typography>
        </Box>
      </Box>
    </Box>
  );
}
