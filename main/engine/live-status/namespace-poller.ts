// The namespaced user's cheap alternative to a watch per kind per store namespace (5 × N open
// watches): the kinds it may not watch cluster-wide are LISTed per store namespace instead —
// at once when a namespace is first seen or something hints it changed (its pods came or went,
// the namespace itself changed), and otherwise in a sweep whose request rate is capped, so the
// cost is a stated number of requests per minute and Drifted is found within a stated delay,
// sweepPeriodMs(): sweepMs plus one turn of the sweep (lists per sweep ÷ maxListsPerSecond).
// RBAC has no label filter and a watch is per namespace or cluster-wide
// (kubernetes.io/docs/reference/access-authn-authz/rbac), so nothing cheaper covers objects
// whose removal leaves no other trace (a Service or Ingress deleted by hand emits no Event).
import type { ApiObject } from '../../kube/kube-object';
import type { WatchedKind } from './judge-live';

export interface NamespacePollerOptions {
  /** One LIST of a kind in a store namespace (by the managed-by label); rejects on failure. */
  list(kind: WatchedKind, namespace: string, signal: AbortSignal): Promise<ApiObject[]>;
  /** A list that answered: the namespace's current objects of that kind. */
  onListed(kind: WatchedKind, namespace: string, items: ApiObject[]): void;
  /** The kinds polled at all (first sight and urgent checks list every one). */
  kinds: readonly WatchedKind[];
  /** Kinds a sweep may skip because another signal reveals their changes (see sweepKindsOf). */
  impliedByOthers?: readonly WatchedKind[];
  /** Each namespace re-listed at least this often while the rate allows (default 30 s). */
  sweepMs?: number;
  /** Cap on sweep LISTs per second, whatever the number of stores (default 5). */
  maxListsPerSecond?: number;
  /** Urgent LISTs in flight at once (first sight, hints); never rate-capped, so first verdicts are quick. */
  urgentConcurrency?: number;
  /** One LIST's time limit: a hung request must not stall the sweep (default 10 s). */
  listTimeoutMs?: number;
}

interface Task {
  namespace: string;
  kind: WatchedKind;
}

/** Every how many sweeps an implied kind is listed anyway (it is implied, not proven). */
const IMPLIED_EVERY = 4;
/** Sweep lists in flight at once: a slow answer does not slow the rate, a hung cluster is not flooded. */
const SWEEP_IN_FLIGHT = 2;

export class NamespacePoller {
  private readonly namespaces = new Map<string, { sweptAt: number; sweeps: number }>();
  private readonly urgent: Task[] = [];
  private readonly urgentKeys = new Set<string>();
  private urgentInFlight = 0;
  private sweepInFlight = 0;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly stopper = new AbortController();
  private stopped = false;
  /** LISTs sent so far (benchmarks report requests per minute). */
  lists = 0;

  constructor(private readonly options: NamespacePollerOptions) {
    this.scheduleSweep();
  }

  /** The store namespaces to poll; new ones are listed at once, gone ones forgotten. */
  setNamespaces(wanted: Iterable<string>): void {
    const keep = new Set(wanted);
    for (const namespace of this.namespaces.keys())
      if (!keep.has(namespace)) this.namespaces.delete(namespace);
    for (const namespace of keep)
      if (!this.namespaces.has(namespace)) {
        this.namespaces.set(namespace, { sweptAt: Date.now(), sweeps: 0 });
        this.checkSoon(namespace);
      }
  }

  /** Lists these kinds of the namespace ahead of the sweep (default: every polled kind). */
  checkSoon(namespace: string, kinds: readonly WatchedKind[] = this.options.kinds): void {
    if (this.stopped || !this.namespaces.has(namespace)) return;
    for (const kind of kinds) {
      if (!this.options.kinds.includes(kind)) continue;
      const key = `${namespace}/${kind}`;
      if (this.urgentKeys.has(key)) continue;
      this.urgentKeys.add(key);
      this.urgent.push({ namespace, kind });
    }
    this.pumpUrgent();
  }

  /**
   * The longest a change seen only by the sweep waits to be listed, for the current number of
   * stores: a namespace is due sweepMs after its last sweep, then waits at most one turn of the
   * sweep behind the others due before it (while lists answer within SWEEP_IN_FLIGHT ticks).
   */
  sweepPeriodMs(): number {
    const perSweep = this.sweepKindsOf(1).length * this.namespaces.size;
    return this.sweepMs() + (perSweep / this.rate()) * 1000;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    this.stopper.abort(new Error('live status stopped'));
  }

  private sweepMs(): number {
    return this.options.sweepMs ?? 30_000;
  }

  private rate(): number {
    return this.options.maxListsPerSecond ?? 5;
  }

  /** A sweep's kinds: implied kinds only every IMPLIED_EVERY-th sweep of a namespace. */
  private sweepKindsOf(sweep: number): WatchedKind[] {
    const implied = new Set(this.options.impliedByOthers ?? []);
    return this.options.kinds.filter((kind) => !implied.has(kind) || sweep % IMPLIED_EVERY === 0);
  }

  private pumpUrgent(): void {
    const limit = this.options.urgentConcurrency ?? 6;
    while (!this.stopped && this.urgentInFlight < limit && this.urgent.length > 0) {
      const task = this.urgent.shift()!;
      this.urgentInFlight++;
      // Leaves the key claimed while the list runs: a hint meanwhile is answered by this list.
      void this.runList(task).finally(() => {
        this.urgentKeys.delete(`${task.namespace}/${task.kind}`);
        this.urgentInFlight--;
        this.pumpUrgent();
      });
    }
  }

  /** At most one sweep LIST per tick at the capped rate, for the namespace listed longest ago (if due). */
  private scheduleSweep(): void {
    if (this.stopped) return;
    this.sweepTimer = setTimeout(() => {
      this.sweepOne();
      this.scheduleSweep();
    }, 1000 / this.rate());
    this.sweepTimer.unref?.();
  }

  private sweepQueue: Task[] = [];

  private sweepOne(): void {
    if (this.sweepInFlight >= SWEEP_IN_FLIGHT) return;
    if (this.sweepQueue.length === 0) this.sweepQueue = this.nextDue();
    const task = this.sweepQueue.shift();
    if (!task || !this.namespaces.has(task.namespace)) return;
    this.sweepInFlight++;
    void this.runList(task).finally(() => this.sweepInFlight--);
  }

  /** The most overdue namespace's sweep kinds, or nothing when none is due yet. */
  private nextDue(): Task[] {
    let oldest: [string, { sweptAt: number; sweeps: number }] | null = null;
    for (const entry of this.namespaces) if (!oldest || entry[1].sweptAt < oldest[1].sweptAt) oldest = entry;
    if (!oldest || Date.now() - oldest[1].sweptAt < this.sweepMs()) return [];
    const [namespace, seen] = oldest;
    seen.sweeps++;
    seen.sweptAt = Date.now();
    return this.sweepKindsOf(seen.sweeps).map((kind) => ({ namespace, kind }));
  }

  private async runList(task: Task): Promise<void> {
    const signal = AbortSignal.any([
      this.stopper.signal,
      AbortSignal.timeout(this.options.listTimeoutMs ?? 10_000),
    ]);
    this.lists++;
    try {
      const items = await this.options.list(task.kind, task.namespace, signal);
      if (!this.stopped && this.namespaces.has(task.namespace))
        this.options.onListed(task.kind, task.namespace, items);
    } catch {
      // Nothing is concluded from a failed list (offline, rights gone with the namespace): what
      // was last seen stands, the context probe says whether the cluster answers, the sweep retries.
    }
  }
}
