// Keeps the dashboard truthful about Ready stores. For the context in view it runs a probe
// (is the cluster there?) and shared watches: per kind, cluster-wide by the managed-by label
// when the user may list and watch it across namespaces (asked first with SelfSubjectAccessReview,
// watch-scope.ts), else LISTed per store namespace at a capped rate, hurried along by the
// cluster-wide watches (live-sources.ts). Every change re-judges the Ready stores
// (judge-live.ts) and publishes what changed on the bus.
// While the cluster does not answer, nothing is concluded: stores keep their status, the context
// is reported unreachable, and the watches reconnect by themselves.
import type { ContextHealth, LiveStatus, Plan, Store } from '../../../preload/contract';
import type { EventBus } from '../../primitives/event-bus';
import type { KubeClient } from '../../kube/client';
import type { StoreContext, StoreStrategy } from '../strategies/strategy';
import { startContextProbe, type ContextProbe } from './context-probe';
import { expectedObjects, judgeLive, sameLive } from './judge-live';
import { LiveSources } from './live-sources';
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
  /** Polled kinds: each store namespace re-listed at least this often while the rate allows (30 s). */
  pollSweepMs?: number;
  /** Polled kinds: the cap on sweep LISTs per second, whatever the number of stores (5). */
  pollListsPerSecond?: number;
}

/** lookNow's floor between two looks at one store. */
const LOOK_GAP_MS = 5_000;

interface Observation {
  context: string;
  probe: ContextProbe;
  sources: LiveSources;
  stopped: boolean;
}

export class LiveStatusHub {
  private observation: Observation | null = null;
  private readonly live = new Map<string, LiveStatus>();
  private readonly restarts = new RestartTracker();
  private readonly podEvents: PodEventReader;
  private timer: NodeJS.Timeout | undefined;
  private readonly offBus: () => void;
  private readonly lookedAt = new Map<string, number>();

  constructor(private readonly options: LiveStatusHubOptions) {
    this.podEvents = new PodEventReader(options.clientFor, () => this.judgeSoon());
    this.offBus = options.bus.subscribe((name, payload) => {
      if (name !== 'storeChanged' && name !== 'storeRemoved') return;
      const id = (payload as { id: string }).id;
      if (name === 'storeRemoved' || (payload as Store).status !== 'Ready') this.live.delete(id);
      this.observation?.sources.sync();
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

  /**
   * Someone is looking at this store (its detail opened): where its kinds are polled, list them
   * now rather than at the next sweep, at most once per LOOK_GAP_MS so a refreshing panel stays cheap.
   */
  lookNow(id: string): void {
    const observation = this.observation;
    const store = observation && this.options.listStores(observation.context).find((s) => s.id === id);
    if (!observation || !store || store.status !== 'Ready') return;
    const now = Date.now();
    if (now - (this.lookedAt.get(id) ?? 0) < LOOK_GAP_MS) return;
    this.lookedAt.set(id, now);
    observation.sources.checkSoon(store.namespace);
  }

  health(context: string | null): ContextHealth | null {
    const observation = this.observation;
    return observation && observation.context === context ? observation.probe.current() : null;
  }

  /** How many watches are open (the cost of watching; cluster mode keeps it flat). */
  watchCount(): number {
    return this.observation?.sources.watchCount() ?? 0;
  }

  /** The polled kinds' LISTs so far and the longest a change only a sweep sees waits (null: none polled). */
  pollStats(): { lists: number; sweepPeriodMs: number } | null {
    return this.observation?.sources.pollStats() ?? null;
  }

  /** One scope when every kind is looked at so, 'mixed' otherwise; null before it is decided. */
  mode(): WatchScope | 'mixed' | null {
    return this.observation?.sources.mode() ?? null;
  }

  close(): void {
    this.offBus();
    clearTimeout(this.timer);
    this.podEvents.close();
    this.stopObservation();
  }

  private startObservation(context: string): Observation {
    const sources = new LiveSources({
      context,
      clientFor: this.options.clientFor,
      readyNamespaces: () =>
        new Set(
          this.options
            .listStores(context)
            .filter((s) => s.status === 'Ready')
            .map((s) => s.namespace),
        ),
      restarts: this.restarts,
      onChange: () => this.judgeSoon(),
      pollSweepMs: this.options.pollSweepMs,
      pollListsPerSecond: this.options.pollListsPerSecond,
    });
    const observation: Observation = {
      context,
      sources,
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
    if (!observation.stopped) observation.sources.start(scopes);
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
      const byKind = observation.sources.objectsOf(store.namespace);
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

  private stopObservation(): void {
    const observation = this.observation;
    if (!observation) return;
    observation.stopped = true;
    observation.probe.stop();
    observation.sources.stop();
    this.observation = null;
  }
}
