// The audit log view: the newest entries, loaded when the view opens and on demand.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditEntry, StoredeckApi } from '../../../../preload/contract';

export type AuditState = {
  entries: AuditEntry[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load(limit?: number): Promise<void>;
};

export function createAuditStore(api: StoredeckApi): StoreApi<AuditState> {
  return createStore<AuditState>((set) => ({
    entries: [],
    loading: false,
    loaded: false,
    error: null,
    async load(limit = 200) {
      set({ loading: true });
      const result = await api.listAudit({ limit });
      if (result.ok) set({ entries: result.value, loading: false, loaded: true, error: null });
      else set({ loading: false, loaded: true, error: result.error.message });
    },
  }));
}
