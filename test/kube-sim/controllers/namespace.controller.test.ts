import { afterEach, describe, expect, it } from 'vitest';
import type { StoreEvent } from '../types.js';
import { condition, namespace, startHarness, type Harness } from './test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

function fillStore(ns: string): void {
  namespace(h, ns);
  h.create('secrets', { metadata: { name: 'creds', namespace: ns }, stringData: { password: 'x' } });
  h.create('configmaps', { metadata: { name: 'cfg', namespace: ns }, data: { a: 'b' } });
  h.create('persistentvolumeclaims', {
    metadata: { name: 'data', namespace: ns },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  });
  h.create('deployments.apps', {
    metadata: { name: 'db', namespace: ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: {
          volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }],
          containers: [{ name: 'mysql', image: 'mysql:8.4.10' }],
        },
      },
    },
  });
}

/** Waits `simMs` on the sim clock: only to show that nothing happens meanwhile. */
const simWait = (simMs: number): Promise<void> =>
  new Promise((resolve) => h.clock.setTimeout(resolve, simMs));

describe('namespace controller', () => {
  it('cascades a delete to everything inside, then removes the namespace after the termination delay', async () => {
    h = startHarness();
    fillStore('shop');
    await h.waitFor('deployments.apps', 'shop', 'db', (d) => d?.status?.availableReplicas === 1);
    const deleted: StoreEvent[] = [];
    h.store.subscribe((e) => {
      if (e.type === 'DELETED') deleted.push(e);
    });
    const t0 = h.clock.now();
    h.store.delete('namespaces', undefined, 'shop');
    const terminating = h.store.get('namespaces', undefined, 'shop');
    expect(terminating?.status.phase).toBe('Terminating');
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    await h.waitFor('namespaces', undefined, 'shop', (n) => n === undefined);
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(h.profile.timings.namespaceTerminationMs);
    const kinds = new Set(deleted.map((e) => e.key));
    for (const k of [
      'pods',
      'persistentvolumeclaims',
      'deployments.apps',
      'secrets',
      'configmaps',
      'namespaces',
    ])
      expect(kinds).toContain(k);
    expect(deleted.at(-1)?.key).toBe('namespaces');
    for (const key of ['pods', 'persistentvolumeclaims', 'secrets', 'events'])
      expect(h.store.list(key, 'shop')).toEqual([]);
  });

  it('reports the remaining content and finalizers while a hanging namespace never finishes', async () => {
    h = startHarness({ faults: { hangNamespacePattern: '^stuck-' } });
    fillStore('stuck-1');
    await h.waitFor('deployments.apps', 'stuck-1', 'db', (d) => d?.status?.availableReplicas === 1);
    h.store.delete('namespaces', undefined, 'stuck-1');
    const ns = await h.waitFor(
      'namespaces',
      undefined,
      'stuck-1',
      // Once the pods have terminated (their grace period), only the protected claim is left.
      (n) =>
        condition(n, 'NamespaceFinalizersRemaining')?.status === 'True' &&
        !condition(n, 'NamespaceContentRemaining')?.message?.includes('pods.'),
    );
    expect(condition(ns, 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: persistentvolumeclaims. has 1 resource instances',
    });
    expect(condition(ns, 'NamespaceFinalizersRemaining')).toMatchObject({
      reason: 'SomeFinalizersRemain',
      message:
        'Some content in the namespace has finalizers remaining: kubernetes.io/pvc-protection in 1 resource instances',
    });
    expect(condition(ns, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({
      status: 'False',
      reason: 'ResourcesDiscovered',
    });
    await simWait(h.profile.timings.namespaceTerminationMs * 4);
    expect(h.store.get('namespaces', undefined, 'stuck-1')?.status.phase).toBe('Terminating');
    const pvc = h.store.get('persistentvolumeclaims', 'stuck-1', 'data');
    expect(pvc?.metadata.deletionTimestamp).toBeDefined();
    expect(pvc?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(h.store.list('pods', 'stuck-1')).toEqual([]);
  });

  it('hangs an empty matching namespace on a discovery failure, as a stale aggregated API does', async () => {
    h = startHarness({ faults: { hangNamespacePattern: '^stuck-' } });
    namespace(h, 'stuck-2');
    h.store.delete('namespaces', undefined, 'stuck-2');
    const ns = await h.waitFor(
      'namespaces',
      undefined,
      'stuck-2',
      (n) => condition(n, 'NamespaceDeletionDiscoveryFailure')?.status === 'True',
    );
    expect(condition(ns, 'NamespaceDeletionDiscoveryFailure')?.message).toMatch(
      /^Discovery failed for some groups, 1 failing: .*metrics\.k8s\.io\/v1beta1/,
    );
    await simWait(h.profile.timings.namespaceTerminationMs * 3);
    expect(h.store.get('namespaces', undefined, 'stuck-2')).toBeDefined();
  });
});
