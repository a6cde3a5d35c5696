// A keyed work queue in the manner of controller-runtime's: at most `concurrency` passes in
// flight, at most one per key. A request for a key already waiting is merged into it; one
// arriving while the key runs makes it run once more afterwards (the work is level-based, so one
// extra pass sees every change that came in). A pass says when to come back (`requeueAfterMs`);
// a pass that throws comes back after a per-key exponential backoff: this queue is the one place
// that retries. A key waiting for its time holds no slot, so the limit bounds API bursts, not
// the stores in progress.
import { systemClock, type EngineClock, type TimerHandle } from './engine-clock';
import { KeyBackoff, type KeyBackoffOptions } from './key-backoff';

/** What a pass asks of the queue: nothing more (void), or another pass after a delay. */
export interface PassOutcome {
  requeueAfterMs?: number;
}

export type Worker = (key: string, signal: AbortSignal) => Promise<PassOutcome | void>;

export interface KeyedQueueOptions {
  /** Read on every scheduling decision, so a settings change applies at once. */
  concurrency: () => number;
  worker: Worker;
  /** Told of every pass that threw, before it is retried with backoff. */
  onError?: (key: string, error: unknown, retryInMs: number) => void;
  /** Start paused (see pause()): the engine of a process that is not its data dir's worker. */
  paused?: boolean;
  /**
   * Keys whose work the concurrency limit does not bound (a delete: one request and a wait on
   * the cluster, which must not queue behind provisioning). Asked when the key is taken up.
   */
  uncapped?: (key: string) => boolean;
  /** Time for requeue and backoff timers (the sim's clock in tests). */
  clock?: EngineClock;
  backoff?: KeyBackoffOptions;
}

interface Running {
  controller: AbortController;
  rerun: boolean;
  /** A change seen by a watch while the pass ran: worth a rerun only if the pass is not done. */
  changed: boolean;
  capped: boolean;
}

export type KeyState = 'idle' | 'queued' | 'running' | 'waiting';

export class KeyedQueue {
  private readonly pending: string[] = [];
  private readonly running = new Map<string, Running>();
  /** Keys parked until a requeue or backoff timer fires (or an enqueue brings them forward). */
  private readonly timers = new Map<string, TimerHandle>();
  private readonly waiters = new Map<string, Array<() => void>>();
  private readonly backoff: KeyBackoff;
  private readonly clock: EngineClock;
  private stopped = false;
  private paused: boolean;

  constructor(private readonly options: KeyedQueueOptions) {
    this.paused = options.paused ?? false;
    this.clock = options.clock ?? systemClock;
    this.backoff = new KeyBackoff(options.backoff);
  }

  /**
   * Schedules a pass for key now; merged with one already waiting, repeated once if one is
   * running. A watch's change (`fromWatch`) arriving while the key runs repeats it only if that
   * pass did not end the key's work: the pass that marks a store Ready saw enough.
   */
  enqueue(key: string, { fromWatch = false }: { fromWatch?: boolean } = {}): void {
    if (this.stopped || this.paused) return;
    const active = this.running.get(key);
    if (active) {
      if (fromWatch) active.changed = true;
      else active.rerun = true;
      return;
    }
    // A change arrived for a key parked on a timer: it need not wait for the timer.
    this.cancelTimer(key);
    if (this.pending.includes(key)) return;
    this.pending.push(key);
    this.pump();
  }

  /**
   * Schedules a pass for key after ms, unless one is due sooner (an earlier timer, or already
   * queued or running with a rerun).
   */
  enqueueAfter(key: string, ms: number): void {
    if (this.stopped || this.paused) return;
    if (ms <= 0) return this.enqueue(key);
    const active = this.running.get(key);
    if (active?.rerun || this.pending.includes(key)) return;
    const existing = this.timers.get(key);
    const due = this.clock.now() + ms;
    if (existing && existing.due <= due) return;
    existing?.cancel();
    const handle = this.clock.setTimeout(() => {
      if (this.timers.get(key) !== handle) return;
      this.timers.delete(key);
      this.enqueue(key);
    }, ms);
    this.timers.set(key, handle);
  }

