import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { AuditView } from './features/audit/audit-view';
import { ClusterView } from './features/cluster/cluster-view';
import { CreateStoreDialog } from './features/create-store/create-store-dialog';
import { SettingsDialog } from './features/settings/settings-dialog';
import { AppHeader } from './features/shell/app-header';
import { useTheme } from './features/shell/use-theme';
import { ClusterBanner } from './features/stores/cluster-banner';
import { StoreList } from './features/stores/store-list';
import { useAppStores } from './app-stores-context';

export function App() {
  const { stores, appInfo, theme, timeline, view } = useAppStores();
  const current = useStore(view, (s) => s.view);
  const [creating, setCreating] = useState(false);
  useTheme();

  // Three requests whatever the number of stores: the app (with theme and cluster health), the
  // contexts, and the store list that carries what every card shows.
  useEffect(() => {
    void appInfo
      .getState()
      .load()
      .then(() => {
        const info = appInfo.getState().info;
        if (!info) return;
        theme.getState().adopt(info.theme);
        stores.getState().setHealth(info.contextHealth);
      });
    void stores.getState().load();
  }, [appInfo, stores, theme]);

  useEffect(() => stores.getState().follow(() => appInfo.getState().current), [appInfo, stores]);
  useEffect(() => timeline.getState().follow(), [timeline]);
  // A store that is gone (deleted, or another context picked) closes its detail.
  useEffect(
    () =>
      stores.subscribe((state) => {
        const selected = view.getState().selectedId;
        if (selected && state.loaded && !state.stores.some((s) => s.id === selected))
          view.getState().select(null);
      }),
    [stores, view],
  );

  return (
    <div className="app">
      <AppHeader />
      <ClusterBanner />
      <main className="content">
        {current === 'stores' && <StoreList onCreate={() => setCreating(true)} />}
        {current === 'audit' && <AuditView />}
        {current === 'cluster' && <ClusterView />}
      </main>
      <CreateStoreDialog open={creating} onClose={() => setCreating(false)} />
      <SettingsDialog />
    </div>
  );
}
