import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';

export function ThemeToggle() {
  const { theme } = useAppStores();
  const resolved = useStore(theme, (s) => s.resolved());
  const next = resolved === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => void theme.getState().toggle()}
    >
      <span aria-hidden="true">{resolved === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
