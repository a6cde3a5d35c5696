// A MySQL Deployment switched to RollingUpdate by hand (kubectl edit: the apiserver defaults a
// rollingUpdate block owned by that editor) is put back to Recreate on the next pass, as kubectl
// would with $retainKeys, instead of failing every pass with 422.
import { AppsV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import { startHarness, type Harness } from './fixtures/engine-harness';

let h: Harness;
let store: Store;

beforeAll(async () => {
  h = await startHarness();
  store = await h.createAndSettle('Strategy Shop');
});
afterAll(async () => {
  await h?.close();
});

describe('a hand-changed Deployment strategy', () => {
  it('is put back to Recreate on the next pass, and the store stays Ready', async () => {
    expect(store.status).toBe('Ready');
    const kc = new KubeConfig();
    kc.loadFromString(h.sim.kubeconfig);
    await kc.makeApiClient(AppsV1Api).patchNamespacedDeployment(
      {
        name: 'mysql',
        namespace: 'store-strategy-shop',
        fieldManager: 'kubectl-edit',
        body: { spec: { strategy: { type: 'RollingUpdate' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const edited = h.sim.store.get('deployments.apps', 'store-strategy-shop', 'mysql');
    expect(edited?.spec.strategy.rollingUpdate).toEqual({ maxSurge: '25%', maxUnavailable: '25%' });

    h.sim.clearRequests();
    const again = await h.engine.reconcileNow(store.id);
    expect(again.ok).toBe(true);
    await h.engine.settled(store.id);

    expect(h.sim.store.get('deployments.apps', 'store-strategy-shop', 'mysql')?.spec.strategy).toEqual({
      type: 'Recreate',
    });
    const mysqlWrites = h.sim
      .requests()
      .filter((r) => r.name === 'mysql' && r.resource === 'deployments.apps' && r.verb === 'patch');
    expect(mysqlWrites.map((r) => r.status)).toEqual([422, 200, 200]);
    expect(h.state.stores.get(store.id)).toMatchObject({ status: 'Ready', errorStep: null });
  });
});
