import { useMediaQuery, type Theme } from '@mui/material';

/** Phone width (below the `sm` breakpoint), where tables give way to cards and stacked rows.
 * `noSsr` reads the width on the first render, so a phone never flashes the desktop layout. */
export const usePhone = (): boolean => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'), { noSsr: true });
