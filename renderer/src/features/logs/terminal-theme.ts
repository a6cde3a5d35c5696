// Terminal colours that sit on the dashboard's own surfaces in each theme.
import type { ITheme } from '@xterm/xterm';
import type { ResolvedTheme } from '../shell/theme.state';

export const TERMINAL_THEMES: Record<ResolvedTheme, ITheme> = {
  dark: {
    background: '#0f1218',
    foreground: '#d8dde8',
    cursor: '#0f1218',
    selectionBackground: '#3a4566',
  },
  light: {
    background: '#fbfbfd',
    foreground: '#1c2230',
    cursor: '#fbfbfd',
    selectionBackground: '#c9d6f5',
  },
};
