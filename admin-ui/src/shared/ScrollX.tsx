import type { ReactNode } from 'react';
import { Box } from '@mui/material';

/**
 * A wide table scrolls sideways inside its card instead of widening the page:
 * zero width as its own contribution, stretched to the card (the page stays usable at 390 px).
 */
export function ScrollX({ children }: { children: ReactNode }) {
  return <Box sx={{ overflowX: 'auto', width: 0, minWidth: '100%' }}>{children}</Box>;
}
