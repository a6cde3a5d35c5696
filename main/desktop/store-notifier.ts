// Decides when a store deserves a desktop notification: the moment it becomes Ready or Failed,
// once per transition — not on start-up, not on every later update of a store already there.
import type { Store, StoreStatus } from '../../preload/contract';

export type StoreNotice = { storeId: string; title: string; body: string; url: string | null };

export type StoreNotifier = {
  /** Remembers the statuses already shown (e.g. from listStores at start) without notifying. */
  seed(stores: Store[]): void;
  observe(store: Store): StoreNotice | null;
  forget(storeId: string): void;
};

export function createStoreNotifier(): StoreNotifier {
  const last = new Map<string, StoreStatus>();
  return {
    seed(stores) {
      for (const store of stores) last.set(store.id, store.status);
    },
    observe(store) {
      const previous = last.get(store.id);
      last.set(store.id, store.status);
      if (previous === store.status) return null;
      if (store.status === 'Ready') {
        return {
          storeId: store.id,
          title: `${store.name} is ready`,
          body: store.url ? `Open ${store.url} to visit the shop.` : 'The store finished provisioning.',
          url: store.url,
        };
      }
      if (store.status === 'Failed') {
        const step = store.errorStep ? ` at ${store.errorStep}` : '';
        return {
          storeId: store.id,
          title: `${store.name} failed`,
          body: `Provisioning failed${step}: ${store.errorMessage ?? 'no reason recorded'}`,
          url: null,
        };
      }
      return null;
    },
    forget(storeId) {
      last.delete(storeId);
    },
  };
}
