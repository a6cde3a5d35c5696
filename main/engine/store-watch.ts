// One watch cache per store in progress: Deployments, Jobs, Pods, PVCs and Events of its
// namespace, and the cluster's StorageClasses, listed once and then kept current by watch. Every
// pass of the store reads its snapshot from here (no request), and every change enqueues the
// store's key, so a waiting store holds no slot and is looked at again the moment anything moves.
import type { KubeClient } from '../kube/client';
import { KINDS, type KindRef } from '../kube/kinds';
import { startWatchSet, type WatchScope, type WatchSet } from '../kube/watch-set';
import type { NamespaceSnapshot } from './observe';

type SourceKey = Exclude<keyof NamespaceSnapshot, 'departedJobs'>;

const SOURCES: Record<SourceKey, { kind: KindRef; clusterWide?: boolean }> = {
  deployments: { kind: KINDS.Deployment },
  jobs: { kind: KINDS.Job },
  pods: { kind: KINDS.Pod },
  pvcs: { kind: KINDS.PersistentVolumeClaim },
  events: { kind: KINDS.Event },
  storageClasses: { kind: KINDS.StorageClass, clusterWide: true },
};

export class StoreWatch {
  private readonly sets = new Map<SourceKey, WatchSet>();
  private readonly listed = new Set<SourceKey>();
  private fatal: unknown = null;
  private stopped = false;

  constructor(
    readonly client: KubeClient,
    readonly namespace: string,
    private readonly onChange: () => void,
  ) {
    for (const key of Object.keys(SOURCES) as SourceKey[]) {
      const source = SOURCES[key];
      const scope: WatchScope = source.clusterWide ? {} : { namespace };
      const set = startWatchSet(client, source.kind, scope, {
        streamingList: true,
        onChange: () => {
          this.listed.add(key);
          if (!this.stopped && this.listed.size === this.sets.size) this.onChange();
        },
        onFatal: (error) => {
          this.fatal = error;
          if (!this.stopped) this.onChange();
        },
      });
      this.sets.set(key, set);
    }
  }

  /** Every source as last seen; null until each has listed once. Throws what stopped a watch. */
  snapshot(): NamespaceSnapshot | null {
    if (this.fatal) throw this.fatal;
    if (this.listed.size < this.sets.size) return null;
    const items = (key: SourceKey) => this.sets.get(key)?.items() ?? [];
    return {
      deployments: items('deployments'),
      jobs: items('jobs'),
      pods: items('pods'),
      pvcs: items('pvcs'),
      events: items('events'),
      storageClasses: items('storageClasses'),
      departedJobs: this.sets.get('jobs')?.departed() ?? [],
    };
  }

  stop(): void {
    this.stopped = true;
    for (const set of this.sets.values()) set.stop();
  }
}

/** The watch caches of the stores in progress, by store id (opened by a pass, closed when it ends). */
export class StoreWatches {
  private readonly watches = new Map<string, StoreWatch>();

  constructor(private readonly onChange: (storeId: string) => void) {}

  /** The store's cache, opened on first use (or again when its client or namespace changed). */
  open(storeId: string, client: KubeClient, namespace: string): StoreWatch {
    const existing = this.watches.get(storeId);
    if (existing && existing.client === client && existing.namespace === namespace) return existing;
    existing?.stop();
    const watch = new StoreWatch(client, namespace, () => this.onChange(storeId));
    this.watches.set(storeId, watch);
    return watch;
  }

  close(storeId: string): void {
    this.watches.get(storeId)?.stop();
    this.watches.delete(storeId);
  }

  closeAll(): void {
    for (const id of [...this.watches.keys()]) this.close(id);
  }

  get size(): number {
    return this.watches.size;
  }
}
