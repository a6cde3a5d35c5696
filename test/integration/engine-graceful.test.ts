// Issue 7, graceful deletion: the pods a retry replaces stay Terminating for a while and keep
// counting against the quota. The retry waits them out (and the quota recount after them)
// instead of failing on the old pod's state or on the refusal its quota causes meanwhile.
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
