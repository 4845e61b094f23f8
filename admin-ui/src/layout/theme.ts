import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Neutral chrome (blue-grey), so that only the lights carry green, yellow, red and blue. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#37474f' },
    secondary: { main: '#455a64' },
    background: { default: '#f4f6f8' },
  },
  typography: {
    fontFamily: ['"PingFang SC"', '"Microsoft YaHei"', '"WenQuanYi Micro Hei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
  sidebar: { width: 200, closedWidth: 50 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { styleOverrides: { colorPrimary: { backgroundColor: '#263238' } } },
    // Upper case means nothing in Chinese and shouts in English.
    MuiButton: { ...defaultTheme.components?.MuiButton, styleOverrides: { root: { textTransform: 'none' } } },
    // A list whose table is wider than a phone scrolls sideways inside its card (the ScrollX trick) instead of widening the page.
    RaList: { styleOverrides: { root: { '& .RaList-content': { overflowX: 'auto', width: 0, minWidth: '100%' } } } },
  },
};
