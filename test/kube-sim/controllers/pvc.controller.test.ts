import { afterEach, describe, expect, it } from 'vitest';
import { condition, namespace, podsOf, startHarness, type Harness } from './test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const pvc = (name: string, spec: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'shop' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

const podUsing = (name: string, claim: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'shop', labels: { app: name } },
  spec: {
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    containers: [{ name: 'c', image: 'busybox:1.36' }],
    ...extra,
  },
});

describe('PVC binding', () => {
  it('binds at once under an Immediate default class, setting the class, volumeName and capacity', async () => {
    h = startHarness({ storageClass: 'immediate' });
    namespace(h, 'shop');
    const created = h.create('persistentvolumeclaims', pvc('data'));
    expect(created.spec.storageClassName).toBe('local-path');
    expect(created.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const bound = await h.waitFor(
      'persistentvolumeclaims',
      'shop',
      'data',
      (p) => p?.status?.phase === 'Bound',
    );
    expect(bound?.spec.volumeName).toBe(`pvc-${created.metadata.uid}`);
    expect(bound?.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    });
    expect(h.events('shop', 'ProvisioningSucceeded')[0]?.message).toBe(
      `Successfully provisioned volume pvc-${created.metadata.uid}`,
    );
  });

  it('waits for the first consumer under WaitForFirstConsumer, then binds on the node the pod was scheduled to', async () => {
    h = startHarness({ storageClass: 'wffc' });
    namespace(h, 'shop');
    h.create('persistentvolumeclaims', pvc('data'));
    await h.until(() => h.events('shop', 'WaitForFirstConsumer').length === 1, 'WaitForFirstConsumer event');
    expect(h.store.get('persistentvolumeclaims', 'shop', 'data')?.status.phase).toBe('Pending');
    h.create('pods', podUsing('user', 'data'));
    const bound = await h.waitFor(
      'persistentvolumeclaims',
      'shop',
      'data',
      (p) => p?.status?.phase === 'Bound',
    );
    const pod = await h.waitFor('pods', 'shop', 'user', (p) => p?.status?.phase === 'Running');
    expect(bound?.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(pod?.spec.nodeName);
    // A second pod using the node-local volume must land on the same node, whatever the spreading says.
    h.create('pods', podUsing('second', 'data'));
    const second = await h.waitFor('pods', 'shop', 'second', (p) => p?.status?.phase === 'Running');
    expect(second?.spec.nodeName).toBe(pod?.spec.nodeName);
  });

  it('stays Pending with no class at all, and its pod is unschedulable with the real message', async () => {
    h = startHarness({ storageClass: 'none' });
    namespace(h, 'shop');
    const created = h.create('persistentvolumeclaims', pvc('data'));
    expect(created.spec.storageClassName).toBeUndefined();
    await h.until(() => h.events('shop', 'FailedBinding').length === 1, 'FailedBinding event');
    expect(h.events('shop', 'FailedBinding')[0]?.message).toBe(
      'no persistent volumes available for this claim and no storage class is set',
    );
    h.create('pods', podUsing('user', 'data'));
    await h.until(
      () => condition(h.store.get('pods', 'shop', 'user'), 'PodScheduled')?.status === 'False',
      'unschedulable pod',
    );
    expect(condition(h.store.get('pods', 'shop', 'user'), 'PodScheduled')).toMatchObject({
      reason: 'Unschedulable',
      message:
        '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    });
    expect(h.events('shop', 'FailedScheduling')[0]?.type).toBe('Warning');
    expect(h.store.get('persistentvolumeclaims', 'shop', 'data')?.status.phase).toBe('Pending');
  });

  it('keeps pvc-protection while a pod uses the claim, and lets it go once the pod is gone', async () => {
    h = startHarness({ storageClass: 'immediate' });
    namespace(h, 'shop');
    h.create('persistentvolumeclaims', pvc('data'));
    h.create('pods', podUsing('user', 'data'));
    await h.waitFor('pods', 'shop', 'user', (p) => p?.status?.phase === 'Running');
    h.store.delete('persistentvolumeclaims', 'shop', 'data');
    const held = h.store.get('persistentvolumeclaims', 'shop', 'data');
    expect(held?.metadata.deletionTimestamp).toBeDefined();
    expect(held?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    h.store.delete('pods', 'shop', 'user');
    await h.waitFor('persistentvolumeclaims', 'shop', 'data', (p) => p === undefined);
  });

  it('refuses to attach a ReadWriteOnce volume on a second node (Multi-Attach) until the first pod is gone', async () => {
    h = startHarness({ storageClass: 'immediate' });
    namespace(h, 'shop');
    h.create('persistentvolumeclaims', pvc('data'));
    const on = (node: string) => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
          },
        },
      },
    });
    h.create('pods', podUsing('first', 'data', on('sim-node-1')));
    await h.waitFor('pods', 'shop', 'first', (p) => p?.status?.phase === 'Running');
    h.create('pods', podUsing('second', 'data', on('sim-node-2')));
    await h.until(() => h.events('shop', 'FailedAttachVolume').length > 0, 'Multi-Attach error');
    expect(h.events('shop', 'FailedAttachVolume')[0]?.message).toMatch(
      /^Multi-Attach error for volume "pvc-[0-9a-f-]+" Volume is already used by pod\(s\) first$/,
    );
    expect(h.store.get('pods', 'shop', 'second')?.status.containerStatuses[0].state.waiting.reason).toBe(
      'ContainerCreating',
    );
    h.store.delete('pods', 'shop', 'first');
    await h.waitFor('pods', 'shop', 'second', (p) => p?.status?.phase === 'Running');
    expect(podsOf(h, 'shop', 'second')).toHaveLength(0);
  });
});
