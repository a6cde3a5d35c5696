// Every UI store of one renderer, created once over the one API (bridge or web host).
import type { StoreApi } from 'zustand/vanilla';
import type { StoredeckApi } from '../../../preload/contract';
import { createAppInfoStore, type AppInfoState } from './app-info.store';
import { createStoresStore, type StoresState } from './stores.store';
import { createThemeStore, type ThemeState } from './theme.store';

export type AppStores = {
  api: StoredeckApi;
  stores: StoreApi<StoresState>;
  appInfo: StoreApi<AppInfoState>;
  theme: StoreApi<ThemeState>;
};

export function createAppStores(api: StoredeckApi, systemDark: boolean): AppStores {
  return {
    api,
    stores: createStoresStore(api),
    appInfo: createAppInfoStore(api),
    theme: createThemeStore(api, systemDark),
  };
}
