import {
  StatusError,
  type FaultConfig,
  type ObjectStore,
  type Rng,
  type SimClock,
  type SimProfile,
} from '../types.js';
import { deriveRng } from '../rng.js';
import { DEFAULT_NODE_NAMES, simNodes, type SimNode } from './nodes.js';

/** A reconcile pass for one key; may return "look again after N sim ms". */
export type Reconciler = (key: string) => number | void;

export interface Runtime {
  readonly store: ObjectStore;
  readonly clock: SimClock;
  readonly profile: SimProfile;
  /** Labels added to the fixed nodes' own, by node name (a Kind config's node labels). */
  readonly nodeLabels: Readonly<Record<string, Record<string, string>>>;
  /** The cluster's nodes (the profile's, else two), control plane first. */
  readonly nodes: readonly SimNode[];
  faults(): FaultConfig;
  /** An rng stream of its own for one label, independent of what else happens. */
  rngFor(label: string): Rng;
  register(kind: string, fn: Reconciler): void;
  /** Queues kind/key; a key already queued sooner is not queued twice. */
  enqueue(kind: string, key: string, delayMs?: number): void;
  after(delayMs: number, fn: () => void): { cancel(): void };
  /** Recent reconcile failures, newest last (for tests and debugging). */
  readonly errors: Array<{ kind: string; key: string; error: unknown }>;
  readonly stopped: boolean;
  stop(): void;
}

interface Pending {
  due: number;
  cancel(): void;
}

const MAX_FAILURES = 20;
const MAX_ERRORS_KEPT = 50;

export function createRuntime(opts: {
  store: ObjectStore;
  clock: SimClock;
  profile: SimProfile;
  faults(): FaultConfig;
  baseSeed: number;
  nodeLabels?: Readonly<Record<string, Record<string, string>>>;
}): Runtime {
  const reconcilers = new Map<string, Reconciler>();
  const queued = new Map<string, Pending>();
  const failures = new Map<string, number>();
  const timers = new Set<{ cancel(): void }>();
  const errors: Runtime['errors'] = [];
  let stopped = false;

  const after = (delayMs: number, fn: () => void): { cancel(): void } => {
    const handle = opts.clock.setTimeout(() => {
      timers.delete(handle);
      if (!stopped) fn();
    }, delayMs);
    timers.add(handle);
    return {
      cancel: () => {
        handle.cancel();
        timers.delete(handle);
      },
    };
  };

  function run(kind: string, key: string): void {
    const id = `${kind}|${key}`;
    queued.delete(id);
    const fn = reconcilers.get(kind);
    if (!fn) return;
    try {
      const requeue = fn(key);
      failures.delete(id);
      if (typeof requeue === 'number') enqueue(kind, key, requeue);
    } catch (error) {
      // A vanished object is nothing to retry; a conflict is retried at once; others back off.
      if (error instanceof StatusError && error.code === 404) return;
      const n = (failures.get(id) ?? 0) + 1;
      failures.set(id, n);
      errors.push({ kind, key, error });
      if (errors.length > MAX_ERRORS_KEPT) errors.shift();
      if (n >= MAX_FAILURES) {
        failures.delete(id);
        console.warn(`[kube-sim] ${kind} ${key}: giving up after ${n} failures:`, error);
        return;
      }
      const conflict = error instanceof StatusError && error.code === 409;
      enqueue(kind, key, conflict ? 1 : Math.min(30_000, 100 * 2 ** n));
    }
  }

  function enqueue(kind: string, key: string, delayMs = 0): void {
    if (stopped) return;
    const id = `${kind}|${key}`;
    const due = opts.clock.now() + Math.max(0, delayMs);
    const existing = queued.get(id);
    if (existing && existing.due <= due) return;
    existing?.cancel();
    const handle = after(Math.max(0, delayMs), () => run(kind, key));
    queued.set(id, { due, cancel: handle.cancel });
  }

  return {
    store: opts.store,
    clock: opts.clock,
    profile: opts.profile,
    nodeLabels: opts.nodeLabels ?? {},
    nodes: simNodes(opts.profile.nodes ?? DEFAULT_NODE_NAMES),
    faults: opts.faults,
    rngFor: (label) => deriveRng(opts.baseSeed, label),
    register: (kind, fn) => {
      reconcilers.set(kind, fn);
    },
    enqueue,
    after,
    errors,
    get stopped() {
      return stopped;
    },
    stop() {
      stopped = true;
      for (const t of [...timers]) t.cancel();
      timers.clear();
      queued.clear();
    },
  };
}
