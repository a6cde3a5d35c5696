import { useStore } from 'zustand';
import { useAppStores } from '../../app-stores-context';
import { ErrorBanner } from '../../shared/error-banner';
import { IconButton } from '../../shared/icon-button';
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
        <IconButton label="Settings" glyph="⚙" onClick={() => view.getState().setSettingsOpen(true)} />
        <ThemeToggle />
      </header>
      <ErrorBanner error={error} />
    </>
  );
}
