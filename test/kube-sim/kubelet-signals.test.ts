// The kubelet's and controllers' real signals, observed only through client-node: Unhealthy
// events for failing probes, liveness kills and restarts, CreateContainerError and
// CreateContainerConfigError waiting reasons, and ProvisioningFailed on a WaitForFirstConsumer
// claim after the scheduler picked its node. The fast profile replayed 50× keeps probe periods
// (seconds of sim time) short in real time; kubelet-like back-offs (1 s → 10 s) keep retries few.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from './profiles/load-profile.js';
import { startWithClients, type SimClients } from './test-kit.js';
import { openWatch, type WatchEvent, type WatchLog } from './watch-log.js';

let c: SimClients;
const watches: WatchLog[] = [];
const watch = async (path: string, query?: Record<string, string>): Promise<WatchLog> => {
  const w = await openWatch(c.kc, path, query);
  watches.push(w);
  return w;
};
beforeAll(async () => {
  const fast = loadProfile('fast');
  c = await startWithClients({
    profile: {
      ...fast,
      name: 'fast-replay',
      timeScale: 0.02,
      timings: { ...fast.timings, backoffBaseMs: 1000, backoffMaxMs: 10_000 },
    },
    faults: {
      readinessProbeFailPattern: '-unready$',
      livenessProbeFailPattern: '-dying$',
      createContainerErrorPattern: '-reserved$',
      provisioningFailPattern: '^no-disk$',
    },
  });
  for (const name of ['probes', 'create', 'storage'])
    await c.core.createNamespace({ body: { metadata: { name } } });
});
afterEach(async () => {
  for (const w of watches.splice(0)) w.stop();
  // Pods left probing or retrying would load the sim for the tests after them.
  for (const namespace of ['probes', 'create', 'storage'])
    await c.core.deleteCollectionNamespacedPod({ namespace });
});
afterAll(() => c.sim.stop());

const waiting = (e: WatchEvent): { reason?: string; message?: string } | undefined =>
  e.object.status?.containerStatuses?.[0]?.state?.waiting;
