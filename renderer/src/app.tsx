import { useEffect, useState } from 'react';
import { CreateStoreDialog } from './features/create-store/create-store-dialog';
import { AppHeader } from './features/shell/app-header';
import { useTheme } from './features/shell/use-theme';
import { StoreList } from './features/stores/store-list';
import { useAppStores } from './stores/app-stores-context';

export function App() {
  const { stores, appInfo, theme } = useAppStores();
  const [creating, setCreating] = useState(false);
  useTheme();

  useEffect(() => {
    void appInfo.getState().load();
    void stores.getState().load();
    void theme.getState().load();
  }, [appInfo, stores, theme]);

  useEffect(() => stores.getState().follow(() => appInfo.getState().current), [appInfo, stores]);

  return (
    <div className="app">
      <AppHeader />
      <main className="content">
        <StoreList onCreate={() => setCreating(true)} />
      </main>
      <CreateStoreDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
