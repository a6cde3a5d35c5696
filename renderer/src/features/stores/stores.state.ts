// The store list of the current cluster context: loaded once, then kept live by the event streams.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RequestOf, Result, Store, StoredeckApi } from '../../../../preload/contract';

export type StoresState = {
  stores: Store[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  create(request: RequestOf<'createStore'>): Promise<Result<Store>>;
  /** Subscribes to storeChanged/storeRemoved; returns the unsubscribe function. */
  follow(currentContext: () => string | null): () => void;
};

const byNewest = (a: Store, b: Store) => b.createdAt.localeCompare(a.createdAt);

function upsert(list: Store[], store: Store): Store[] {
  const rest = list.filter((s) => s.id !== store.id);
  return [...rest, store].sort(byNewest);
}

export function createStoresStore(api: StoredeckApi): StoreApi<StoresState> {
  return createStore<StoresState>((set, get) => ({
    stores: [],
    loaded: false,
    error: null,
    async load() {
      const result = await api.listStores({});
      if (result.ok) set({ stores: [...result.value].sort(byNewest), loaded: true, error: null });
      else set({ loaded: true, error: result.error.message });
    },
    async create(request) {
      const result = await api.createStore(request);
      if (result.ok) set({ stores: upsert(get().stores, result.value) });
      return result;
    },
    follow(currentContext) {
      const offChanged = api.on.storeChanged((store) => {
        const context = currentContext();
        // Stores of other contexts keep provisioning in the background but are not listed here.
        if (context !== null && store.context !== context) return;
        set({ stores: upsert(get().stores, store) });
      });
      const offRemoved = api.on.storeRemoved(({ id }) => {
        set({ stores: get().stores.filter((s) => s.id !== id) });
      });
      return () => {
        offChanged();
        offRemoved();
      };
    },
  }));
}
