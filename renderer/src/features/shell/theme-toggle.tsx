import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { IconButton } from '../../shared/icon-button';

export function ThemeToggle() {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  const next = resolved === 'dark' ? 'light' : 'dark';
  return (
    <IconButton
      label={`Switch to ${next} theme`}
      glyph={resolved === 'dark' ? '☀' : '☾'}
      onClick={() => void theme.getState().toggle()}
    />
  );
}
