import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { LightChip } from '../lights/LightChip.tsx';
import type { Light } from '../lights/lights.ts';

/** Where one unit stands in a filing or reporting round. */
export interface Standing {
  status: string;
  light: Light;
  lastReason: string | null;
}

/** Light, status and, once returned, the office's reason: a round table's status cell. */
export function UnitStanding({ unit }: { unit: Standing }) {
  const translate = useTranslate();
  return (
    <>
      <LightChip light={unit.light} /> {translate(`duban.rounds.unit.${unit.status}`)}
      {unit.lastReason && unit.status === 'returned' ? `：${unit.lastReason}` : ''}
    </>
  );
}

/** The viewer's own part of a round, in full width above the round's table: in a table cell it was a sliver on a phone. */
export function OwnPart({ testId, title, unit, children }: { testId: string; title: string; unit: Standing; children: ReactNode }) {
  return (
    <Box data-testid={testId} sx={{ mb: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>{title}</Typography>
        <Typography variant="body2" component="div"><UnitStanding unit={unit} /></Typography>
      </Stack>
      {children}
    </Box>
  );
}
