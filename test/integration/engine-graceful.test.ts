// Issue 7, graceful deletion: the pods a retry replaces stay Terminating for a while and keep
// counting against the quota. The retry waits them out (and the quota recount after them)
// instead of failing on the old pod's state or on the refusal its quota causes meanwhile; a pod
// deleted behind the engine's back mid-provisioning is waited out the same way.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// The kubelet waits a minute before pulling again, and a deleted pod takes 2 s to stop.
const fast = loadProfile('fast');
const profile = {
  ...fast,
  name: 'slow-stop',
  timings: { ...fast.timings, backoffBaseMs: 60_000, backoffMaxMs: 60_000, podTerminationMs: 2000 },
};

async function retryToSettled(harness: Harness, store: Store): Promise<Store> {
  const retried = await harness.engine.retry(store.id);
  expect(retried).toMatchObject({ ok: true, value: { status: 'Queued' } });
  await harness.engine.settled(store.id);
  return harness.state.stores.get(store.id) as Store;
}

/** A cluster admin's quota in the store's namespace: room for MySQL, WordPress and the setup job, not for a second MySQL. */
function capMemory(harness: Harness, namespace: string): () => void {
  return harness.sim.store.subscribe((event) => {
    if (event.key !== 'namespaces' || event.type !== 'ADDED' || event.object.metadata.name !== namespace)
      return;
    harness.sim.store.create('resourcequotas', {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'admin-cap', namespace },
      spec: { hard: { 'limits.memory': '1792Mi' } },
    });
  });
}

/** Once a pod of the Deployment first runs, calls act (once). */
function onFirstRunning(harness: Harness, namespace: string, deployment: string, act: () => void): void {
  const off = harness.sim.store.subscribe((event) => {
    const { metadata, status } = event.object;
    if (event.key !== 'pods' || metadata.namespace !== namespace) return;
    if (!metadata.name.startsWith(`${deployment}-`) || status?.phase !== 'Running') return;
    off();
    act();
  });
}

describe('a retry while the replaced pods terminate', () => {
  it('waits for the stuck pod to be gone instead of failing on its old ImagePullBackOff', async () => {
    h = await startHarness({ sim: { profile, faults: { imagePullFailPattern: '^mysql' } } });
    const failed = await h.createAndSettle('Stop Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    const stuck = h.sim.store
      .list('pods', 'store-stop-shop')
      .find((p) => p.metadata.name.startsWith('mysql-'));

    h.sim.setFaults({ imagePullFailPattern: null });
    const ready = await retryToSettled(h, failed);
    expect(ready).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    const notes = h.state.events.list(failed.id).filter((e) => e.step === 'retry');
    expect(notes.map((e) => e.status)).toEqual(['started', 'completed']);
    expect(notes[1]?.message).toContain(String(stuck?.metadata.name));
  });

  it('treats the quota refusal of the replacement, while the old pod still counts, as a wait', async () => {
    h = await startHarness({ sim: { profile, faults: { imagePullFailPattern: '^mysql' } } });
    const off = capMemory(h, 'store-tight-shop');
    const failed = await h.createAndSettle('Tight Shop');
    off();
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    expect(failed.errorMessage).toMatch(/cannot be pulled/);

    h.sim.setFaults({ imagePullFailPattern: null });
    const ready = await retryToSettled(h, failed);
    expect(ready).toMatchObject({ status: 'Ready', errorStep: null });
    // The replacement was refused while the old MySQL pod terminated: the store waited it out.
    const refusals = h.sim.store
      .list('events', 'store-tight-shop')
      .filter((e) => e.reason === 'FailedCreate' && /exceeded quota: admin-cap/.test(String(e.message)));
    expect(refusals.length).toBeGreaterThan(0);
  });
});

// Replayed 10x slower, the engine on the sim's clock: a deleted pod takes 25 s to stop (longer
// than the engine's 15 s allowance for a refusal alone) and the quota controller recounts 5 s
// after a change; WordPress takes 45 s to turn ready, so MySQL's pod goes while the store waits.
const lagging = {
  ...fast,
  name: 'quota-lag',
  timeScale: 0.1,
  timings: {
    ...fast.timings,
    podTerminationMs: 25_000,
    quotaSyncMs: 5000,
    readyAfterStartMs: { wordpress: 45_000, '*': 80 },
  },
};

describe('a pod deleted mid-provisioning under a tight quota', () => {
  it('waits while the old pod still counts against the quota, then goes on to Ready', async () => {
    h = await startHarness({ sim: { profile: lagging }, simClock: true });
    const namespace = 'store-evicted-shop';
    const off = capMemory(h, namespace);
    let deleted: string | undefined;
    // While WordPress starts, someone (a node drain, kubectl delete pod) removes MySQL's pod: its
    // replacement is refused until the old one is gone and the quota controller has recounted.
    onFirstRunning(h, namespace, 'wordpress', () => {
      deleted = h?.sim.store.list('pods', namespace).find((p) => p.metadata.name.startsWith('mysql-'))
        ?.metadata.name;
      if (deleted) h?.sim.store.delete('pods', namespace, deleted);
    });
    let refusedWhileTerminating = false;
    const offRefusals = h.sim.store.subscribe(({ key, object }) => {
      if (key !== 'events' || object.metadata.namespace !== namespace || object.reason !== 'FailedCreate')
        return;
      const about = (object.involvedObject as { name?: string } | undefined)?.name;
      if (about === 'mysql' && deleted && h?.sim.store.get('pods', namespace, deleted))
        refusedWhileTerminating = true;
    });
    const store = await h.createAndSettle('Evicted Shop');
    off();
    offRefusals();

    expect(store).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    expect(deleted).toBeDefined();
    const refusals = h.sim.store
      .list('events', namespace)
      .filter(
        (e) =>
          e.reason === 'FailedCreate' &&
          (e.involvedObject as { name?: string } | undefined)?.name === 'mysql' &&
          /exceeded quota: admin-cap/.test(String(e.message)),
      );
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusedWhileTerminating).toBe(true);
    expect(h.state.events.list(store.id).some((e) => e.status === 'failed')).toBe(false);
  });
});
