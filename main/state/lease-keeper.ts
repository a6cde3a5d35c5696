// Keeps a process in the race for its data dir's worker lease: the holder refreshes its heartbeat
// on every tick, anyone else tries to take the lease (free, stale, or its holder gone), so when
// the app quits a waiting CLI finishes the work, and the other way round.
import type { WorkerLease } from './worker-lease';

/** How often the holder refreshes its heartbeat (a third of the staleness bound). */
const LEASE_HEARTBEAT_MS = 5_000;

export interface LeaseKeeperOptions {
  lease: WorkerLease;
  intervalMs?: number;
  /** Called on every change of hands, with whether this process now holds the lease. */
  onChange(held: boolean): void;
  /** A tick that could not reach the database (e.g. locked past the busy timeout); the next tick retries. */
  onError?: (error: unknown) => void;
}

export interface LeaseKeeper {
  readonly held: boolean;
  /** Stops the ticks; releasing the lease is the caller's step, after its work has stopped. */
  stop(): void;
}

/** Tries once at once (so the caller knows where it stands), then on every tick until stop(). */
export function keepLease(options: LeaseKeeperOptions): LeaseKeeper {
  const { lease } = options;
  let held = false;
  const tick = () => {
    let now: boolean;
    try {
      now = lease.held ? lease.heartbeat() : lease.tryAcquire();
    } catch (error) {
      (options.onError ?? ((e) => console.error('storedeck: worker lease:', e)))(error);
      return;
    }
    if (now === held) return;
    held = now;
    options.onChange(held);
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? LEASE_HEARTBEAT_MS);
  // The lease never keeps a process alive on its own: a finished CLI command exits.
  timer.unref();
  return {
    get held() {
      return held;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
