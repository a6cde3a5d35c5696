import type { V1Pod, V1ResourceRequirements } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';
import { conditionOf, openWatch, type WatchLog } from './watch-log.js';

// Namespace cascade, ResourceQuota and LimitRange admission, driven only through client-node.
let c: SimClients;
const watches: WatchLog[] = [];
const watch = async (path: string, query?: Record<string, string>): Promise<WatchLog> => {
  const w = await openWatch(c.kc, path, query);
  watches.push(w);
  return w;
};
beforeAll(async () => {
  c = await startWithClients({ profile: 'fast' });
});
afterAll(async () => {
  for (const w of watches) w.stop();
  await c.sim.stop();
});

const pod = (name: string, resources?: V1ResourceRequirements): V1Pod => ({
  metadata: { name },
  spec: {
    containers: [{ name: 'web', image: 'nginx:1.27.0', ...(resources ? { resources } : {}) }],
  },
});

describe('namespace deletion cascades, seen through client-node', () => {
  it('goes Terminating, deletes what is inside (DELETED events), then 404s', async () => {
    const ns = 'cascade';
    await c.core.createNamespace({ body: { metadata: { name: ns } } });
    await c.core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'cfg' }, data: { a: 'b' } },
    });
    await c.core.createNamespacedSecret({
      namespace: ns,
      body: { metadata: { name: 'creds' }, stringData: { password: 'x' } },
    });
    await c.core.createNamespacedPersistentVolumeClaim({
      namespace: ns,
      body: {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    });
    const web = deployment('web', ns, {
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image: 'nginx:1.27.0' }],
          volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }],
        },
      },
    });
    await c.apps.createNamespacedDeployment({ namespace: ns, body: web });

    const deployments = await watch(`/apis/apps/v1/namespaces/${ns}/deployments`);
    await deployments.until((e) => e.object.status?.availableReplicas === 1);
    const pvcs = await watch(`/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    await pvcs.until((e) => e.object.status?.phase === 'Bound');
    const pods = await watch(`/api/v1/namespaces/${ns}/pods`);
    const running = await pods.until((e) => e.object.status?.phase === 'Running');
    const podName = running.object.metadata?.name as string;
    const configmaps = await watch(`/api/v1/namespaces/${ns}/configmaps`);
    const namespaces = await watch('/api/v1/namespaces', { fieldSelector: `metadata.name=${ns}` });

    const t0 = c.sim.clock.now();
    await c.core.deleteNamespace({ name: ns });
    const terminating = await c.core.readNamespace({ name: ns });
    expect(terminating.status?.phase).toBe('Terminating');
    expect(terminating.metadata?.deletionTimestamp).toBeDefined();
    expect(terminating.spec?.finalizers).toEqual(['kubernetes']);

    await pods.until((e) => e.type === 'DELETED' && e.object.metadata?.name === podName);
    await configmaps.until((e) => e.type === 'DELETED' && e.object.metadata?.name === 'cfg');
    await deployments.until((e) => e.type === 'DELETED' && e.object.metadata?.name === 'web');
    await pvcs.until((e) => e.type === 'DELETED' && e.object.metadata?.name === 'data');
    for (const list of [
      c.core.listNamespacedPod({ namespace: ns }),
      c.core.listNamespacedConfigMap({ namespace: ns }),
      c.core.listNamespacedSecret({ namespace: ns }),
      c.core.listNamespacedPersistentVolumeClaim({ namespace: ns }),
      c.apps.listNamespacedDeployment({ namespace: ns }),
    ])
      expect((await list).items).toEqual([]);

    // The controller reports the content gone before it lifts the "kubernetes" finalizer.
    const emptied = await namespaces.until(
      (e) => conditionOf(e.object, 'NamespaceContentRemaining')?.reason === 'ContentRemoved',
    );
    expect(emptied.object.status?.phase).toBe('Terminating');
    expect(conditionOf(emptied.object, 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'False' });
    await namespaces.until((e) => e.type === 'DELETED');
    expect(c.sim.clock.now() - t0).toBeGreaterThanOrEqual(c.sim.profile.timings.namespaceTerminationMs);
    const gone = await failure(c.core.readNamespace({ name: ns }));
    expect(gone.code).toBe(404);
    expect(gone.status).toMatchObject({ reason: 'NotFound', message: `namespaces "${ns}" not found` });
  });
});

describe('ResourceQuota and LimitRange admission, seen through client-node', () => {
  const small = { requests: { cpu: '200m', memory: '128Mi' } };

  it('admits a pod within quota, updates status.used, then refuses with the real 403 messages', async () => {
    const ns = 'quota';
    await c.core.createNamespace({ body: { metadata: { name: ns } } });
    await c.core.createNamespacedResourceQuota({
      namespace: ns,
      body: {
        metadata: { name: 'store-quota' },
        spec: { hard: { pods: '1', 'requests.cpu': '500m', 'requests.memory': '512Mi' } },
      },
    });
    const quotas = await watch(`/api/v1/namespaces/${ns}/resourcequotas`);
    const empty = await quotas.until((e) => e.object.status?.used !== undefined);
    expect(empty.object.status).toEqual({
      hard: { pods: '1', 'requests.cpu': '500m', 'requests.memory': '512Mi' },
      used: { pods: '0', 'requests.cpu': '0', 'requests.memory': '0' },
    });

    const first = await c.core.createNamespacedPod({ namespace: ns, body: pod('first', small) });
    expect(first.metadata?.name).toBe('first');
    const counted = await quotas.until((e) => e.object.status?.used?.pods === '1');
    expect(counted.object.status?.used).toEqual({
      pods: '1',
      'requests.cpu': '200m',
      'requests.memory': '128Mi',
    });
    const read = await c.core.readNamespacedResourceQuota({ name: 'store-quota', namespace: ns });
    expect(read.status?.used).toEqual(counted.object.status?.used);

    const second = await failure(c.core.createNamespacedPod({ namespace: ns, body: pod('second', small) }));
    expect(second.code).toBe(403);
    expect(second.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message:
        'pods "second" is forbidden: exceeded quota: store-quota, requested: pods=1, used: pods=1, limited: pods=1',
      details: { name: 'second', kind: 'pods' },
    });

    // The pod constraints are checked before usage: a pod without requests is told what it lacks.
    const bare = await failure(c.core.createNamespacedPod({ namespace: ns, body: pod('bare') }));
    expect(bare.code).toBe(403);
    expect(bare.status.reason).toBe('Forbidden');
    expect(bare.status.message).toBe(
      'pods "bare" is forbidden: failed quota: store-quota: must specify requests.cpu for: web; requests.memory for: web',
    );
    expect((await c.core.listNamespacedPod({ namespace: ns })).items.map((p) => p.metadata?.name)).toEqual([
      'first',
    ]);
  });

  it('refuses what would exceed a compute request limit, naming only the exceeded resource', async () => {
    const ns = 'quota-cpu';
    await c.core.createNamespace({ body: { metadata: { name: ns } } });
    await c.core.createNamespacedResourceQuota({
      namespace: ns,
      body: { metadata: { name: 'cpu-quota' }, spec: { hard: { pods: '5', 'requests.cpu': '300m' } } },
    });
    await c.core.createNamespacedPod({ namespace: ns, body: pod('a', { requests: { cpu: '200m' } }) });
    const over = await failure(
      c.core.createNamespacedPod({ namespace: ns, body: pod('b', { requests: { cpu: '200m' } }) }),
    );
    expect(over.code).toBe(403);
    expect(over.status.message).toBe(
      'pods "b" is forbidden: exceeded quota: cpu-quota, requested: requests.cpu=200m, used: requests.cpu=200m, limited: requests.cpu=300m',
    );
  });

  it('fills LimitRange defaults into a pod without resources, so a requests quota admits it', async () => {
    const ns = 'limits';
    await c.core.createNamespace({ body: { metadata: { name: ns } } });
    await c.core.createNamespacedLimitRange({
      namespace: ns,
      body: {
        metadata: { name: 'defaults' },
        spec: {
          limits: [
            {
              type: 'Container',
              _default: { cpu: '500m', memory: '256Mi' },
              defaultRequest: { cpu: '100m', memory: '64Mi' },
            },
          ],
        },
      },
    });
    await c.core.createNamespacedResourceQuota({
      namespace: ns,
      body: {
        metadata: { name: 'q' },
        spec: { hard: { pods: '2', 'requests.cpu': '1', 'requests.memory': '1Gi' } },
      },
    });
    await c.core.createNamespacedPod({ namespace: ns, body: pod('defaulted') });
    const read = await c.core.readNamespacedPod({ name: 'defaulted', namespace: ns });
    expect(read.spec?.containers[0]?.resources).toEqual({
      requests: { cpu: '100m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    });
    expect(read.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web',
    );
    const quotas = await watch(`/api/v1/namespaces/${ns}/resourcequotas`);
    const counted = await quotas.until((e) => e.object.status?.used?.pods === '1');
    expect(counted.object.status?.used).toEqual({
      pods: '1',
      'requests.cpu': '100m',
      'requests.memory': '64Mi',
    });
  });
});
