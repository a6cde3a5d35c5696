// One backup, restore or clone started from the UI: its request, then the backupProgress
// events of its operation up to the last (done) one, which carries the outcome.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventOf, Result, StoredeckApi } from '../../../../preload/contract';

export type Progress = EventOf<'backupProgress'>;

export type OperationState = {
  starting: boolean;
  operationId: string | null;
  progress: Progress | null;
  /** A refusal of the request itself (before any progress). */
  error: string | null;
  start(request: () => Promise<Result<{ operationId: string }>>): Promise<void>;
  cancel(): Promise<void>;
  /** Stops listening (the component went away; the operation runs on in main). */
  dispose(): void;
};

export function createOperationStore(api: StoredeckApi): StoreApi<OperationState> {
  // Events that arrive before the request's answer names the operation are kept and matched then.
  const early: Progress[] = [];
  const store = createStore<OperationState>((set, get) => ({
    starting: false,
    operationId: null,
    progress: null,
    error: null,
    async start(request) {
      if (get().starting || (get().progress && !get().progress?.done)) return;
      early.length = 0;
      set({ starting: true, error: null, progress: null, operationId: null });
      const result = await request();
      if (!result.ok) {
        set({ starting: false, error: result.error.message });
        return;
      }
      const id = result.value.operationId;
      const seen = early.filter((p) => p.operationId === id);
      set({ starting: false, operationId: id, progress: seen[seen.length - 1] ?? null });
    },
    async cancel() {
      const id = get().operationId;
      if (id) await api.cancelBackupOperation({ operationId: id });
    },
    dispose() {
      unsubscribe();
    },
  }));
  const unsubscribe = api.on.backupProgress((p) => {
    const { operationId, starting } = store.getState();
    if (operationId === p.operationId) store.setState({ progress: p });
    else if (starting) early.push(p);
  });
  return store;
}
