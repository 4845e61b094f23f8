import { Box, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { countedLights, lightColours } from './lights.ts';

export type LightCounts = Record<(typeof countedLights)[number], number>;

/** A stacked bar of counts by light; each segment's tooltip and the legend beside it carry the words. */
export function LightBar({ counts }: { counts: LightCounts }) {
  const translate = useTranslate();
  const total = countedLights.reduce((sum, light) => sum + counts[light], 0);
  if (total === 0) return null;
  return (
    <Box sx={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', bgcolor: 'grey.200' }}>
      {countedLights
        .filter((light) => counts[light] > 0)
        .map((light) => (
          <Tooltip key={light} title={`${translate(`duban.light.${light}`)} ${counts[light]}`}>
            <Box sx={{ width: `${(counts[light] / total) * 100}%`, bgcolor: lightColours[light] }} />
          </Tooltip>
        ))}
    </Box>
  );
}
