import type { SimClock } from './types.js';

export interface SimClockOptions {
  /** Epoch ms the sim starts at (default: the wall clock at creation). */
  startMs?: number;
  /** Called when a timer callback throws (default: console.error). */
  onError?: (err: unknown) => void;
}

export interface ManagedSimClock extends SimClock {
  readonly timeScale: number;
  /**
   * Runs on at another rate from now on (sim time stays continuous): a test fast-forwards a
   * long wait once the engine's own work is done, so that work is not stretched into sim minutes.
   */
  setTimeScale(timeScale: number): void;
  /** Number of timers still pending. */
  pending(): number;
  /** Cancels every pending timer; the clock keeps telling time. */
  stop(): void;
}

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

// Timers due in one drain before yielding to the event loop, so a zero-delay chain cannot starve I/O.
const MAX_PER_DRAIN = 5000;

/**
 * Sim time runs at 1/timeScale of real time (real ms = sim ms × timeScale). Timers fire in
 * (due, creation) order and, while a callback runs, now() is that timer's due time: chains of
 * timers happen at exact sim times whatever the machine's load, so a seeded run replays the same.
 */
const checkScale = (timeScale: number): number => {
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new RangeError(`timeScale must be a positive number, got ${timeScale}`);
  return timeScale;
};

export function createSimClock(initialScale: number, opts: SimClockOptions = {}): ManagedSimClock {
  let timeScale = checkScale(initialScale);
  let realStart = performance.now();
  let simStart = opts.startMs ?? Date.now();
  const onError = opts.onError ?? ((err: unknown) => console.error('kube-sim timer failed:', err));
  const queue: Timer[] = [];
  let seq = 0;
  let firing: number | undefined;
  let realTimer: NodeJS.Timeout | undefined;

  const scaledNow = (): number => simStart + (performance.now() - realStart) / timeScale;
  const now = (): number => firing ?? scaledNow();

  const insert = (t: Timer): void => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = queue[mid] as Timer;
      if (m.due < t.due || (m.due === t.due && m.seq < t.seq)) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, t);
  };

  const arm = (): void => {
    if (realTimer) clearTimeout(realTimer);
    realTimer = undefined;
    while (queue[0]?.cancelled) queue.shift();
    const head = queue[0];
    if (!head) return;
    const delay = Math.max(0, (head.due - scaledNow()) * timeScale);
    realTimer = setTimeout(drain, delay);
    realTimer.unref();
  };

  function drain(): void {
    realTimer = undefined;
    let fired = 0;
    while (fired < MAX_PER_DRAIN) {
      const head = queue[0];
      if (!head || head.due > scaledNow()) break;
      queue.shift();
      if (head.cancelled) continue;
      fired += 1;
      firing = head.due;
      try {
        head.fn();
      } catch (err) {
        onError(err);
      } finally {
        firing = undefined;
      }
    }
    arm();
  }

  return {
    get timeScale() {
      return timeScale;
    },
    setTimeScale(next) {
      const at = scaledNow();
      timeScale = checkScale(next);
      simStart = at;
      realStart = performance.now();
      arm();
    },
    now,
    setTimeout(fn, simMs) {
      const delay = Number.isFinite(simMs) && simMs > 0 ? simMs : 0;
      const timer: Timer = { due: now() + delay, seq: seq++, fn, cancelled: false };
      insert(timer);
      if (queue[0] === timer) arm();
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    pending: () => queue.filter((t) => !t.cancelled).length,
    stop() {
      for (const t of queue) t.cancelled = true;
      queue.length = 0;
      arm();
    },
  };
}
