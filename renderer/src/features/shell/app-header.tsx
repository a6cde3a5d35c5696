import { useStore } from 'zustand';
import { useAppStores } from '../../stores/app-stores-context';
import { ContextPicker } from './context-picker';
import { ThemeToggle } from './theme-toggle';

export function AppHeader() {
  const { appInfo } = useAppStores();
  const error = useStore(appInfo, (s) => s.error);
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <img className="brand-mark" src="favicon.png" alt="" />
          <h1>Storedeck</h1>
        </div>
        <ContextPicker />
        <ThemeToggle />
      </header>
      {error && (
        <p className="banner" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