  /** Forgets a key's backoff and any parked timer (the key's work is over, e.g. deleted). */
  forget(key: string): void {
    this.backoff.forget(key);
    this.cancelTimer(key);
    this.release(key);
  }

  /** Aborts the running pass for key (if any); a pending rerun still happens. */
  abort(key: string, reason: Error): void {
    this.running.get(key)?.controller.abort(reason);
  }

  state(key: string): KeyState {
    if (this.running.has(key)) return 'running';
    if (this.pending.includes(key)) return 'queued';
    return this.timers.has(key) ? 'waiting' : 'idle';
  }

  get runningCount(): number {
    return this.running.size;
  }

  get queuedCount(): number {
    return this.pending.length;
  }

  /** Keys parked on a requeue or backoff timer (they hold no slot). */
  get waitingCount(): number {
    return this.timers.size;
  }

  /** Resolves once key is neither queued, running nor waiting for a requeue. */
  idle(key: string): Promise<void> {
    if (this.state(key) === 'idle') return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }

  /** Stops taking work, aborts every running pass and waits for them to return. */
  async stop(reason = new Error('engine stopped')): Promise<void> {
    this.stopped = true;
    await this.drain(reason);
  }

  /**
   * Like stop(), until unpause(): requests are ignored meanwhile, because the work they stand for
   * is recorded elsewhere (the database) and picked up again by whoever does it.
   */
  async pause(reason: Error): Promise<void> {
    this.paused = true;
    await this.drain(reason);
  }

  unpause(): void {
    this.paused = false;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  private async drain(reason: Error): Promise<void> {
    const keys = [...this.pending, ...this.running.keys(), ...this.timers.keys()];
    const dropped = [...this.pending.splice(0), ...this.timers.keys()];
    for (const key of [...this.timers.keys()]) this.cancelTimer(key);
    for (const key of dropped) this.release(key);
    for (const entry of this.running.values()) {
      entry.rerun = false;
      entry.controller.abort(reason);
    }
    await Promise.all(keys.map((key) => this.idle(key)));
  }

  private cancelTimer(key: string): void {
    const timer = this.timers.get(key);
    if (!timer) return;
    timer.cancel();
    this.timers.delete(key);
  }

  private pump(): void {
    if (this.stopped || this.paused) return;
    const limit = Math.max(1, this.options.concurrency());
    let capped = [...this.running.values()].filter((entry) => entry.capped).length;
    for (let index = 0; index < this.pending.length;) {
      const key = this.pending[index] as string;
      const uncapped = this.options.uncapped?.(key) ?? false;
      if (!uncapped && capped >= limit) {
        index++;
        continue;
      }
      this.pending.splice(index, 1);
      if (!uncapped) capped++;
      this.start(key, !uncapped);
    }
  }

  private start(key: string, capped: boolean): void {
    const entry: Running = { controller: new AbortController(), rerun: false, changed: false, capped };
    this.running.set(key, entry);
    const run = async (): Promise<{ outcome: PassOutcome | void } | { error: unknown }> => {
      try {
        return { outcome: await this.options.worker(key, entry.controller.signal) };
      } catch (error) {
        return { error };
      }
    };
    void run().then((result) => {
      this.running.delete(key);
      const live = !this.stopped && !this.paused && !entry.controller.signal.aborted;
      if ('error' in result) {
        const delay = this.backoff.next(key);
        if (!entry.controller.signal.aborted) this.options.onError?.(key, result.error, delay);
        // A failed pass waits out its backoff even if the world changed meanwhile.
        if (live && !entry.rerun) this.enqueueAfter(key, delay);
      } else {
        this.backoff.forget(key);
        const after = result.outcome?.requeueAfterMs;
        // Still waiting: a change seen during the pass is looked at at once.
        if (after !== undefined && entry.changed) entry.rerun = true;
        if (live && !entry.rerun && after !== undefined) this.enqueueAfter(key, after);
      }
      if (entry.rerun && !this.stopped && !this.paused) this.pending.push(key);
      else this.release(key);
      this.pump();
    });
  }

  private release(key: string): void {
    if (this.state(key) !== 'idle') return;
    const list = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const resolve of list) resolve();
  }
}
