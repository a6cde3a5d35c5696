// What the header shows: the app's mode and the cluster context, with the contexts to pick from.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContextInfo, ResponseOf, Result, StoredeckApi } from '../../../../preload/contract';

export type AppInfoState = {
  info: ResponseOf<'getAppInfo'> | null;
  contexts: ContextInfo[];
  current: string | null;
  error: string | null;
  load(): Promise<void>;
  selectContext(name: string): Promise<Result<ContextInfo>>;
};

export function createAppInfoStore(api: StoredeckApi): StoreApi<AppInfoState> {
  return createStore<AppInfoState>((set) => ({
    info: null,
    contexts: [],
    current: null,
    error: null,
    async load() {
      const [info, contexts] = await Promise.all([api.getAppInfo({}), api.listContexts({})]);
      set({
        info: info.ok ? info.value : null,
        contexts: contexts.ok ? contexts.value.contexts : [],
        current: contexts.ok ? contexts.value.current : info.ok ? info.value.context : null,
        error: !contexts.ok ? contexts.error.message : !info.ok ? info.error.message : null,
      });
    },
    async selectContext(name) {
      const result = await api.selectContext({ name });
      if (result.ok) set({ current: result.value.name, error: null });
      else set({ error: result.error.message });
      return result;
    },
  }));
}
