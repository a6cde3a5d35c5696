import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { AppNav } from './app-nav';
import { ContextPicker } from './context-picker';
import { ThemeToggle } from './theme-toggle';

export function AppHeader() {
  const { appInfo, view } = useAppStores();
  const error = useStore(appInfo, (s) => s.error);
  const simulated = useStore(appInfo, (s) => s.info?.simulated === true);
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <img className="brand-mark" src="favicon.png" alt="" />
          <h1>Storedeck</h1>
          {simulated && (
            <span
              className="simulated-badge"
              title="Demo: a simulated Kubernetes cluster; no real stores are created"
            >
              simulated cluster
            </span>
          )}
        </div>
        <AppNav />
        <ContextPicker />
        <button
          type="button"
          className="icon-button"
          aria-label="Settings"
          title="Settings"
          onClick={() => view.getState().setSettingsOpen(true)}
        >
          <span aria-hidden="true">⚙</span>
        </button>
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
