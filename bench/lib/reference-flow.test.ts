// The baseline must be a faithful reference flow, or the benchmarks compare against a straw man:
// it provisions a real store (against the sim, through the real client) in the reference's order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../test/kube-sim/types';
import { startHarness, type Harness } from '../../test/integration/fixtures/engine-harness';
import { simSleep, startBaselineSide, type BaselineSide } from './bench-kit';
import { referenceProvision } from './reference-flow';
import { pollingWaiter, watchingWaiter } from './reference-waiters';

let h: Harness;
let side: BaselineSide;
const rv: Record<string, number> = {};

beforeAll(async () => {
  h = await startHarness({ sim: { profile: 'fast', seed: 5 } });
  side = await startBaselineSide(h);
  h.sim.store.subscribe((event) => {
    const { name } = event.object.metadata;
    if (event.key !== 'deployments.apps') return;
    if (event.type === 'ADDED') rv[`${name} created`] ??= event.resourceVersion;
    if ((event.object.status?.readyReplicas ?? 0) >= 1) rv[`${name} ready`] ??= event.resourceVersion;
  });
});

afterAll(async () => {
  side?.close();
  await h?.close();
});

describe('referenceProvision with the 5 s-style poll (shortened)', () => {
  const ctx = () => side.contexts('reference-shop');
  let shop: ReturnType<typeof ctx>;

  it('creates the 16 objects one by one, WordPress only after MySQL is ready, and marks the row Ready', async () => {
    shop = ctx();
    h.sim.clearRequests();
    const waiter = pollingWaiter({ intervalMs: 50, sleep: simSleep(h.sim.clock), maxPolls: 400 });
    const outcome = await referenceProvision(side.client, waiter, side.state.stores, shop, side.context);

    expect(outcome).toMatchObject({ created: 16, conflicts: 0, store: { status: 'Ready' } });
    const creates = h.sim
      .requests()
      .filter((r) => r.verb === 'create')
      .map((r) => `${r.resource}`);
    expect(creates).toEqual([
      'namespaces',
      'secrets',
      'secrets',
      'resourcequotas',
      'limitranges',
      'configmaps',
      'persistentvolumeclaims',
      'deployments.apps',
      'services',
      'persistentvolumeclaims',
      'deployments.apps',
      'services',
      'jobs.batch',
      'ingresses.networking.k8s.io',
      'networkpolicies.networking.k8s.io',
      'networkpolicies.networking.k8s.io',
    ]);
    expect(rv['mysql ready']).toBeLessThan(rv['wordpress created'] as number);
    const job = h.sim.store.get('jobs.batch', shop.namespace, 'woocommerce-setup');
    expect(job?.status?.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Complete', status: 'True' })]),
    );
    // It waited by reading, not watching.
    expect(h.sim.requests().some((r) => r.verb === 'watch')).toBe(false);
  });

  it('a re-run creates nothing (every create a 409) and leaves a hand-made change in place', async () => {
    const mysql = h.sim.store.get('deployments.apps', shop.namespace, 'mysql') as KubeObject;
    h.sim.store.update('deployments.apps', { ...mysql, spec: { ...mysql.spec, replicas: 0 } });
    const outcome = await referenceProvision(
      side.client,
      watchingWaiter(10_000),
      side.state.stores,
      shop,
      side.context,
    );
    expect(outcome).toMatchObject({ created: 0, conflicts: 16 });
    expect(h.sim.store.get('deployments.apps', shop.namespace, 'mysql')?.spec.replicas).toBe(0);
  });
});

describe('pollingWaiter', () => {
  it('reads once per poll and gives up after maxPolls', async () => {
    h.sim.clearRequests();
    const waiter = pollingWaiter({ intervalMs: 5000, sleep: () => Promise.resolve(), maxPolls: 3 });
    await expect(waiter.jobComplete(side.client, 'default', 'no-such-job')).rejects.toThrow(
      'job default/no-such-job not ready after 3 polls',
    );
    expect(h.sim.requests().filter((r) => r.verb === 'get' && r.name === 'no-such-job')).toHaveLength(3);
  });
});
