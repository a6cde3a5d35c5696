// Where a context's live status comes from, kind by kind (watch-scope.ts decides): one watch per
// kind cluster-wide by the managed-by label, a watch per kind per store namespace, or LISTs per
// store namespace at a capped rate (namespace-poller.ts) that the cluster-wide watches hurry
// along (pods that came or went, the store namespaces themselves, which a namespaced user may
// watch everywhere). Holds what was last seen; the hub judges it.
import type { KubeClient } from '../../kube/client';
import type { ApiObject } from '../../kube/kube-object';
import { classifyError } from '../../kube/errors';
import { KINDS } from '../../kube/kinds';
import { startWatchSet, type WatchSet } from '../../kube/watch-set';
import { LABEL, MANAGED_BY } from '../model/labels';
import { WATCHED_KINDS, type WatchedKind } from './judge-live';
import { NamespacePoller } from './namespace-poller';
import { namespaceHints, podHints } from './namespace-hints';
import type { RestartTracker } from './restart-tracker';
import type { WatchScope, WatchScopes } from './watch-scope';

const SELECTOR = `${LABEL.managedBy}=${MANAGED_BY}`;
const NAMESPACES = 'Namespace/*';

const versionsOf = (items: ApiObject[]): string =>
  items
    .map((o) => `${o.metadata?.name}/${o.metadata?.uid}/${o.metadata?.resourceVersion}`)
    .sort()
    .join();

export interface LiveSourcesOptions {
  context: string;
  clientFor(context: string): KubeClient;
  /** The namespaces of the context's Ready stores, now. */
  readyNamespaces(): Set<string>;
  restarts: RestartTracker;
  /** Something was seen (a list, a watch event): judge again. */
  onChange(): void;
  pollSweepMs?: number;
  pollListsPerSecond?: number;
}

export class LiveSources {
  /** Per kind, once decided (null until the access reviews answered). */
  private scopes: WatchScopes | null = null;
  /** `<kind>/*` for a cluster-wide set, `<kind>/<namespace>` for a store namespace's. */
  private readonly sets = new Map<string, WatchSet>();
  private readonly listed = new Set<string>();
  private readonly items = new Map<string, ApiObject[]>();
  private poller: NamespacePoller | null = null;
  private readonly podHints = podHints();
  private readonly namespaceHints = namespaceHints();
  private stopped = false;

  constructor(private readonly options: LiveSourcesOptions) {}

  /** Opens the cluster-wide sets and follows the store namespaces. */
  start(scopes: WatchScopes): void {
    if (this.stopped) return;
    this.scopes = scopes;
    for (const kind of WATCHED_KINDS) if (scopes[kind] === 'cluster') this.openSet(kind, undefined);
    if (WATCHED_KINDS.some((kind) => scopes[kind] !== 'cluster')) this.openNamespaceSet();
    this.sync();
  }

  watchCount(): number {
    return this.sets.size;
  }

  pollStats(): { lists: number; sweepPeriodMs: number } | null {
    return this.poller ? { lists: this.poller.lists, sweepPeriodMs: this.poller.sweepPeriodMs() } : null;
  }

  mode(): WatchScope | 'mixed' | null {
    if (!this.scopes) return null;
    const all = [...new Set(Object.values(this.scopes))];
    return all.length === 1 && all[0] ? all[0] : 'mixed';
  }

  /** Kinds watched or polled per namespace: the Ready stores', followed as stores come and go. */
  sync(): void {
    const scopes = this.scopes;
    if (!scopes || this.stopped) return;
    const perNamespace = WATCHED_KINDS.filter((kind) => scopes[kind] === 'namespaced');
    const polled = WATCHED_KINDS.filter((kind) => scopes[kind] === 'polled');
    if (perNamespace.length === 0 && polled.length === 0) return;
    const wanted = this.options.readyNamespaces();
    const gone = (key: string) => {
      const namespace = key.slice(key.indexOf('/') + 1);
      return namespace !== '*' && !wanted.has(namespace);
    };
    for (const [key, set] of this.sets)
      if (gone(key)) {
        set.stop();
        this.sets.delete(key);
      }
    for (const key of this.listed)
      if (gone(key)) {
        this.items.delete(key);
        this.listed.delete(key);
      }
    if (polled.length > 0) {
      this.poller ??= this.startPoller(polled);
      this.poller.setNamespaces(wanted);
    }
    for (const namespace of wanted) for (const kind of perNamespace) this.openSet(kind, namespace);
  }

  /** Lists a store namespace's polled kinds now (nothing when every kind is watched). */
  checkSoon(namespace: string): void {
    this.poller?.checkSoon(namespace);
  }

