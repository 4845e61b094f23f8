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
  },
};