const eventsOf = async (namespace: string, pod: string): Promise<string[]> =>
  (await c.core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.name=${pod}` })).items.map(
    (e) => `${e.type} ${e.reason}: ${e.message}`,
  );

describe('probe signals', () => {
  it('a readiness probe that keeps failing: Unhealthy with the HTTP prober’s words, never Ready', async () => {
    const events = await watch('/api/v1/namespaces/probes/events', { fieldSelector: 'reason=Unhealthy' });
    await c.core.createNamespacedPod({
      namespace: 'probes',
      body: {
        metadata: { name: 'web' },
        spec: {
          containers: [
            {
              name: 'wordpress',
              image: 'wordpress:6.8-unready',
              ports: [{ name: 'http', containerPort: 80 }],
              readinessProbe: { httpGet: { path: '/wp-login.php', port: 'http' }, periodSeconds: 1 },
            },
          ],
        },
      },
    });
    const repeated = await events.until((e) => Number((e.object as { count?: number }).count) >= 3);
    expect((repeated.object as { message?: string }).message).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 500',
    );
    expect((repeated.object as { involvedObject?: unknown }).involvedObject).toMatchObject({
      kind: 'Pod',
      name: 'web',
      fieldPath: 'spec.containers{wordpress}',
    });
    const pod = await c.core.readNamespacedPod({ namespace: 'probes', name: 'web' });
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.[0]?.ready).toBe(false);
    expect(pod.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
    });
  });

  it('a slow start fails its probe until the app is up, then turns Ready (no fault)', async () => {
    const pods = await watch('/api/v1/namespaces/probes/pods', { fieldSelector: 'metadata.name=db' });
    await c.core.createNamespacedPod({
      namespace: 'probes',
      body: {
        metadata: { name: 'db' },
        spec: {
          containers: [
            {
              name: 'mysql',
              image: 'mysql:8.4.3',
              // Probed at start, before the fast profile's 80 ms to ready: one refusal.
              readinessProbe: { tcpSocket: { port: 3306 }, periodSeconds: 1 },
            },
          ],
        },
      },
    });
    const ready = await pods.until((e) => e.object.status?.containerStatuses?.[0]?.ready === true);
    const ip = ready.object.status?.podIP as string;
    expect(await eventsOf('probes', 'db')).toContain(
      `Warning Unhealthy: Readiness probe failed: dial tcp ${ip}:3306: connect: connection refused`,
    );
  });

  it('a failing liveness probe: Unhealthy ×failureThreshold, Killing, restarts that climb into CrashLoopBackOff', async () => {
    const pods = await watch('/api/v1/namespaces/probes/pods', { fieldSelector: 'metadata.name=app' });
    await c.core.createNamespacedPod({
      namespace: 'probes',
      body: {
        metadata: { name: 'app' },
        spec: {
          containers: [
            {
              name: 'server',
              image: 'medusa:2-dying',
              livenessProbe: { tcpSocket: { port: 9000 }, periodSeconds: 1, failureThreshold: 2 },
            },
          ],
        },
      },
    });
    const looping = await pods.until(
      (e) =>
        waiting(e)?.reason === 'CrashLoopBackOff' &&
        e.object.status?.containerStatuses?.[0]?.restartCount >= 2,
    );
    const status = looping.object.status?.containerStatuses?.[0];
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const counts = pods.seen.map((e) => Number(e.object.status?.containerStatuses?.[0]?.restartCount ?? 0));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const said = await eventsOf('probes', 'app');
    expect(said).toContain('Normal Killing: Container server failed liveness probe, will be restarted');
    expect(said.find((e) => e.startsWith('Warning Unhealthy'))).toMatch(
      /^Warning Unhealthy: Liveness probe failed: dial tcp [\d.]+:9000: connect: connection refused$/,
    );
    const unhealthy = await c.core.listNamespacedEvent({
      namespace: 'probes',
      fieldSelector: 'involvedObject.name=app,reason=Unhealthy',
    });
    // Two failures per life, at least two lives so far.
    expect(unhealthy.items[0]?.count).toBeGreaterThanOrEqual(4);
  });
});

describe('container creation signals', () => {
  it('CreateContainerError: the runtime refuses the container, retried with back-off', async () => {
    const pods = await watch('/api/v1/namespaces/create/pods', { fieldSelector: 'metadata.name=held' });
    await c.core.createNamespacedPod({
      namespace: 'create',
      body: {
        metadata: { name: 'held' },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27-reserved' }] },
      },
    });
    const refused = await pods.until((e) => waiting(e)?.reason === 'CreateContainerError');
    const uid = refused.object.metadata?.uid as string;
    expect(waiting(refused)?.message).toMatch(
      new RegExp(
        `^failed to reserve container name "web_held_create_${uid}_0": name "web_held_create_${uid}_0" is reserved for "[0-9a-f]{64}"$`,
      ),
    );
    expect(refused.object.status?.phase).toBe('Pending');
    const said = await eventsOf('create', 'held');
    expect(said.some((e) => e.startsWith('Warning Failed: Error: failed to reserve container name'))).toBe(
      true,
    );
    expect(said.some((e) => e.includes('Started'))).toBe(false);
  });

  it('CreateContainerConfigError: an env key missing from its ConfigMap, with the kubelet’s message', async () => {
    await c.core.createNamespacedConfigMap({
      namespace: 'create',
      body: { metadata: { name: 'settings' }, data: { OTHER: 'x' } },
    });
    const pods = await watch('/api/v1/namespaces/create/pods', { fieldSelector: 'metadata.name=cfg' });
    await c.core.createNamespacedPod({
      namespace: 'create',
      body: {
        metadata: { name: 'cfg' },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27.0',
              env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'MODE' } } }],
            },
          ],
        },
      },
    });
    const refused = await pods.until((e) => waiting(e)?.reason === 'CreateContainerConfigError');
    expect(waiting(refused)?.message).toBe("couldn't find key MODE in ConfigMap create/settings");
    expect(await eventsOf('create', 'cfg')).toContain(
      "Warning Failed: Error: couldn't find key MODE in ConfigMap create/settings",
    );
  });
});

describe('provisioning signals', () => {
  it('ProvisioningFailed on a WaitForFirstConsumer claim after the scheduler selected its node', async () => {
    await c.sim.store.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'no-disk' },
      provisioner: 'rancher.io/local-path',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    const claims = await watch('/api/v1/namespaces/storage/persistentvolumeclaims');
    const failures = await watch('/api/v1/namespaces/storage/events', {
      fieldSelector: 'reason=ProvisioningFailed',
    });
    await c.core.createNamespacedPersistentVolumeClaim({
      namespace: 'storage',
      body: {
        metadata: { name: 'data' },
        spec: {
          storageClassName: 'no-disk',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
    });
    await c.core.createNamespacedPod({
      namespace: 'storage',
      body: {
        metadata: { name: 'user' },
        spec: {
          containers: [{ name: 'db', image: 'mysql:8.4.3' }],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
        },
      },
    });
    const selected = await claims.until(
      (e) => !!e.object.metadata?.annotations?.['volume.kubernetes.io/selected-node'],
    );
    const node = selected.object.metadata?.annotations?.['volume.kubernetes.io/selected-node'];
    const again = await failures.until((e) => Number((e.object as { count?: number }).count) >= 2);
    expect((again.object as { message?: string }).message).toBe(
      `failed to provision volume with StorageClass "no-disk": config doesn't contain node ${node}, and no DEFAULT_PATH_FOR_NON_LISTED_NODES available`,
    );
    expect((again.object as { source?: unknown }).source).toEqual({
      component: 'rancher.io/local-path_sim-provisioner',
    });
    const claim = await c.core.readNamespacedPersistentVolumeClaim({ namespace: 'storage', name: 'data' });
    expect(claim.status?.phase).toBe('Pending');
    const pod = await c.core.readNamespacedPod({ namespace: 'storage', name: 'user' });
    expect(pod.spec?.nodeName).toBeUndefined();

    // Once the provisioner can, the next retry binds the claim and the pod lands on that node.
    c.sim.setFaults({ provisioningFailPattern: null });
    const bound = await claims.until((e) => e.object.status?.phase === 'Bound', 10_000);
    expect(bound.object.metadata?.annotations?.['volume.kubernetes.io/selected-node']).toBe(node);
  });
});
