// The cluster's preflight checks for the current context, run on demand.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Preflight, StoredeckApi } from '../../../../preload/contract';

export type PreflightState = {
  result: Preflight | null;
  running: boolean;
  error: string | null;
  ranAt: string | null;
  run(): Promise<void>;
};

export function createPreflightStore(api: StoredeckApi, now = () => new Date()): StoreApi<PreflightState> {
  return createStore<PreflightState>((set) => ({
    result: null,
    running: false,
    error: null,
    ranAt: null,
    async run() {
      set({ running: true });
      const result = await api.runPreflight({});
      const ranAt = now().toISOString();
      // A context switch makes old results misleading, so an error clears them.
      if (result.ok) set({ result: result.value, running: false, error: null, ranAt });
      else set({ result: null, running: false, error: result.error.message, ranAt });
    },
  }));
}
