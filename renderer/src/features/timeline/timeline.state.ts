// Timeline events per store: loaded once per store, then kept live by the timelineEvent stream,
// so the cards and the Timeline tab show the same steps as they happen.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StoredeckApi, TimelineEvent } from '../../../../preload/contract';

export type TimelineState = {
  byStore: Record<string, TimelineEvent[]>;
  errors: Record<string, string>;
  loading: Record<string, boolean>;
  /** Loads a store's events unless they were already loaded. */
  ensure(id: string): Promise<void>;
  reload(id: string): Promise<void>;
  /** Takes the latest events that came with the store list (the detail still loads them all). */
  seed(id: string, events: TimelineEvent[]): void;
  forget(id: string): void;
  /** Subscribes to timelineEvent and storeRemoved; returns the unsubscribe function. */
  follow(): () => void;
};

/** Events in the order the engine wrote them (ids grow), without duplicates. */
function mergeEvents(current: TimelineEvent[], incoming: TimelineEvent[]): TimelineEvent[] {
  const byId = new Map<number, TimelineEvent>();
  for (const event of [...current, ...incoming]) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

const without = <V>(record: Record<string, V>, key: string): Record<string, V> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

export function createTimelineStore(api: StoredeckApi): StoreApi<TimelineState> {
  const requested = new Set<string>();
  return createStore<TimelineState>((set, get) => ({
    byStore: {},
    errors: {},
    loading: {},
    async ensure(id) {
      if (requested.has(id)) return;
      await get().reload(id);
    },
    async reload(id) {
      requested.add(id);
      set({ loading: { ...get().loading, [id]: true } });
      const result = await api.listEvents({ id });
      const { byStore, errors, loading } = get();
      if (result.ok) {
        // Events that arrived live while the list was on its way are kept by the merge.
        set({
          byStore: { ...byStore, [id]: mergeEvents(byStore[id] ?? [], result.value) },
          errors: without(errors, id),
          loading: without(loading, id),
        });
      } else {
        requested.delete(id);
        set({ errors: { ...errors, [id]: result.error.message }, loading: without(loading, id) });
      }
    },
    seed(id, events) {
      if (events.length === 0) return;
      const { byStore } = get();
      set({ byStore: { ...byStore, [id]: mergeEvents(byStore[id] ?? [], events) } });
    },
    forget(id) {
      requested.delete(id);
      const { byStore, errors, loading } = get();
      set({ byStore: without(byStore, id), errors: without(errors, id), loading: without(loading, id) });
    },
    follow() {
      const offEvent = api.on.timelineEvent((event) => {
        const { byStore } = get();
        set({ byStore: { ...byStore, [event.storeId]: mergeEvents(byStore[event.storeId] ?? [], [event]) } });
      });
      const offRemoved = api.on.storeRemoved(({ id }) => get().forget(id));
      return () => {
        offEvent();
        offRemoved();
      };
    },
  }));
}
