// The kubelet's and the provisioner's signals become the store's failure reason, early and in
// plain words: a claim the provisioner cannot create on the node the scheduler chose and a
// container the runtime will not create (each fails the store long before any timeout), and a
// readiness probe that never passes (named in the timeout's reason). The fast profile replayed
// 100× keeps probe periods short.
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import type { FaultConfig } from '../kube-sim/types';
import { startHarness, type Harness } from './fixtures/engine-harness';
import { reconcileAlone } from './fixtures/reconcile-alone';

const fast = loadProfile('fast');
const replay = { ...fast, name: 'fast-replay', timeScale: 0.01 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function failedWith(faults: FaultConfig): Promise<{ failed: Store }> {
  h = await startHarness({ sim: { profile: replay, faults } });
  return { failed: await h.createAndSettle('Signal Shop') };
}

async function retryToReady(harness: Harness, store: Store): Promise<Store> {
  expect(await harness.engine.retry(store.id)).toMatchObject({ ok: true });
  await harness.engine.settled(store.id);
  return harness.state.stores.get(store.id) as Store;
}

describe('engine diagnosis of kubelet and provisioner signals', () => {
  it('a claim the provisioner cannot create on the selected node fails the store, naming node and provisioner', async () => {
    const { failed } = await failedWith({ provisioningFailPattern: '^local-path$' });
    expect(failed.status).toBe('Failed');
    expect(failed.errorStep).toMatch(/^wait-(mysql|wordpress)$/);
    expect(failed.errorMessage).toMatch(
      /^The volume claim (mysql|wordpress)-data cannot be created on node sim-node-\d: the storage provisioner of StorageClass "local-path" says "failed to provision volume with StorageClass "local-path": config doesn't contain node sim-node-\d/,
    );
    expect(failed.errorMessage).not.toMatch(/timed out/);

    h?.sim.setFaults({ provisioningFailPattern: null });
    expect((await retryToReady(h as Harness, failed)).status).toBe('Ready');
  });

  it('a container the runtime refuses to create fails the store with the runtime’s words; a retry reaches Ready', async () => {
    const { failed } = await failedWith({ createContainerErrorPattern: '^wordpress:6' });
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'wait-wordpress' });
    expect(failed.errorMessage).toMatch(
      /^WordPress cannot start: the container runtime on the node refuses to create container "wordpress" \(failed to reserve container name "wordpress_wordpress-/,
    );
    expect(failed.errorMessage).toMatch(/The kubelet has tried \d+ times\.$/);

    h?.sim.setFaults({ createContainerErrorPattern: null });
    expect((await retryToReady(h as Harness, failed)).status).toBe('Ready');
  });

  it('a readiness probe that never passes is the reason given when the wait times out', async () => {
    h = await startHarness({
      sim: { profile: replay, faults: { readinessProbeFailPattern: '^wordpress:6' } },
    });
    const { outcome, store } = await reconcileAlone(h, 'Unready Shop', { provisionTimeoutMinutes: 2 / 60 });
    expect(outcome).toBe('failed');
    expect(store).toMatchObject({ status: 'Failed', errorStep: 'wait-wordpress' });
    expect(store?.errorMessage).toMatch(
      /waiting for wordpress to become available: WordPress is running but not ready: its readiness probe keeps failing \(HTTP probe failed with statuscode: 500\), \d+ times over /,
    );
  });
});
