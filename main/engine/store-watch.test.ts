import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from '../kube/client';
import { StoreWatches } from './store-watch';

let sim: KubeSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(): Promise<KubeClient> {
  sim = await startKubeSim({ profile: 'fast', seed: 5 });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return new KubeClient(kc, { baseDelayMs: 5 });
}

const watchesOf = (resource: string) =>
  (sim as KubeSim).requests().filter((r) => r.verb === 'watch' && r.resource === resource).length;

describe('StoreWatches (against kube-sim)', () => {
  it('three stores on one client share one StorageClass watch; each store keeps its own namespace watches', async () => {
    const client = await start();
    const changed: string[] = [];
    const watches = new StoreWatches((id) => changed.push(id));
    const stores = ['a', 'b', 'c'].map((id) => ({ id, watch: watches.open(id, client, `store-${id}`) }));
    await expect.poll(() => stores.every((s) => s.watch.snapshot() !== null)).toBe(true);
    expect(watchesOf('storageclasses.storage.k8s.io')).toBe(1);
    expect(watchesOf('pods')).toBe(3);
    expect(watches.clusterWatches).toBe(1);
    const seeded = stores[0]?.watch.snapshot()?.storageClasses.length ?? 0;
    expect(seeded).toBeGreaterThan(0);

    // A new class reaches every store's snapshot and enqueues every store.
    changed.length = 0;
    sim?.store.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast-ssd' },
      provisioner: 'rancher.io/local-path',
    });
    await expect
      .poll(() => stores.every((s) => s.watch.snapshot()?.storageClasses.length === seeded + 1))
      .toBe(true);
    expect(new Set(changed)).toEqual(new Set(['a', 'b', 'c']));

    // The shared watch stays while any store uses it and stops with the last.
    watches.close('a');
    watches.close('b');
    expect(watches.clusterWatches).toBe(1);
    watches.close('c');
    expect(watches.clusterWatches).toBe(0);
    const next = watches.open('d', client, 'store-d');
    await expect.poll(() => next.snapshot() !== null).toBe(true);
    expect(watchesOf('storageclasses.storage.k8s.io')).toBe(2);
    watches.closeAll();
    expect(watches.clusterWatches).toBe(0);
  });
});
