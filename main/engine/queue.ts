// A keyed work queue: at most `concurrency` jobs at once, at most one per key. A request for a
// key already waiting is merged into it; one arriving while the key runs makes it run once more
// afterwards (the work is level-based, so one extra pass sees every change that came in).

export type Worker = (key: string, signal: AbortSignal) => Promise<void>;

export interface KeyedQueueOptions {
  /** Read on every scheduling decision, so a settings change applies at once. */
  concurrency: () => number;
  worker: Worker;
  onError?: (key: string, error: unknown) => void;
  /** Start paused (see pause()): the engine of a process that is not its data dir's worker. */
  paused?: boolean;
  /**
   * Keys whose work the concurrency limit does not bound (a delete: one request and a wait on
   * the cluster, which must not queue behind provisioning). Asked when the key is taken up.
   */
  uncapped?: (key: string) => boolean;
}

interface Running {
  controller: AbortController;
  rerun: boolean;
  capped: boolean;
}

export class KeyedQueue {
  private readonly pending: string[] = [];
  private readonly running = new Map<string, Running>();
  private readonly waiters = new Map<string, Array<() => void>>();
  private stopped = false;
  private paused: boolean;

  constructor(private readonly options: KeyedQueueOptions) {
    this.paused = options.paused ?? false;
  }

  /** Schedules a pass for key; merged with one already waiting, repeated once if one is running. */
  enqueue(key: string): void {
    if (this.stopped || this.paused) return;
    const active = this.running.get(key);
    if (active) {
      active.rerun = true;
      return;
    }
    if (this.pending.includes(key)) return;
    this.pending.push(key);
    this.pump();
  }

  /** Aborts the running pass for key (if any); a pending rerun still happens. */
  abort(key: string, reason: Error): void {
    this.running.get(key)?.controller.abort(reason);
  }

  state(key: string): 'idle' | 'queued' | 'running' {
    if (this.running.has(key)) return 'running';
    return this.pending.includes(key) ? 'queued' : 'idle';
  }

  get runningCount(): number {
    return this.running.size;
  }

  get queuedCount(): number {
    return this.pending.length;
  }

  /** Resolves once key is neither queued nor running. */
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
    const keys = [...this.pending, ...this.running.keys()];
    const dropped = this.pending.splice(0);
    for (const key of dropped) this.release(key);
    for (const entry of this.running.values()) {
      entry.rerun = false;
      entry.controller.abort(reason);
    }
    await Promise.all(keys.map((key) => this.idle(key)));
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
    const entry: Running = { controller: new AbortController(), rerun: false, capped };
    this.running.set(key, entry);
    const run = async () => {
      try {
        await this.options.worker(key, entry.controller.signal);
      } catch (error) {
        this.options.onError?.(key, error);
      }
    };
    void run().then(() => {
      this.running.delete(key);
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
