import { afterEach, describe, expect, it } from 'vitest';
import { StatusError, type KubeObject } from '../../types.js';
import { condition, namespace, podsOf, startHarness, type Harness } from '../test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const storeLimits = () => ({
  metadata: { name: 'store-limits', namespace: 'shop' },
  spec: {
    limits: [
      {
        type: 'Container',
        default: { cpu: '500m', memory: '512Mi' },
        defaultRequest: { cpu: '100m', memory: '256Mi' },
      },
      { type: 'PersistentVolumeClaim', max: { storage: '5Gi' } },
    ],
  },
});
const storeQuota = (
  hard: Record<string, string> = {
    'requests.cpu': '2',
    'requests.memory': '2Gi',
    'limits.cpu': '2',
    'limits.memory': '2Gi',
    pods: '10',
    persistentvolumeclaims: '4',
  },
) => ({
  metadata: { name: 'store-quota', namespace: 'shop' },
  spec: { hard },
});
const pod = (name: string, resources?: Record<string, unknown>) => ({
  metadata: { name, namespace: 'shop' },
  spec: { containers: [{ name: 'c', image: 'busybox:1.36', ...(resources ? { resources } : {}) }] },
});

/** Admission judges by the quota's status, which the quota controller fills in just after creation. */
const counted = (harness: Harness): Promise<unknown> =>
  harness.waitFor('resourcequotas', 'shop', 'store-quota', (q) => q?.status?.used !== undefined);

function rejection(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('LimitRange', () => {
  it('defaults container requests and limits and says so in an annotation', () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('limitranges', storeLimits());
    const p = h.create('pods', pod('p'));
    expect(p.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '512Mi' },
      requests: { cpu: '100m', memory: '256Mi' },
    });
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c',
    );
    expect(p.status.qosClass).toBe('Burstable');
    const explicit = h.create('pods', pod('q', { limits: { cpu: '1' } }));
    expect(explicit.spec.containers[0].resources).toEqual({
      limits: { cpu: '1', memory: '512Mi' },
      requests: { cpu: '1', memory: '256Mi' },
    });
  });

  it('rejects a claim above the PVC maximum with the real 403', () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('limitranges', storeLimits());
    const err = rejection(() =>
      h.create('persistentvolumeclaims', {
        metadata: { name: 'big', namespace: 'shop' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
      }),
    );
    expect(err.code).toBe(403);
    expect(err.reason).toBe('Forbidden');
    expect(err.message).toBe(
      'persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 5Gi, but request is 10Gi',
    );
  });
});

describe('ResourceQuota', () => {
  it('keeps status.used up to date', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('limitranges', storeLimits());
    h.create('resourcequotas', storeQuota());
    h.create('pods', pod('a'));
    h.create('pods', pod('b'));
    const q = await h.waitFor('resourcequotas', 'shop', 'store-quota', (x) => x?.status?.used?.pods === '2');
    expect(q?.status).toEqual({
      hard: {
        'limits.cpu': '2',
        'limits.memory': '2Gi',
        persistentvolumeclaims: '4',
        pods: '10',
        'requests.cpu': '2',
        'requests.memory': '2Gi',
      },
      used: {
        'limits.cpu': '1',
        'limits.memory': '1Gi',
        persistentvolumeclaims: '0',
        pods: '2',
        'requests.cpu': '200m',
        'requests.memory': '512Mi',
      },
    });
  });

  it('rejects a pod that would exceed the quota with the real message', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('limitranges', storeLimits());
    h.create('resourcequotas', storeQuota());
    await counted(h);
    for (const n of ['a', 'b', 'c', 'd']) h.create('pods', pod(n));
    const err = rejection(() => h.create('pods', pod('e')));
    expect(err.code).toBe(403);
    expect(err.message).toBe(
      'pods "e" is forbidden: exceeded quota: store-quota, requested: limits.cpu=500m,limits.memory=512Mi, used: limits.cpu=2,limits.memory=2Gi, limited: limits.cpu=2,limits.memory=2Gi',
    );
  });

  it('asks for explicit resources when the quota tracks them and no LimitRange defaults them', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('resourcequotas', storeQuota());
    await counted(h);
    const err = rejection(() =>
      h.create('pods', {
        metadata: { name: 'bare', namespace: 'shop' },
        spec: {
          containers: [
            { name: 'a', image: 'x' },
            { name: 'b', image: 'y', resources: { requests: { cpu: '1', memory: '1Gi' } } },
          ],
        },
      }),
    );
    expect(err.message).toBe(
      'pods "bare" is forbidden: failed quota: store-quota: must specify limits.cpu for: a,b; limits.memory for: a,b; requests.cpu for: a; requests.memory for: a',
    );
  });

  it('gives a Deployment whose pod is refused a ReplicaFailure condition and a FailedCreate event, and recovers when quota allows', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('limitranges', storeLimits());
    h.create('resourcequotas', storeQuota({ pods: '1' }));
    h.create('pods', pod('squatter'));
    h.create('deployments.apps', {
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27.0' }] },
        },
      },
    });
    const d = await h.waitFor(
      'deployments.apps',
      'shop',
      'web',
      (x) => condition(x, 'ReplicaFailure')?.status === 'True',
    );
    expect(condition(d, 'ReplicaFailure')?.reason).toBe('FailedCreate');
    expect(condition(d, 'ReplicaFailure')?.message).toMatch(
      /^pods "web-\w+-\w+" is forbidden: exceeded quota: store-quota, requested: pods=1, used: pods=1, limited: pods=1$/,
    );
    expect(h.events('shop', 'FailedCreate')[0]?.message).toMatch(
      /^Error creating: pods "web-.*" is forbidden: exceeded quota/,
    );
    h.store.delete('pods', 'shop', 'squatter');
    const ok: KubeObject | undefined = await h.waitFor(
      'deployments.apps',
      'shop',
      'web',
      (x) => x?.status?.availableReplicas === 1,
    );
    expect(condition(ok, 'ReplicaFailure')).toBeUndefined();
    expect(podsOf(h, 'shop', 'web')).toHaveLength(1);
  });
});
