// One store's health (pods, volumes, quota), refreshed on demand; a slow answer that was
// overtaken by a newer refresh is dropped so the panel never goes back in time.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StoreHealth, StoredeckApi } from '../../../../preload/contract';

export type HealthState = {
  health: StoreHealth | null;
  error: string | null;
  loading: boolean;
  refresh(): Promise<void>;
};

export function createHealthStore(api: StoredeckApi, id: string): StoreApi<HealthState> {
  let latest = 0;
  return createStore<HealthState>((set) => ({
    health: null,
    error: null,
    loading: false,
    async refresh() {
      const request = ++latest;
      set({ loading: true });
      const result = await api.getHealth({ id });
      if (request !== latest) return;
      if (result.ok) set({ health: result.value, error: null, loading: false });
      // The last good numbers stay on screen under the error: they say what was seen when.
      else set({ error: result.error.message, loading: false });
    },
  }));
}
