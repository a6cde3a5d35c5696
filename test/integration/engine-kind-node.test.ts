// A store on the default simulator profile, a Kind node as `storedeck cluster create` makes it:
// one node, one image pull at a time, pulls timed by image size. The engine still gets the store
// to Ready (both volumes and the setup Job on the one node), and the sim time it took covers its
// images' pulls. kind-profile.test.ts shows the pulls queue; here the engine copes with it.
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

const PULLED = /^Successfully pulled image "[^"]+" in ([\d.]+)s \(/;

describe('a store on a Kind-like node', () => {
  it('reaches Ready on one node with serialized, size-timed pulls', async () => {
    h = await startHarness({ sim: { profile: 'kind' } });
    const startedSim = h.sim.clock.now();
    const store = await h.createAndSettle('Kind Shop');
    expect(store.status).toBe('Ready');
    const readyAfterMs = h.sim.clock.now() - startedSim;
    const pods = h.sim.store.list('pods', store.namespace);
    expect(new Set(pods.map((p) => p.spec?.nodeName))).toEqual(new Set(['storedeck-control-plane']));
    const pulls = h.sim.store
      .list('events', store.namespace)
      .filter((e) => e.reason === 'Pulled')
      .map((e) => Number(PULLED.exec(String(e.message))?.[1] ?? 0) * 1000);
    // MySQL, WordPress, WP-CLI: each at least its size over the node's bandwidth.
    expect(pulls.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...pulls)).toBeGreaterThan(1500);
    expect(readyAfterMs).toBeGreaterThan(pulls.reduce((a, b) => a + b, 0));
  });
});
