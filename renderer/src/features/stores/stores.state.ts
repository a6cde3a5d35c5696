// The store list of the current cluster context: loaded once (with what every card shows), then
// kept live by the event streams, including the live status of Ready stores and whether the
// cluster answers at all.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  ContextHealth,
  LiveStatus,
  RequestOf,
  Result,
  Store,
  StoredeckApi,
  TimelineEvent,
} from '../../../../preload/contract';

export type StoresState = {
  stores: Store[];
  /** Live status of Ready stores, by store id. */
  live: Record<string, LiveStatus>;
  /** Whether the current context answers (null until known). */
  health: ContextHealth | null;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  create(request: RequestOf<'createStore'>): Promise<Result<Store>>;
  setHealth(health: ContextHealth | null): void;
  /** Subscribes to storeChanged/storeRemoved/liveStatus/contextHealth; returns the unsubscribe function. */
  follow(currentContext: () => string | null): () => void;
};

export type StoresStoreOptions = {
  /** Hands each card's latest events (they come with the list) to the timeline state. */
  seedEvents?: (id: string, events: TimelineEvent[]) => void;
};

const byNewest = (a: Store, b: Store) => b.createdAt.localeCompare(a.createdAt);

/**
 * Keeps the newer of two versions of a store. Answers and events travel separately, so an
 * answer can land after an event that is newer than it (a create answered "Queued" after the
 * event saying "Provisioning"): a version older than the one shown is dropped.
 */
function upsert(list: Store[], store: Store): Store[] {
  const current = list.find((s) => s.id === store.id);
  if (current && current.updatedAt > store.updatedAt) return list;
  const rest = list.filter((s) => s.id !== store.id);
  return [...rest, store].sort(byNewest);
}

const stripSummary = (store: Store & { recentEvents?: unknown; live?: unknown }): Store => {
  const { recentEvents: _events, live: _live, ...plain } = store;
  return plain;
};

export function createStoresStore(
  api: StoredeckApi,
  options: StoresStoreOptions = {},
): StoreApi<StoresState> {
  return createStore<StoresState>((set, get) => ({
    stores: [],
    live: {},
    health: null,
    loaded: false,
    error: null,
    async load() {
      const result = await api.listStores({});
      if (!result.ok) return set({ loaded: true, error: result.error.message });
      const live: Record<string, LiveStatus> = {};
      let stores = get().stores.filter((s) => result.value.some((r) => r.id === s.id));
      for (const summary of result.value) {
        options.seedEvents?.(summary.id, summary.recentEvents);
        if (summary.live) live[summary.id] = summary.live;
        stores = upsert(stores, stripSummary(summary));
      }
      set({ stores, live: { ...live, ...get().live }, loaded: true, error: null });
    },
    async create(request) {
      const result = await api.createStore(request);
      // The answer is the store as admitted; any storeChanged already here is at least as new.
      if (result.ok && !get().stores.some((s) => s.id === result.value.id))
        set({ stores: upsert(get().stores, result.value) });
      return result;
    },
    setHealth(health) {
      set({ health });
    },
    follow(currentContext) {
      const offChanged = api.on.storeChanged((store) => {
        const context = currentContext();
        // Stores of other contexts keep provisioning in the background but are not listed here.
        if (context !== null && store.context !== context) return;
        set({ stores: upsert(get().stores, store) });
      });
      const offRemoved = api.on.storeRemoved(({ id }) => {
        const { [id]: _gone, ...live } = get().live;
        set({ stores: get().stores.filter((s) => s.id !== id), live });
      });
      const offLive = api.on.liveStatus((status) => {
        set({ live: { ...get().live, [status.storeId]: status } });
      });
      const offHealth = api.on.contextHealth((health) => {
        if (health.context === currentContext()) set({ health });
      });
      return () => {
        offChanged();
        offRemoved();
        offLive();
        offHealth();
      };
    },
  }));
}
