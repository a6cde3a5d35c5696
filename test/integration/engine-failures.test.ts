// Issue 4 acceptance: each classic failure ends Failed at the right step with a plain reason,
// and a retry once the cause is gone reaches Ready.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function retryToReady(harness: Harness, store: Store): Promise<Store> {
  const retried = await harness.engine.retry(store.id);
  expect(retried).toMatchObject({ ok: true, value: { status: 'Queued' } });
  await harness.engine.settled(store.id);
  return harness.state.stores.get(store.id) as Store;
}

describe('failures and retry', () => {
  it('ImagePullBackOff: fails waiting for MySQL, naming the image; retry replaces the stuck pod and reaches Ready', async () => {
    // The kubelet waits a minute before pulling again: only replacing the pod makes a retry quick.
    const fast = loadProfile('fast');
    const slowBackoff = {
      ...fast,
      name: 'slow-backoff',
      timings: { ...fast.timings, backoffBaseMs: 60_000, backoffMaxMs: 60_000 },
    };
    h = await startHarness({ sim: { profile: slowBackoff, faults: { imagePullFailPattern: '^mysql' } } });
    const failed = await h.createAndSettle('Pull Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'wait-mysql' });
    expect(failed.errorMessage).toMatch(
      /MySQL cannot start: the image "mysql:[^"]+" cannot be pulled, ImagePullBackOff/,
    );
    expect(h.state.events.list(failed.id).at(-1)).toMatchObject({ step: 'wait-mysql', status: 'failed' });

    h.sim.setFaults({ imagePullFailPattern: null });
    const started = Date.now();
    const ready = await retryToReady(h, failed);
    expect(ready).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    expect(Date.now() - started).toBeLessThan(20_000);
    const replaced = h.state.events
      .list(failed.id)
      .find((e) => e.step === 'retry' && e.status === 'completed');
    expect(replaced?.message).toMatch(/Replaced pods stuck from the last attempt: mysql-/);
  });

  it('CrashLoopBackOff: fails naming the crashing container; retry once it is fixed reaches Ready', async () => {
    h = await startHarness({ sim: { faults: { crashLoopPattern: '^wordpress:6' } } });
    const failed = await h.createAndSettle('Crash Loop Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'wait-wordpress' });
    expect(failed.errorMessage).toMatch(/WordPress .*crash/i);

    h.sim.setFaults({ crashLoopPattern: null });
    expect((await retryToReady(h, failed)).status).toBe('Ready');
  });

  it('missing StorageClass: fails on the volume claim, saying the class does not exist; retry once it exists reaches Ready', async () => {
    h = await startHarness({ settings: { storageClass: 'fast-ssd' } });
    const failed = await h.createAndSettle('Disk Shop');
    expect(failed.status).toBe('Failed');
    expect(failed.errorStep).toMatch(/^wait-(mysql|wordpress)$/);
    expect(failed.errorMessage).toMatch(/asks for StorageClass "fast-ssd", which does not exist/);

    h.sim.store.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast-ssd' },
      provisioner: 'rancher.io/local-path',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    expect((await retryToReady(h, failed)).status).toBe('Ready');
  });

  it('quota exceeded: fails with the quota named in plain words; retry after the quota is lifted reaches Ready', async () => {
    // A refusal stands 15 s (its recount allowance) before it fails the store: on the sim's
    // clock, replayed 100x, that is 0.15 s.
    const fast = loadProfile('fast');
    h = await startHarness({
      sim: { profile: { ...fast, name: 'fast-replay', timeScale: 0.01 } },
      simClock: true,
    });
    const sim = h.sim;
    // A cluster admin's tighter quota in the store's namespace, added the moment Storedeck has
    // made (and so owns) the namespace, before any pod of it exists.
    const off = sim.store.subscribe((event) => {
      if (event.key !== 'namespaces' || event.type !== 'ADDED') return;
      if (event.object.metadata.name !== 'store-quota-shop') return;
      sim.store.create('resourcequotas', {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'admin-cap', namespace: 'store-quota-shop' },
        spec: { hard: { pods: '1' } },
      });
    });
    const failed = await h.createAndSettle('Quota Shop');
    off();
    expect(failed.status).toBe('Failed');
    expect(failed.errorStep).toMatch(/^wait-(mysql|wordpress)$/);
    expect(failed.errorMessage).toMatch(/resource quota is used up .*exceeded quota: admin-cap/);

    h.sim.store.delete('resourcequotas', 'store-quota-shop', 'admin-cap');
    expect((await retryToReady(h, failed)).status).toBe('Ready');
  });

  it('failing setup job: fails at setup with its last log lines; retry replaces the job and reaches Ready', async () => {
    h = await startHarness({ sim: { faults: { jobFailPattern: 'woocommerce-setup' } } });
    const failed = await h.createAndSettle('Setup Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'setup' });
    expect(failed.errorMessage).toMatch(/The setup job \(woocommerce-setup\) failed after \d+ attempts/);
    expect(failed.errorMessage).toMatch(/Last log lines:\n\S/);
    const oldJob = h.sim.store.get('jobs.batch', 'store-setup-shop', 'woocommerce-setup');

    h.sim.setFaults({ jobFailPattern: null });
    const ready = await retryToReady(h, failed);
    expect(ready.status).toBe('Ready');
    const newJob = h.sim.store.get('jobs.batch', 'store-setup-shop', 'woocommerce-setup');
    expect(newJob?.metadata.uid).not.toBe(oldJob?.metadata.uid);
    expect(
      h.sim.store.get('namespaces', undefined, 'store-setup-shop')?.metadata.annotations?.[
        'storedeck.dev/setup-completed-generation'
      ],
    ).toBe('2');
  });
});
