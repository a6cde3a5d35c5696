// Keeps the dashboard truthful about Ready stores. For the context in view it runs a probe
// (is the cluster there?) and shared watches: per kind, cluster-wide by the managed-by label
// when the user may list and watch it across namespaces (asked first with SelfSubjectAccessReview,
// watch-scope.ts), or one per store namespace when they may not. Every
// change re-judges the Ready stores (judge-live.ts) and publishes what changed on the bus.
// While the cluster does not answer, nothing is concluded: stores keep their status, the context
// is reported unreachable, and the watches reconnect by themselves.
import type { ContextHealth, LiveStatus, Plan, Store } from '../../../preload/contract';
import type { EventBus } from '../../primitives/event-bus';
import type { KubeClient } from '../../kube/client';
import type { ApiObject } from '../../kube/kube-object';
import { classifyError } from '../../kube/errors';
import { KINDS } from '../../kube/kinds';
import { startWatchSet, type WatchSet } from '../../kube/watch-set';
import { LABEL, MANAGED_BY } from '../model/labels';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';
import { startContextProbe, type ContextProbe } from './context-probe';
import { expectedObjects, judgeLive, sameLive, WATCHED_KINDS, type WatchedKind } from './judge-live';
import { RestartTracker } from './restart-tracker';
import { PodEventReader } from './pod-event-reader';
import { chooseWatchScopes, type WatchScope, type WatchScopes } from './watch-scope';

export interface LiveStatusHubOptions {
  listStores(context: string): Store[];
  storeContext(store: Store): StoreContext | null;
  strategyFor(plan: Plan): StoreStrategy;
  clientFor(context: string): KubeClient;
  bus: EventBus;
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /** Coalesces bursts of watch events into one judgement (default 150 ms). */
  settleMs?: number;
  /** Where to watch, per kind (default: asked of the cluster with SelfSubjectAccessReview). */
  scopes?: (client: KubeClient) => Promise<WatchScopes>;
}

const SELECTOR = `${LABEL.managedBy}=${MANAGED_BY}`;

interface Observation {
  context: string;
  probe: ContextProbe;
  /** Per kind, once decided (null until the access reviews answered). */
  scopes: WatchScopes | null;
  /** `<kind>/*` for a cluster-wide set, `<kind>/<namespace>` for a store namespace's. */
  sets: Map<string, WatchSet>;
  listed: Set<string>;
  items: Map<string, ApiObject[]>;
  stopped: boolean;
}

export class LiveStatusHub {
  private observation: Observation | null = null;
  private readonly live = new Map<string, LiveStatus>();
  private readonly restarts = new RestartTracker();
  private readonly podEvents: PodEventReader;
  private timer: NodeJS.Timeout | undefined;
  private readonly offBus: () => void;

  constructor(private readonly options: LiveStatusHubOptions) {
    this.podEvents = new PodEventReader(options.clientFor, () => this.judgeSoon());
    this.offBus = options.bus.subscribe((name, payload) => {
      if (name !== 'storeChanged' && name !== 'storeRemoved') return;
      const id = (payload as { id: string }).id;
      if (name === 'storeRemoved' || (payload as Store).status !== 'Ready') this.live.delete(id);
      this.syncNamespaces();
      this.judgeSoon();
    });
  }

  /** The context whose stores are shown; null stops observing. */
  observe(context: string | null): void {
    if (this.observation?.context === context) return;
    this.stopObservation();
    if (context) this.observation = this.startObservation(context);
  }

  /** Restarts the probe and watches with fresh clients (after a kubeconfig reload). */
  restart(): void {
    const context = this.observation?.context ?? null;
    this.stopObservation();
    if (context) this.observation = this.startObservation(context);
  }

  /** What listStores carries per store. */
  liveOf(id: string): LiveStatus | null {
    return this.live.get(id) ?? null;
  }

  health(context: string | null): ContextHealth | null {
    const observation = this.observation;
    return observation && observation.context === context ? observation.probe.current() : null;
  }

  /** How many watches are open (the cost of watching; cluster mode keeps it flat). */
  watchCount(): number {
    return this.observation?.sets.size ?? 0;
  }

  /** 'cluster' or 'namespaced' when every kind is watched so, 'mixed' otherwise; null before it is decided. */
  mode(): WatchScope | 'mixed' | null {
    const scopes = this.observation?.scopes;
    if (!scopes) return null;
    const all = [...new Set(Object.values(scopes))];
    return all.length === 1 && all[0] ? all[0] : 'mixed';
  }

  close(): void {
    this.offBus();
    clearTimeout(this.timer);
    this.stopObservation();
  }

  private startObservation(context: string): Observation {
    const observation: Observation = {
      context,
      scopes: null,
      sets: new Map(),
      listed: new Set(),
      items: new Map(),
      stopped: false,
      probe: startContextProbe({
        context,
        clientFor: this.options.clientFor,
        intervalMs: this.options.probeIntervalMs,
        timeoutMs: this.options.probeTimeoutMs,
        onChange: (health) => {
          this.options.bus.emit('contextHealth', health);
          if (health.reachable) this.judgeSoon();
        },
      }),
    };
    this.observation = observation;
    void this.decideScopes(observation);
    return observation;
  }

