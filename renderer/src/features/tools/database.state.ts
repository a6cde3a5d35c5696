// The database connection of one store's Tools tab: opened on request, closed when the tab
// goes away (or on Close). The password is held only while the connection is shown.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ResponseOf, StoredeckApi } from '../../../../preload/contract';

export type OpenDatabase = ResponseOf<'openDatabase'>;

export type DatabaseState = {
  opening: boolean;
  open: OpenDatabase | null;
  error: string | null;
  openDatabase(): Promise<void>;
  close(): Promise<void>;
};

export function createDatabaseStore(api: StoredeckApi, id: string): StoreApi<DatabaseState> {
  return createStore<DatabaseState>((set, get) => ({
    opening: false,
    open: null,
    error: null,
    async openDatabase() {
      if (get().opening || get().open) return;
      set({ opening: true, error: null });
      const result = await api.openDatabase({ id });
      set({
        opening: false,
        open: result.ok ? result.value : null,
        error: result.ok ? null : result.error.message,
      });
    },
    async close() {
      const open = get().open;
      set({ open: null });
      if (open) await api.closeDatabase({ forwardId: open.forwardId });
    },
  }));
}
