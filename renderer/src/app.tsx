import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { AuditView } from './features/audit/audit-view';
import { ClusterView } from './features/cluster/cluster-view';
import { CreateStoreDialog } from './features/create-store/create-store-dialog';
import { SettingsDialog } from './features/settings/settings-dialog';
import { AppHeader } from './features/shell/app-header';
import { useTheme } from './features/shell/use-theme';
import { createOnboardingStore } from './features/onboarding/onboarding.state';
import { OnboardingView } from './features/onboarding/onboarding-view';
import { ClusterBanner } from './features/stores/cluster-banner';
import { StoreList } from './features/stores/store-list';
import { useAppStores } from './app-stores-context';

export function App() {
  const { api, stores, appInfo, plans, theme, timeline, view } = useAppStores();
  const current = useStore(view, (s) => s.view);
  const [onboarding] = useState(() => createOnboardingStore(api));
  const clusterProblem = useStore(onboarding, (s) =>
    s.status && s.status.context === null ? s.status.kubeconfigProblem : null,
  );
  const storeCount = useStore(stores, (s) => s.stores.length);
  const onboardingShown = clusterProblem !== null && storeCount === 0;
  const [creating, setCreating] = useState(false);
  useTheme();

  // Four requests whatever the number of stores: the app (with theme and cluster health), the
  // contexts, the plans, and the store list that carries what every card shows.
  useEffect(() => {
    void appInfo
      .getState()
      .load()
      .then(() => {
        const info = appInfo.getState().info;
        if (!info) return;
        theme.getState().adopt(info.theme);
        plans.getState().adopt(info.plans);
        stores.getState().setHealth(info.contextHealth);
        // No kubeconfig, no contexts or none selected: onboarding says why and offers a local cluster.
        // (A context that stops answering keeps its stores on screen under the cluster banner.)
        if (!info.context) void onboarding.getState().check();
      });
    void stores.getState().load();
  }, [appInfo, onboarding, plans, stores, theme]);

  useEffect(() => stores.getState().follow(() => appInfo.getState().current), [appInfo, stores]);
  useEffect(() => timeline.getState().follow(), [timeline]);
  // A local cluster came up: it is the context now, so reload what depends on the context.
  useEffect(
    () =>
      onboarding.getState().follow(() => {
        void Promise.all([appInfo.getState().load(), stores.getState().load()]).then(() =>
          onboarding.getState().check(),
        );
      }),
    [appInfo, onboarding, stores],
  );
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
        {current === 'stores' && onboardingShown && <OnboardingView onboarding={onboarding} />}
        {current === 'stores' && !onboardingShown && <StoreList onCreate={() => setCreating(true)} />}
        {current === 'audit' && <AuditView />}
        {current === 'cluster' && <ClusterView />}
      </main>
      <CreateStoreDialog open={creating} onClose={() => setCreating(false)} />
      <SettingsDialog />
    </div>
  );
}
