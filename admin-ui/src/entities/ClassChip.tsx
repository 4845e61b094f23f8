import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The colours of the seed notice: green, yellow, red, black. */
const colours: Record<string, { bg: string; fg: string }> = {
  green: { bg: '#2e7d32', fg: '#fff' },
  yellow: { bg: '#f9a825', fg: '#000' },
  red: { bg: '#c62828', fg: '#fff' },
  black: { bg: '#212121', fg: '#fff' },
};

/** A class as a pill in its colour with its word inside (良好/警示/失信/严重失信): never colour alone. */
export function ClassChip({ creditClass, colour }: { creditClass: string; colour: string }) {
  const translate = useTranslate();
  const c = colours[colour] ?? colours.green!;
  return (
    <Box
      component="span"
      data-class={creditClass}
      data-colour={colour}
      sx={{ display: 'inline-flex', px: 1, py: 0.25, borderRadius: 10, bgcolor: c.bg, color: c.fg, fontSize: 13, fontWeight: 600, lineHeight: 1.6, whiteSpace: 'nowrap', cursor: 'inherit' }}
    >
      {translate(`duban.credit.class.${creditClass}`)}
    </Box>
  );
}
