// Onboarding: whether there is a usable cluster at all (no kubeconfig, no contexts, nothing
// answering), and the local-cluster create with its live progress lines.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterProgress, ClusterStatus, StoredeckApi } from '../../../../preload/contract';

export type OnboardingState = {
  status: ClusterStatus | null;
  checking: boolean;
  /** The create in progress or just ended; null before one starts. */
  run: { id: string; lines: ClusterProgress[]; phase: ClusterProgress['phase'] } | null;
  error: string | null;
  check(): Promise<void>;
  /** Reads the kubeconfig again (a file written since the start, e.g. by k3d or a colleague), then checks. */
  recheck(): Promise<void>;
  createLocalCluster(): Promise<void>;
  cancel(): Promise<void>;
  /** Fetches the pinned, checksummed kind into the data dir (for users with Docker only). */
  downloadKind(): Promise<void>;
  downloading: boolean;
  /** Follows clusterProgress; calls onDone once a create ends well. Returns the unsubscribe. */
  follow(onDone: () => void): () => void;
};

const ENDED = new Set(['done', 'failed', 'cancelled']);

export function createOnboardingStore(api: StoredeckApi): StoreApi<OnboardingState> {
  return createStore<OnboardingState>((set, get) => ({
    status: null,
    checking: false,
    run: null,
    error: null,
    downloading: false,
    async check() {
      set({ checking: true });
      const result = await api.getClusterStatus({});
      set(
        result.ok
          ? { status: result.value, checking: false, error: null }
          : { checking: false, error: result.error.message },
      );
    },
    async recheck() {
      set({ checking: true, error: null });
      const reloaded = await api.reloadKubeconfig({});
      // A kubeconfig that still does not exist is what check() reports; other errors are shown as they are.
      if (!reloaded.ok && reloaded.error.code !== 'no_context') set({ error: reloaded.error.message });
      await get().check();
    },
    async createLocalCluster() {
      set({ error: null });
      const started = await api.createLocalCluster({});
      if (!started.ok) return set({ error: started.error.message });
      // Lines may have arrived before the id did: keep those of this operation.
      const early = get().run?.id === started.value.operationId ? get().run!.lines : [];
      set({ run: { id: started.value.operationId, lines: early, phase: early.at(-1)?.phase ?? 'check' } });
    },
    async downloadKind() {
      set({ downloading: true, error: null });
      const result = await api.downloadKind({});
      set({ downloading: false, error: result.ok ? null : result.error.message });
      await get().check();
    },
    async cancel() {
      const run = get().run;
      if (run && !ENDED.has(run.phase)) await api.cancelClusterOperation({ operationId: run.id });
    },
    follow(onDone) {
      return api.on.clusterProgress((p) => {
        if (p.operation !== 'create') return;
        const run = get().run;
        const lines = run && run.id === p.operationId ? [...run.lines, p] : [p];
        set({ run: { id: p.operationId, lines, phase: p.phase } });
        if (p.phase === 'done') onDone();
        if (p.phase === 'failed' || p.phase === 'cancelled') void get().check();
      });
    },
  }));
}
