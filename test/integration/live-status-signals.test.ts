// A Ready store whose WordPress stops passing its readiness probe turns Degraded, and the live
// status quotes the kubelet's probe failure instead of only "not ready": the hub reads the
// unwell namespace's pod events through the real client, against the simulator.
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../preload/contract';
import { LiveStatusHub } from '../../main/engine/live-status/live-status-hub';
import { strategyFor } from '../../main/engine/strategies/registry';
import { ClientPool } from '../../main/kube/client-pool';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
let hub: LiveStatusHub | undefined;
afterAll(async () => {
  hub?.close();
  await h?.close();
});

describe('live status from the kubelet’s signals', () => {
  it('a Ready store whose WordPress fails its readiness probe is Degraded with the probe’s words', async () => {
    const fast = loadProfile('fast');
    h = await startHarness({ sim: { profile: { ...fast, name: 'fast-replay', timeScale: 0.01 } } });
    const harness = h;
    const store = await harness.createAndSettle('Live Shop');
    expect(store.status).toBe('Ready');
    // The hub watches as the admin, as the dashboard of a cluster owner does.
    const pool = new ClientPool(harness.adminKubeconfigPath);
    const degraded = new Promise<LiveStatus>((resolve) => {
      harness.engine.bus.subscribe((name, payload) => {
        const live = payload as LiveStatus;
        if (name === 'liveStatus' && live.storeId === store.id && /probe failing/.test(live.reason ?? ''))
          resolve(live);
      });
    });
    hub = new LiveStatusHub({
      listStores: (context) => harness.state.stores.list(context),
      storeContext: (s) => harness.engine.storeContext(s),
      strategyFor,
      clientFor: (context) => pool.clientFor(context),
      bus: harness.engine.bus,
      probeIntervalMs: 200,
      settleMs: 20,
    });
    hub.observe(CONTEXT);

    // The next WordPress container answers its probe with 500: replace the running pod.
    harness.sim.setFaults({ readinessProbeFailPattern: '^wordpress:6' });
    for (const pod of harness.sim.store.list('pods', store.namespace))
      if (pod.metadata.name.startsWith('wordpress-'))
        harness.sim.store.delete('pods', store.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });

    const live = await degraded;
    expect(live.state).toBe('Degraded');
    expect(live.reason).toMatch(
      /^Pod wordpress-\S+ is not ready \(readiness probe failing: HTTP probe failed with statuscode: 500\)$/,
    );
  });
});
