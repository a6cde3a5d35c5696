// Validation where the engine can trip, as the apiserver answers it, through client-node: a
// Recreate Deployment may not keep rollingUpdate (and $retainKeys is how kubectl repairs it), a
// claim may not shrink and grows only bound and with allowVolumeExpansion.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from './types.js';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'v' } } });
});
afterAll(() => c.sim.stop());

const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

function bound(name: string): Promise<KubeObject> {
  return new Promise((resolve) => {
    const now = c.sim.store.get('persistentvolumeclaims', 'v', name);
    if (now?.status?.phase === 'Bound') return resolve(now);
    const off = c.sim.store.subscribe((e) => {
      if (
        e.key === 'persistentvolumeclaims' &&
        e.object.metadata.name === name &&
        e.object.status?.phase === 'Bound'
      ) {
        off();
        resolve(e.object);
      }
    });
  });
}

describe('Deployment strategy', () => {
  it('refuses Recreate with a rollingUpdate block (422, the real message)', async () => {
    const body = deployment('both', 'v', { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } });
    const { code, status } = await failure(c.apps.createNamespacedDeployment({ namespace: 'v', body }));
    expect(code).toBe(422);
    expect(status.message).toBe(
      'Deployment.apps "both" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
    );
  });

  it('keeps the defaulted rollingUpdate of a hand edit, so forcing Recreate back fails until $retainKeys drops it', async () => {
    const applied = { ...deployment('db', 'v', { strategy: { type: 'Recreate' } }) };
    await c.objects.patch(applied, undefined, undefined, 'storedeck', true, PatchStrategy.ServerSideApply);
    await c.apps.patchNamespacedDeployment(
      {
        name: 'db',
        namespace: 'v',
        fieldManager: 'kubectl-edit',
        body: { spec: { strategy: { type: 'RollingUpdate' } } },
      },
      merge,
    );
    const edited = await c.apps.readNamespacedDeployment({ name: 'db', namespace: 'v' });
    expect(edited.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });

    const again = await failure(
      c.objects.patch(applied, undefined, undefined, 'storedeck', true, PatchStrategy.ServerSideApply),
    );
    expect(again.code).toBe(422);
    await c.apps.patchNamespacedDeployment(
      {
        name: 'db',
        namespace: 'v',
        body: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      },
      smp,
    );
    expect((await c.apps.readNamespacedDeployment({ name: 'db', namespace: 'v' })).spec?.strategy).toEqual({
      type: 'Recreate',
    });
  });
});

describe('PersistentVolumeClaim size', () => {
  beforeAll(async () => {
    for (const [name, allowVolumeExpansion] of [
      ['fixed', false],
      ['growable', true],
    ] as const)
      await c.sim.store.create('storageclasses.storage.k8s.io', {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name },
        provisioner: 'rancher.io/local-path',
        volumeBindingMode: 'Immediate',
        allowVolumeExpansion,
      });
  });
  const claim = (name: string, storageClassName: string, storage = '1Gi') => ({
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage } } },
  });
  const resize = (name: string, storage: string) =>
    c.core.patchNamespacedPersistentVolumeClaim(
      { name, namespace: 'v', body: { spec: { resources: { requests: { storage } } } } },
      merge,
    );

  it('never shrinks a bound claim to or below its capacity', async () => {
    await c.core.createNamespacedPersistentVolumeClaim({ namespace: 'v', body: claim('shrink', 'growable') });
    await bound('shrink');
    const { code, status } = await failure(resize('shrink', '512Mi'));
    expect(code).toBe(422);
    expect(status.message).toBe(
      'PersistentVolumeClaim "shrink" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    );
  });

  it('grows only when the StorageClass allows volume expansion (403 from the resize admission otherwise)', async () => {
    await c.core.createNamespacedPersistentVolumeClaim({ namespace: 'v', body: claim('stuck', 'fixed') });
    await c.core.createNamespacedPersistentVolumeClaim({ namespace: 'v', body: claim('roomy', 'growable') });
    await bound('stuck');
    await bound('roomy');
    const { code, status } = await failure(resize('stuck', '2Gi'));
    expect(code).toBe(403);
    expect(status.message).toBe(
      'persistentvolumeclaims "stuck" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
    const grown = await resize('roomy', '2Gi');
    expect(grown.spec?.resources?.requests?.storage).toBe('2Gi');
  });

  it('refuses to grow a claim that is not bound yet', async () => {
    await c.core.createNamespacedPersistentVolumeClaim({
      namespace: 'v',
      body: claim('pending', 'local-path'),
    });
    const { code, status } = await failure(resize('pending', '2Gi'));
    expect(code).toBe(403);
    expect(status.message).toBe(
      'persistentvolumeclaims "pending" is forbidden: Only bound persistent volume claims can be expanded',
    );
  });
});