  /** What is known of a store namespace by kind; null while any source has not listed it yet. */
  objectsOf(namespace: string): Partial<Record<WatchedKind, ApiObject[]>> | null {
    const scopes = this.scopes;
    if (!scopes) return null;
    const byKind: Partial<Record<WatchedKind, ApiObject[]>> = {};
    // The namespace is gone (or going): so is everything in it, whatever was last listed.
    if (this.listed.has(NAMESPACES)) {
      const ns = this.items.get(NAMESPACES)?.find((n) => n.metadata?.name === namespace);
      if (!ns || ns.metadata?.deletionTimestamp) {
        for (const kind of WATCHED_KINDS) byKind[kind] = [];
        return byKind;
      }
    }
    for (const kind of WATCHED_KINDS) {
      const key = scopes[kind] === 'cluster' ? `${kind}/*` : `${kind}/${namespace}`;
      if (!this.listed.has(key)) return null;
      byKind[kind] = (this.items.get(key) ?? []).filter((o) => o.metadata?.namespace === namespace);
    }
    return byKind;
  }

  stop(): void {
    this.stopped = true;
    this.poller?.stop();
    for (const set of this.sets.values()) set.stop();
    this.sets.clear();
  }

  private seen(key: string, items: ApiObject[]): void {
    this.items.set(key, items);
    this.listed.add(key);
    this.options.onChange();
  }

  private client(): KubeClient | null {
    try {
      return this.options.clientFor(this.options.context);
    } catch {
      return null; // the context probe reports why the context is unusable
    }
  }

  /**
   * The store namespaces themselves, cluster-wide by label (the chart grants list and watch on
   * namespaces). A namespace gone is a verdict of its own — its rights went with it, so its lists
   * are refused — and a changed one has its kinds listed at once. Refused, the hub does without.
   */
  private openNamespaceSet(): void {
    const client = this.client();
    if (!client) return;
    const set = startWatchSet(
      client,
      KINDS.Namespace,
      { labelSelector: SELECTOR },
      {
        onChange: (items) => {
          if (this.stopped) return;
          for (const namespace of this.namespaceHints.changed(items)) this.poller?.checkSoon(namespace);
          this.seen(NAMESPACES, items);
        },
        onFatal: () => {
          if (this.stopped) return;
          this.sets.delete(NAMESPACES);
          this.items.delete(NAMESPACES);
          this.listed.delete(NAMESPACES);
        },
      },
    );
    this.sets.set(NAMESPACES, set);
  }

  private startPoller(kinds: WatchedKind[]): NamespacePoller {
    return new NamespacePoller({
      kinds,
      // A Deployment deleted, scaled or rolled replaces its pods, which a pod watch sees at once.
      impliedByOthers: this.scopes?.Pod === 'polled' ? [] : ['Deployment'],
      sweepMs: this.options.pollSweepMs,
      maxListsPerSecond: this.options.pollListsPerSecond,
      list: async (kind, namespace, signal) => {
        const client = this.options.clientFor(this.options.context);
        return (await client.list(KINDS[kind], { namespace, labelSelector: SELECTOR }, signal)).items;
      },
      onListed: (kind, namespace, items) => {
        if (this.stopped) return;
        const key = `${kind}/${namespace}`;
        // Most sweeps find what the last one did: judging 200 stores again for nothing is the
        // poller's main CPU cost, so only a list that differs (names, uids, resourceVersions) counts.
        if (this.listed.has(key) && versionsOf(this.items.get(key) ?? []) === versionsOf(items)) return;
        if (kind === 'Pod') this.options.restarts.observe(items, false);
        this.seen(key, items);
      },
    });
  }

  private openSet(kind: WatchedKind, namespace: string | undefined): void {
    const key = `${kind}/${namespace ?? '*'}`;
    if (this.sets.has(key)) return;
    const client = this.client();
    if (!client) return;
    const set = startWatchSet(
      client,
      KINDS[kind],
      { namespace, labelSelector: SELECTOR },
      {
        onChange: (items) => {
          if (this.stopped) return;
          if (kind === 'Pod') this.options.restarts.observe(items, namespace === undefined);
          // Pods came or went in a store namespace: its Deployments may have changed.
          if (kind === 'Pod' && namespace === undefined)
            for (const changed of this.podHints.changed(items))
              this.poller?.checkSoon(changed, ['Deployment']);
          this.seen(key, items);
        },
        onFatal: (error) => {
          if (this.stopped) return;
          this.sets.delete(key);
          // Refused across namespaces after all (rights changed): poll each store's namespace instead.
          if (namespace === undefined && this.scopes && classifyError(error).status === 403) {
            this.items.delete(key);
            this.listed.delete(key);
            this.scopes = { ...this.scopes, [kind]: 'polled' };
            this.poller?.stop();
            this.poller = null;
            if (!this.sets.has(NAMESPACES)) this.openNamespaceSet();
            this.sync();
          }
        },
      },
    );
    this.sets.set(key, set);
  }
}