  private async decideScopes(observation: Observation): Promise<void> {
    let scopes: WatchScopes;
    try {
      const client = this.options.clientFor(observation.context);
      scopes = await (this.options.scopes ?? chooseWatchScopes)(client);
    } catch {
      return; // the probe reports why the context is unusable; a reload starts over
    }
    if (observation.stopped) return;
    observation.scopes = scopes;
    for (const kind of WATCHED_KINDS)
      if (scopes[kind] === 'cluster') this.openSet(observation, kind, undefined);
    this.syncNamespaces();
  }

  private openSet(observation: Observation, kind: WatchedKind, namespace: string | undefined): void {
    const key = `${kind}/${namespace ?? '*'}`;
    if (observation.sets.has(key)) return;
    let client: KubeClient;
    try {
      client = this.options.clientFor(observation.context);
    } catch {
      return; // the probe reports why the context is unusable
    }
    const set = startWatchSet(
      client,
      KINDS[kind],
      { namespace, labelSelector: SELECTOR },
      {
        onChange: (items) => {
          if (observation.stopped) return;
          observation.items.set(key, items);
          observation.listed.add(key);
          if (kind === 'Pod') this.restarts.observe(items, namespace === undefined);
          this.judgeSoon();
        },
        onFatal: (error) => {
          if (observation.stopped) return;
          observation.sets.delete(key);
          // Refused across namespaces after all (rights changed): watch each store's namespace instead.
          if (namespace === undefined && observation.scopes && classifyError(error).status === 403) {
            observation.items.delete(key);
            observation.listed.delete(key);
            observation.scopes = { ...observation.scopes, [kind]: 'namespaced' };
            this.syncNamespaces();
          }
        },
      },
    );
    observation.sets.set(key, set);
  }

  /** Kinds watched per namespace: one set per Ready store, opened and closed as stores come and go. */
  private syncNamespaces(): void {
    const observation = this.observation;
    const scopes = observation?.scopes;
    if (!observation || !scopes) return;
    const perNamespace = WATCHED_KINDS.filter((kind) => scopes[kind] === 'namespaced');
    if (perNamespace.length === 0) return;
    const wanted = new Set(
      this.options
        .listStores(observation.context)
        .filter((s) => s.status === 'Ready')
        .map((s) => s.namespace),
    );
    for (const [key, set] of observation.sets) {
      const namespace = key.slice(key.indexOf('/') + 1);
      if (namespace !== '*' && !wanted.has(namespace)) {
        set.stop();
        observation.sets.delete(key);
        observation.items.delete(key);
        observation.listed.delete(key);
      }
    }
    for (const namespace of wanted)
      for (const kind of perNamespace) this.openSet(observation, kind, namespace);
  }

  private judgeSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.judgeAll(), this.options.settleMs ?? 150);
    this.timer.unref?.();
  }

  private judgeAll(): void {
    const observation = this.observation;
    if (!observation || observation.stopped) return;
    // Offline: what the watches hold is old news; keep every store as it was.
    if (observation.probe.current()?.reachable !== true) return;
    const at = new Date().toISOString();
    const unwell = new Set<string>();
    for (const store of this.options.listStores(observation.context)) {
      if (store.status !== 'Ready') continue;
      const byKind = this.objectsOf(observation, store.namespace);
      if (!byKind) continue; // a watch has not listed yet: no verdict from half a picture
      const ctx = this.options.storeContext(store);
      if (!ctx) continue;
      const expected = expectedObjects(this.options.strategyFor(store.plan).resources(ctx));
      const observed = { byKind, recentRestarts: this.restarts.recent(byKind.Pod ?? []) };
      let verdict = judgeLive(store.id, expected, observed, at);
      // Degraded: read the pods' events (lazily) so the reason can quote the kubelet.
      if (verdict.state === 'Degraded') {
        unwell.add(`${observation.context}/${store.namespace}`);
        const podEvents = this.podEvents.eventsFor(observation.context, store.namespace);
        if (podEvents.length > 0) verdict = judgeLive(store.id, expected, { ...observed, podEvents }, at);
      }
      if (sameLive(this.live.get(store.id), verdict)) continue;
      this.live.set(store.id, verdict);
      this.options.bus.emit('liveStatus', verdict);
    }
    this.podEvents.keepOnly(unwell);
  }

  private objectsOf(
    observation: Observation,
    namespace: string,
  ): Partial<Record<WatchedKind, ApiObject[]>> | null {
    const scopes = observation.scopes;
    if (!scopes) return null;
    const byKind: Partial<Record<WatchedKind, ApiObject[]>> = {};
    for (const kind of WATCHED_KINDS) {
      const key = scopes[kind] === 'cluster' ? `${kind}/*` : `${kind}/${namespace}`;
      if (!observation.listed.has(key)) return null;
      byKind[kind] = (observation.items.get(key) ?? []).filter((o) => o.metadata?.namespace === namespace);
    }
    return byKind;
  }

  private stopObservation(): void {
    const observation = this.observation;
    if (!observation) return;
    observation.stopped = true;
    observation.probe.stop();
    for (const set of observation.sets.values()) set.stop();
    observation.sets.clear();
    this.observation = null;
  }
}
