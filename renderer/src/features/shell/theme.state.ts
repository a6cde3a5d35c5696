// Light or dark: follows the system until the user picks one, and remembers the pick in settings.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Settings, StoredeckApi } from '../../../../preload/contract';

export type ThemePreference = Settings['theme'];
export type ResolvedTheme = 'dark' | 'light';

export type ThemeState = {
  preference: ThemePreference;
  systemDark: boolean;
  resolved(): ResolvedTheme;
  load(): Promise<void>;
  setSystemDark(dark: boolean): void;
  toggle(): Promise<void>;
  /** Takes a preference main already saved (the Settings dialog). */
  adopt(preference: ThemePreference): void;
};

export function createThemeStore(api: StoredeckApi, systemDark: boolean): StoreApi<ThemeState> {
  return createStore<ThemeState>((set, get) => ({
    preference: 'system',
    systemDark,
    resolved() {
      const { preference, systemDark: dark } = get();
      if (preference === 'system') return dark ? 'dark' : 'light';
      return preference;
    },
    async load() {
      const settings = await api.getSettings({});
      if (settings.ok) set({ preference: settings.value.theme });
    },
    setSystemDark(dark) {
      set({ systemDark: dark });
    },
    async toggle() {
      const next: ResolvedTheme = get().resolved() === 'dark' ? 'light' : 'dark';
      set({ preference: next });
      // The switch applies at once; failing to persist it only costs the pick on next start.
      await api.updateSettings({ theme: next });
    },
    adopt(preference) {
      set({ preference });
    },
  }));
}
