// Applies the resolved theme to <html data-theme> and follows the system setting while it is "system".
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';

export function useTheme(): 'dark' | 'light' {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (event: MediaQueryListEvent) => theme.getState().setSystemDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);
  return resolved;
}
