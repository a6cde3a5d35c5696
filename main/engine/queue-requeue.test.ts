// The controller half of the queue: requeueAfter timers, per-key backoff after a failed pass,
// a waiting key holding no slot, and watch changes bringing a waiting key forward.
import { describe, expect, it } from 'vitest';
import type { EngineClock, TimerHandle } from './engine-clock';
import { KeyBackoff } from './key-backoff';
import { KeyedQueue, type PassOutcome } from './queue';

/** A clock the test moves by hand: timers fire only in advance(). */
function manualClock() {
  let now = 0;
  const timers: Array<{ due: number; fn: () => void; cancelled: boolean }> = [];
  const clock: EngineClock = {
    now: () => now,
    setTimeout(fn, ms): TimerHandle {
      const timer = { due: now + ms, fn, cancelled: false };
      timers.push(timer);
      return { due: timer.due, cancel: () => (timer.cancelled = true) };
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => !t.cancelled && t.due <= now)) {
      timer.cancelled = true;
      timer.fn();
    }
    await new Promise((r) => setImmediate(r));
  };
  return { clock, advance };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('KeyedQueue as a controller work queue', () => {
  it('runs a key again after the requeueAfter its pass returned, and is idle only once it is done', async () => {
    const { clock, advance } = manualClock();
    const passes: number[] = [];
    const outcomes: PassOutcome[] = [{ requeueAfterMs: 1000 }, { requeueAfterMs: 500 }, {}];
    const queue = new KeyedQueue({
      concurrency: () => 1,
      clock,
      worker: async () => {
        passes.push(clock.now());
        return outcomes.shift();
      },
    });
    let idle = false;
    queue.enqueue('a');
    void queue.idle('a').then(() => (idle = true));
    await settle();
    expect(queue.state('a')).toBe('waiting');
    await advance(999);
    expect(passes).toEqual([0]);
    await advance(1);
    expect(passes).toEqual([0, 1000]);
    await advance(500);
    await settle();
    expect(passes).toEqual([0, 1000, 1500]);
    expect(idle).toBe(true);
    expect(queue.state('a')).toBe('idle');
  });

  it('backs off per key after a failed pass (doubling), and forgets the failures once a pass succeeds', async () => {
    const { clock, advance } = manualClock();
    const passes: number[] = [];
    let failures = 3;
    const queue = new KeyedQueue({
      concurrency: () => 1,
      clock,
      backoff: { baseMs: 100, maxMs: 10_000, random: () => 1 },
      worker: async () => {
        passes.push(clock.now());
        if (failures-- > 0) throw new Error('HTTP 500');
        return {};
      },
    });
    queue.enqueue('a');
    await settle();
    for (let step = 0; step < 8; step++) await advance(100);
    // 100, then 200, then 400 ms after each failure (full ceiling with random() = 1).
    expect(passes).toEqual([0, 100, 300, 700]);
    expect(queue.state('a')).toBe('idle');
    const backoff = new KeyBackoff({ baseMs: 100, maxMs: 250, random: () => 0 });
    expect([backoff.next('k'), backoff.next('k'), backoff.next('k'), backoff.next('j')]).toEqual([
      50, 100, 125, 50,
    ]);
    backoff.forget('k');
    expect(backoff.next('k')).toBe(50);
  });

  it('a key waiting for its requeue holds no slot: the 4th store runs while 3 wait', async () => {
    const { clock } = manualClock();
    const started: string[] = [];
    const queue = new KeyedQueue({
      concurrency: () => 3,
      clock,
      // Each store waits minutes (for MySQL, say): its pass returns at once and asks to come back.
      worker: async (key) => {
        started.push(key);
        return { requeueAfterMs: 5 * 60_000 };
      },
    });
    for (const key of ['a', 'b', 'c', 'd']) queue.enqueue(key);
    await settle();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.runningCount).toBe(0);
    expect(queue.waitingCount).toBe(4);
  });

  it('a watch change brings a waiting key forward; during a pass it reruns only a pass that still waits', async () => {
    const { clock } = manualClock();
    const passes: string[] = [];
    let release: (() => void) | null = null;
    let outcome: PassOutcome = { requeueAfterMs: 60_000 };
    const queue = new KeyedQueue({
      concurrency: () => 1,
      clock,
      worker: (key) =>
        new Promise<PassOutcome>((resolve) => {
          passes.push(key);
          release = () => resolve(outcome);
        }),
    });
    queue.enqueue('a');
    (release as unknown as () => void)();
    await settle();
    expect(queue.state('a')).toBe('waiting');
    queue.enqueue('a', { fromWatch: true });
    expect(passes).toEqual(['a', 'a']);
    // A change during a pass that still waits: looked at again at once.
    queue.enqueue('a', { fromWatch: true });
    (release as unknown as () => void)();
    await settle();
    expect(passes).toEqual(['a', 'a', 'a']);
    // A change during the pass that finishes the work (Ready): no further pass.
    outcome = {};
    queue.enqueue('a', { fromWatch: true });
    (release as unknown as () => void)();
    await settle();
    expect(passes).toEqual(['a', 'a', 'a']);
    expect(queue.state('a')).toBe('idle');
  });
});
