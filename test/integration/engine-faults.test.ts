// Issue 4 acceptance: with 5% 500s, 1% dropped connections and watches cut every 5 s, ten stores
// all reach Ready; transient errors never fail a store.
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

describe('under API faults', () => {
  it('ten stores all reach Ready, three passes at a time', async () => {
    h = await startHarness({
      sim: { seed: 42, faults: { errorRate: 0.05, dropRate: 0.01, watchCutAfterSeconds: 5 } },
    });
    const harness = h;
    // The concurrency setting bounds passes in flight (API bursts); a store that waits holds none.
    let maxRunning = 0;
    harness.engine.bus.subscribe(() => {
      maxRunning = Math.max(maxRunning, harness.engine.passesInFlight);
    });

    const ids: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const created = await harness.engine.create({
        name: `Fault Shop ${i}`,
        adminEmail: 'owner@example.com',
        plan: 'woocommerce',
        context: CONTEXT,
      });
      if (!created.ok) throw new Error(created.error.message);
      ids.push(created.value.id);
    }
    await Promise.all(ids.map((id) => harness.engine.settled(id)));

    const stores = ids.map((id) => harness.state.stores.get(id) as Store);
    expect(stores.map((s) => [s.name, s.status, s.errorMessage])).toEqual(
      stores.map((s) => [s.name, 'Ready', null]),
    );
    expect(maxRunning).toBeLessThanOrEqual(3);
    const log = harness.sim.requests();
    // The faults really happened, and were absorbed.
    expect(log.filter((r) => r.fault === 'error').length).toBeGreaterThan(0);
    expect(log.filter((r) => r.verb === 'watch').length).toBeGreaterThan(10);
    for (const store of stores) {
      expect(harness.state.events.list(store.id).filter((e) => e.status === 'failed')).toEqual([]);
    }
  }, 150_000);
});
