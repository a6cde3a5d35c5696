import { describe, expect, it } from 'vitest';
import { createSimClock } from './sim-clock.js';

const settle = (clock: ReturnType<typeof createSimClock>, limitMs = 2000): Promise<void> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (clock.pending() === 0) resolve();
      else if (Date.now() - started > limitMs) reject(new Error('timers did not settle'));
      else setTimeout(check, 2);
    };
    check();
  });

describe('createSimClock', () => {
  it('runs sim time 1/timeScale faster than real time', async () => {
    const clock = createSimClock(0.01, { startMs: 1_000_000 });
    const t0 = clock.now();
    expect(t0).toBeGreaterThanOrEqual(1_000_000);
    const realStart = Date.now();
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 3000)); // 3 s sim = 30 ms real
    const realElapsed = Date.now() - realStart;
    expect(realElapsed).toBeLessThan(1000);
    expect(clock.now() - t0).toBeGreaterThanOrEqual(3000);
  });

  it('changes rate without a jump in sim time, and timers follow the new rate', async () => {
    const clock = createSimClock(1, { startMs: 0 });
    clock.setTimeScale(0.0001);
    expect(clock.timeScale).toBe(0.0001);
    // 60 s sim is 6 ms real on the new rate (on the old one, a minute: the test would time out).
    const before = clock.now();
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 60_000));
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
    // Slowed down 10^7 times: sim time goes on from where it was (no jump back to the old
    // anchor, nor by the 60 s already run) and then crawls (10 ms sim = 10 s real).
    const fastAt = clock.now();
    clock.setTimeScale(1000);
    const slowAt = clock.now();
    expect(slowAt).toBeGreaterThanOrEqual(fastAt);
    expect(slowAt - fastAt).toBeLessThan(60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.now() - slowAt).toBeLessThan(10);
    expect(() => clock.setTimeScale(0)).toThrow(RangeError);
  });

  it('fires timers in due order and reports the due time as now() inside callbacks', async () => {
    const clock = createSimClock(0.001, { startMs: 0 });
    const seen: Array<[string, number]> = [];
    let base = 0;
    // Scheduling from inside a callback makes every due time exact relative to `base`.
    clock.setTimeout(() => {
      base = clock.now();
      clock.setTimeout(() => seen.push(['b', clock.now() - base]), 200);
      clock.setTimeout(() => {
        seen.push(['a', clock.now() - base]);
        // A chained timer is relative to the parent's due time, not to when it really ran.
        clock.setTimeout(() => seen.push(['a2', clock.now() - base]), 150);
      }, 100);
      clock.setTimeout(() => seen.push(['c', clock.now() - base]), 200);
    }, 0);
    await settle(clock);
    expect(seen.map(([n]) => n)).toEqual(['a', 'b', 'c', 'a2']);
    expect(seen.map(([, t]) => t)).toEqual([100, 200, 200, 250]);
  });

  it('cancels single timers and everything on stop', async () => {
    const clock = createSimClock(0.001);
    const fired: string[] = [];
    const h = clock.setTimeout(() => fired.push('cancelled'), 10);
    clock.setTimeout(() => fired.push('kept'), 20);
    h.cancel();
    await settle(clock);
    expect(fired).toEqual(['kept']);
    clock.setTimeout(() => fired.push('stopped'), 10);
    clock.stop();
    expect(clock.pending()).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['kept']);
  });

  it('keeps going when a callback throws', async () => {
    const errors: unknown[] = [];
    const clock = createSimClock(0.001, { onError: (e) => errors.push(e) });
    const fired: string[] = [];
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 5);
    clock.setTimeout(() => fired.push('after'), 6);
    await settle(clock);
    expect(errors).toHaveLength(1);
    expect(fired).toEqual(['after']);
  });

  it('rejects a non-positive time scale', () => {
    expect(() => createSimClock(0)).toThrow(RangeError);
    expect(() => createSimClock(-1)).toThrow(RangeError);
  });
});
