// The live status of a namespaced user — charts/storedeck-access's ServiceAccount, which may
// watch pods and namespaces everywhere but everything else only inside store namespaces — through
// the real client against the simulator: one pod watch and one namespace watch whatever the number
// of stores, the other kinds polled per store namespace. Each case pins which path must carry the
// news: the sweep (a Service deleted by hand leaves no other trace), a pod hint (a Deployment
// deleted takes its pods with it, with the sweep set far beyond the test's time), the pod watch
// (Degraded), the namespace watch (the namespace gone) and a look at an opened store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveStatus, Store } from '../../preload/contract';
import { LiveStatusHub, type LiveStatusHubOptions } from '../../main/engine/live-status/live-status-hub';
import { strategyFor } from '../../main/engine/strategies/registry';
import { ClientPool } from '../../main/kube/client-pool';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { CONTEXT, startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let store: Store;
const hubs: LiveStatusHub[] = [];

beforeAll(async () => {
  const fast = loadProfile('fast');
  h = await startHarness({ sim: { profile: { ...fast, name: 'fast-replay', timeScale: 0.01 } } });
  store = await h.createAndSettle('Namespaced Shop');
}, 120_000);

afterAll(async () => {
  for (const hub of hubs) hub.close();
  await h?.close();
});

/** Repairs what a case broke and waits for that pass to end, so the next case starts Ready. */
async function repair(): Promise<void> {
  expect((await h.engine.reconcileNow(store.id)).ok).toBe(true);
  await h.engine.settled(store.id);
  expect(h.state.stores.get(store.id)?.status).toBe('Ready');
}

/** A hub as the chart's ServiceAccount runs it, and the first verdict that matches. */
function startHub(extra: Partial<LiveStatusHubOptions> = {}) {
  const pool = new ClientPool(h.kubeconfigPath);
  const hub = new LiveStatusHub({
    listStores: (context) => h.state.stores.list(context),
    storeContext: (s) => h.engine.storeContext(s),
    strategyFor,
    clientFor: (context) => pool.clientFor(context),
    bus: h.engine.bus,
    probeIntervalMs: 200,
    settleMs: 20,
    ...extra,
  });
  hubs.push(hub);
  const verdict = (match: (live: LiveStatus) => boolean) =>
    new Promise<LiveStatus>((resolve) => {
      const off = h.engine.bus.subscribe((name, payload) => {
        const live = payload as LiveStatus;
        if (name !== 'liveStatus' || live.storeId !== store.id || !match(live)) return;
        off();
        resolve(live);
      });
    });
  return { hub, verdict };
}

describe('live status as a namespaced user', () => {
  it('holds two watches (pods, namespaces) and finds a Service deleted by hand on the sweep', async () => {
    const { hub, verdict } = startHub({ pollSweepMs: 300, pollListsPerSecond: 50 });
    const ready = verdict((live) => live.state === 'Ready');
    hub.observe(CONTEXT);
    await ready;
    expect(hub.mode()).toBe('mixed');
    expect(hub.watchCount()).toBe(2);

    const drifted = verdict((live) => live.state === 'Drifted');
    h.sim.store.delete('services', store.namespace, 'wordpress');
    expect((await drifted).reason).toMatch(/Service wordpress is missing/);
    hub.close();
    await repair();
  });

  it('looks again at once at a store whose detail is opened, long before any sweep', async () => {
    const { hub, verdict } = startHub({ pollSweepMs: 10 * 60_000 });
    const ready = verdict((live) => live.state === 'Ready');
    hub.observe(CONTEXT);
    await ready;

    const drifted = verdict((live) => live.state === 'Drifted');
    h.sim.store.delete('services', store.namespace, 'mysql');
    hub.lookNow(store.id);
    expect((await drifted).reason).toMatch(/Service mysql is missing/);
    hub.close();
    await repair();
  });

  it('finds a Deployment deleted by its pods going, long before any sweep', async () => {
    const { hub, verdict } = startHub({ pollSweepMs: 10 * 60_000 });
    const ready = verdict((live) => live.state === 'Ready');
    hub.observe(CONTEXT);
    await ready;
    const listsBefore = hub.pollStats()?.lists ?? 0;

    const drifted = verdict((live) => live.drifted.includes('Deployment/wordpress'));
    h.sim.store.delete('deployments.apps', store.namespace, 'wordpress');
    expect((await drifted).reason).toMatch(/Deployment wordpress is missing/);
    // Told by the pod watch: only the namespace's Deployments were listed again.
    expect((hub.pollStats()?.lists ?? 0) - listsBefore).toBeLessThanOrEqual(2);
    hub.close();
    await repair();
  });

  it('is Degraded with the reason when a pod stops being ready (the pod watch)', async () => {
    const { hub, verdict } = startHub({ pollSweepMs: 10 * 60_000 });
    const ready = verdict((live) => live.state === 'Ready');
    hub.observe(CONTEXT);
    await ready;

    const degraded = verdict((live) => live.state === 'Degraded' && /probe failing/.test(live.reason ?? ''));
    h.sim.setFaults({ readinessProbeFailPattern: '^wordpress:6' });
    for (const pod of h.sim.store.list('pods', store.namespace))
      if (pod.metadata.name.startsWith('wordpress-'))
        h.sim.store.delete('pods', store.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    expect((await degraded).reason).toMatch(/^Pod wordpress-\S+ is not ready \(readiness probe failing/);
    h.sim.setFaults({ readinessProbeFailPattern: null });
    hub.close();
  });

  it('is Drifted when the store namespace is gone, though its rights went with it', async () => {
    const { hub, verdict } = startHub({ pollSweepMs: 10 * 60_000 });
    const first = verdict(() => true);
    hub.observe(CONTEXT);
    await first;

    const drifted = verdict((live) => live.state === 'Drifted' && live.drifted.includes('Service/wordpress'));
    h.sim.store.delete('namespaces', undefined, store.namespace);
    expect((await drifted).reason).toMatch(/Deployment wordpress is missing/);
  });
});
