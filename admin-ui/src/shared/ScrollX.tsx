import type { ReactNode } from 'react';
import { Box } from '@mui/material';

/**
 * A wide table scrolls sideways inside its card instead of widening the page:
 * zero width as its own contribution, stretched to the card (the page stays usable at 390 px).
 * Headers stay on one line: squeezed to a phone, a Chinese header wrapped a character per line.
 */
export function ScrollX({ children }: { children: ReactNode }) {
  return <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%', '& th': { whiteSpace: 'nowrap' } }}>{children}</Box>;
}
