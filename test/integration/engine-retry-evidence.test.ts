// Issue 7: a retry is judged only on what happened after it began. What the failed attempt left
// behind — the provisioner's ProvisioningFailed events (kept for an hour), a setup Job that
// failed (kept until its TTL) — must not fail the retry before the cluster has had its next try.
// The fast profile replayed 100x; for the provisioner, a real one's back-off (1, 2, 4 min…: three
// failed tries fail the store in 3 min, the fourth try comes 4 min later).
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { loadProfile } from '../kube-sim/profiles/load-profile';
import { startHarness, type Harness } from './fixtures/engine-harness';

const fast = loadProfile('fast');
const replay = { ...fast, name: 'fast-replay', timeScale: 0.01 };
const slowProvisioner = {
  ...replay,
  name: 'slow-backoff-replay',
  timings: { ...replay.timings, backoffBaseMs: 60_000, backoffMaxMs: 600_000 },
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function retryToSettled(harness: Harness, store: Store): Promise<Store> {
  expect(await harness.engine.retry(store.id)).toMatchObject({ ok: true, value: { status: 'Queued' } });
  await harness.engine.settled(store.id);
  return harness.state.stores.get(store.id) as Store;
}

describe('a retry judged on what happened after it began', () => {
  it('is not failed by the last attempt’s ProvisioningFailed events while the provisioner has yet to retry', async () => {
    h = await startHarness({
      sim: { profile: slowProvisioner, faults: { provisioningFailPattern: '^local-path$' } },
    });
    const failed = await h.createAndSettle('Volume Shop');
    expect(failed).toMatchObject({ status: 'Failed' });
    expect(failed.errorMessage).toMatch(/^The volume claim (mysql|wordpress)-data cannot be created on node/);

    // The node's storage is fixed; the provisioner's next try is 4 min (sim) away, after the
    // retry's first looks: until then the claim stays Pending with the old failures on it.
    h.sim.setFaults({ provisioningFailPattern: null });
    const oldFailures = h.sim.store
      .list('events', failed.namespace)
      .filter((e) => e.reason === 'ProvisioningFailed');
    expect(oldFailures.length).toBeGreaterThan(0);
    // What the retry's first look found (its waits are announced as it begins).
    const harness = h;
    let pendingAtFirstLook: boolean | null = null;
    const off = harness.engine.bus.subscribe((name, payload) => {
      const row = payload as { step?: string; status?: string };
      if (name !== 'timelineEvent' || row.step !== 'wait-mysql' || row.status !== 'started') return;
      off();
      const claims = harness.sim.store.list('persistentvolumeclaims', failed.namespace);
      pendingAtFirstLook = claims.some((c) => c.status?.phase === 'Pending');
    });
    const ready = await retryToSettled(h, failed);
    off();
    expect(pendingAtFirstLook).toBe(true);
    expect(ready).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    // The old events were still there while the retry ran: they outlive the attempt by an hour.
    const stillThere = h.sim.store
      .list('events', failed.namespace)
      .filter((e) => e.reason === 'ProvisioningFailed');
    expect(stillThere.map((e) => e.metadata.uid)).toEqual(oldFailures.map((e) => e.metadata.uid));
  });

  it('is not failed by the last attempt’s failed setup Job while a Deployment is still coming up', async () => {
    h = await startHarness({
      sim: { profile: replay, faults: { jobFailPattern: 'woocommerce-setup' } },
    });
    const failed = await h.createAndSettle('Setup Shop');
    expect(failed).toMatchObject({ status: 'Failed', errorStep: 'setup' });
    const oldJob = h.sim.store.get('jobs.batch', failed.namespace, 'woocommerce-setup');
    expect(oldJob?.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'Failed', status: 'True' }),
    );

    // Fixed, but meanwhile WordPress's pod was replaced (a node drain) by one that does not turn
    // ready, so the retry's first look finds WordPress unavailable and the failed Job still there.
    const harness = h;
    const replaceWordpress = (): void => {
      const pod = harness.sim.store
        .list('pods', failed.namespace)
        .find((p) => p.metadata.name.startsWith('wordpress-') && !p.metadata.deletionTimestamp);
      harness.sim.store.delete('pods', failed.namespace, String(pod?.metadata.name));
    };
    h.sim.setFaults({ jobFailPattern: null, readinessProbeFailPattern: '^wordpress:6' });
    replaceWordpress();
    const off = harness.engine.bus.subscribe((name, payload) => {
      const row = payload as { step?: string; status?: string };
      if (name !== 'timelineEvent' || row.step !== 'wait-wordpress' || row.status !== 'started') return;
      off();
      // As the retry's first look begins, a healthy WordPress pod takes over.
      harness.sim.setFaults({ readinessProbeFailPattern: null });
      replaceWordpress();
    });
    const ready = await retryToSettled(h, failed);
    expect(ready).toMatchObject({ status: 'Ready', errorStep: null, errorMessage: null });
    const newJob = h.sim.store.get('jobs.batch', failed.namespace, 'woocommerce-setup');
    expect(newJob?.metadata.uid).not.toBe(oldJob?.metadata.uid);
    off();
  });
});
