// One watch cache per store in progress: Deployments, Jobs, Pods, PVCs and Events of its
// namespace, listed once and then kept current by watch, plus the cluster's StorageClasses from
// one watch per client shared by all its stores in progress (cluster-scoped: the same list for
// every store, so fifty stores need not open fifty copies). Every pass of the store reads its
// snapshot from here (no request), and every change enqueues the store's key, so a waiting store
// holds no slot and is looked at again the moment anything moves.
import type { KubeClient } from '../kube/client';
import { KINDS, type KindRef } from '../kube/kinds';
import { startWatchSet, type WatchSet } from '../kube/watch-set';
import type { NamespaceSnapshot } from './observe';

type SourceKey = Exclude<keyof NamespaceSnapshot, 'departedJobs' | 'storageClasses'>;

const SOURCES: Record<SourceKey, KindRef> = {
  deployments: KINDS.Deployment,
  jobs: KINDS.Job,
  pods: KINDS.Pod,
  pvcs: KINDS.PersistentVolumeClaim,
  events: KINDS.Event,
};

/** The cluster's StorageClasses for every store in progress on one client. */
class ClusterWatch {
  readonly users = new Set<StoreWatch>();
  listed = false;
  fatal: unknown = null;
  private readonly set: WatchSet;

  constructor(client: KubeClient) {
    this.set = startWatchSet(
      client,
      KINDS.StorageClass,
      {},
      {
        streamingList: true,
        onChange: () => {
          this.listed = true;
          for (const user of this.users) user.changed();
        },
        onFatal: (error) => {
          this.fatal = error;
          for (const user of this.users) user.changed();
        },
      },
    );
  }

  storageClasses() {
    return this.set.items();
  }

  stop(): void {
    this.set.stop();
  }
}

export class StoreWatch {
  private readonly sets = new Map<SourceKey, WatchSet>();
  private readonly listed = new Set<SourceKey>();
  private fatal: unknown = null;
  private stopped = false;

  constructor(
    readonly client: KubeClient,
    readonly namespace: string,
    private readonly cluster: ClusterWatch,
    private readonly onChange: () => void,
  ) {
    cluster.users.add(this);
    for (const key of Object.keys(SOURCES) as SourceKey[]) {
      const set = startWatchSet(
        client,
        SOURCES[key],
        { namespace },
        {
          streamingList: true,
          onChange: () => {
            this.listed.add(key);
            this.changed();
          },
          onFatal: (error) => {
            this.fatal = error;
            if (!this.stopped) this.onChange();
          },
        },
      );
      this.sets.set(key, set);
    }
  }

  private get allListed(): boolean {
    return this.listed.size === this.sets.size && this.cluster.listed;
  }

  /** A source moved: the store is looked at again once every source has listed. */
  changed(): void {
    if (this.stopped) return;
    if (this.allListed || this.cluster.fatal) this.onChange();
  }

  /** Every source as last seen; null until each has listed once. Throws what stopped a watch. */
  snapshot(): NamespaceSnapshot | null {
    if (this.fatal) throw this.fatal;
    if (this.cluster.fatal) throw this.cluster.fatal;
    if (!this.allListed) return null;
    const items = (key: SourceKey) => this.sets.get(key)?.items() ?? [];
    return {
      deployments: items('deployments'),
      jobs: items('jobs'),
      pods: items('pods'),
      pvcs: items('pvcs'),
      events: items('events'),
      storageClasses: this.cluster.storageClasses(),
      departedJobs: this.sets.get('jobs')?.departed() ?? [],
    };
  }

  stop(): void {
    this.stopped = true;
    this.cluster.users.delete(this);
    for (const set of this.sets.values()) set.stop();
  }
}

/** The watch caches of the stores in progress, by store id (opened by a pass, closed when it ends). */
export class StoreWatches {
  private readonly watches = new Map<string, StoreWatch>();
  private readonly clusters = new Map<KubeClient, ClusterWatch>();

  constructor(private readonly onChange: (storeId: string) => void) {}

  /** The store's cache, opened on first use (or again when its client or namespace changed). */
  open(storeId: string, client: KubeClient, namespace: string): StoreWatch {
    const existing = this.watches.get(storeId);
    if (existing && existing.client === client && existing.namespace === namespace) return existing;
    if (existing) this.close(storeId);
    let cluster = this.clusters.get(client);
    // A watch that failed for good is not shared on: the next store starts a fresh one.
    if (!cluster || cluster.fatal) {
      cluster = new ClusterWatch(client);
      this.clusters.set(client, cluster);
    }
    const watch = new StoreWatch(client, namespace, cluster, () => this.onChange(storeId));
    this.watches.set(storeId, watch);
    return watch;
  }

  close(storeId: string): void {
    const watch = this.watches.get(storeId);
    if (!watch) return;
    watch.stop();
    this.watches.delete(storeId);
    for (const [client, cluster] of this.clusters)
      if (cluster.users.size === 0) {
        cluster.stop();
        this.clusters.delete(client);
      }
  }

  /** Shared cluster-wide watches open (one per client with a store in progress). */
  get clusterWatches(): number {
    return this.clusters.size;
  }

  closeAll(): void {
    for (const id of [...this.watches.keys()]) this.close(id);
  }

  get size(): number {
    return this.watches.size;
  }
}
