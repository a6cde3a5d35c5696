// Every UI store of one renderer, created once over the one API (bridge or web host).
// Per-store stores (health, logs, actions) are made by the components that show one store.
import type { StoreApi } from 'zustand/vanilla';
import type { StoredeckApi } from '../../preload/contract';
import type { Transport } from './api/client';
import { createAppInfoStore, type AppInfoState } from './features/shell/app-info.state';
import { createPlansStore, type PlansState } from './features/shell/plans.state';
import { createAuditStore, type AuditState } from './features/audit/audit.state';
import { createPreflightStore, type PreflightState } from './features/cluster/preflight.state';
import { createSettingsStore, type SettingsState } from './features/settings/settings.state';
import { createStoresStore, type StoresState } from './features/stores/stores.state';
import { createThemeStore, type ThemeState } from './features/shell/theme.state';
import { createTimelineStore, type TimelineState } from './features/timeline/timeline.state';
import { createViewStore, type ViewState } from './features/shell/view.state';

export type AppStores = {
  api: StoredeckApi;
  transport: Transport;
  stores: StoreApi<StoresState>;
  appInfo: StoreApi<AppInfoState>;
  plans: StoreApi<PlansState>;
  theme: StoreApi<ThemeState>;
  timeline: StoreApi<TimelineState>;
  view: StoreApi<ViewState>;
  audit: StoreApi<AuditState>;
  preflight: StoreApi<PreflightState>;
  settings: StoreApi<SettingsState>;
};

export function createAppStores(
  api: StoredeckApi,
  systemDark: boolean,
  transport: Transport = 'web',
): AppStores {
  const timeline = createTimelineStore(api);
  return {
    api,
    transport,
    stores: createStoresStore(api, { seedEvents: (id, events) => timeline.getState().seed(id, events) }),
    appInfo: createAppInfoStore(api),
    plans: createPlansStore(api),
    theme: createThemeStore(api, systemDark),
    timeline,
    view: createViewStore(),
    audit: createAuditStore(api),
    preflight: createPreflightStore(api),
    settings: createSettingsStore(api),
  };
}
