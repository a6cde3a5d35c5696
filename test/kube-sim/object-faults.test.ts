import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, startWithClients, type SimClients } from './test-kit.js';
import { conditionOf, openWatch, type WatchEvent, type WatchLog } from './watch-log.js';

// Object-level fault injection, observed only through client-node. crashLoopPattern is set at
// start (options); the others are switched on at run time with sim.setFaults.
let c: SimClients;
const watches: WatchLog[] = [];
const watch = async (path: string, query?: Record<string, string>): Promise<WatchLog> => {
  const w = await openWatch(c.kc, path, query);
  watches.push(w);
  return w;
};
beforeAll(async () => {
  c = await startWithClients({ profile: 'fast', faults: { crashLoopPattern: ':crash$' } });
  for (const name of ['pull', 'crash', 'jobs'])
    await c.core.createNamespace({ body: { metadata: { name } } });
});
afterAll(async () => {
  for (const w of watches) w.stop();
  await c.sim.stop();
});

const waiting = (e: WatchEvent): { reason?: string; message?: string } | undefined =>
  e.object.status?.containerStatuses?.[0]?.state?.waiting;

describe('object faults through client-node', () => {
  it('imagePullFailPattern (set at run time): ErrImagePull, then ImagePullBackOff, with Failed/BackOff events', async () => {
    c.sim.setFaults({ imagePullFailPattern: ':does-not-exist$' });
    const pods = await watch('/api/v1/namespaces/pull/pods');
    await c.apps.createNamespacedDeployment({
      namespace: 'pull',
      body: deployment('broken', 'pull', {
        template: {
          metadata: { labels: { app: 'broken' } },
          spec: { containers: [{ name: 'web', image: 'nginx:does-not-exist' }] },
        },
      }),
    });
    const errPull = await pods.until((e) => waiting(e)?.reason === 'ErrImagePull');
    expect(waiting(errPull)?.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:does-not-exist": failed to resolve reference "docker.io/library/nginx:does-not-exist": docker.io/library/nginx:does-not-exist: not found',
    );
    const backOff = await pods.until((e) => waiting(e)?.reason === 'ImagePullBackOff');
    expect(pods.seen.indexOf(backOff)).toBeGreaterThan(pods.seen.indexOf(errPull));
    expect(waiting(backOff)?.message).toMatch(
      /^Back-off pulling image "nginx:does-not-exist": ErrImagePull: /,
    );
    expect(backOff.object.status?.phase).toBe('Pending');
    const podName = backOff.object.metadata?.name as string;

    const events = await c.core.listNamespacedEvent({
      namespace: 'pull',
      fieldSelector: `involvedObject.name=${podName}`,
    });
    const said = events.items.map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(said).toContain(
      'Warning Failed: Failed to pull image "nginx:does-not-exist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:does-not-exist": failed to resolve reference "docker.io/library/nginx:does-not-exist": docker.io/library/nginx:does-not-exist: not found',
    );
    expect(said).toContain('Warning Failed: Error: ErrImagePull');
    expect(said).toContain('Normal BackOff: Back-off pulling image "nginx:does-not-exist"');
    expect(events.items.find((e) => e.reason === 'BackOff')?.involvedObject).toMatchObject({
      kind: 'Pod',
      name: podName,
      fieldPath: 'spec.containers{web}',
    });
    const dep = await c.apps.readNamespacedDeployment({ name: 'broken', namespace: 'pull' });
    expect(dep.status?.availableReplicas).toBeUndefined();
    expect(dep.status?.unavailableReplicas).toBe(1);
  });

  it('crashLoopPattern (set at start): CrashLoopBackOff with a growing restartCount', async () => {
    const pods = await watch('/api/v1/namespaces/crash/pods');
    await c.apps.createNamespacedDeployment({
      namespace: 'crash',
      body: deployment('crasher', 'crash', {
        template: {
          metadata: { labels: { app: 'crasher' } },
          spec: { containers: [{ name: 'app', image: 'busybox:crash' }] },
        },
      }),
    });
    const looping = await pods.until(
      (e) =>
        waiting(e)?.reason === 'CrashLoopBackOff' &&
        e.object.status?.containerStatuses?.[0]?.restartCount >= 2,
    );
    const status = looping.object.status?.containerStatuses?.[0];
    // Restarted twice, crashed again: the second back-off, 2 × the fast profile's 100 ms, as Go prints it.
    expect(status?.restartCount).toBe(2);
    expect(waiting(looping)?.message).toBe(
      `back-off 200ms restarting failed container=app pod=${looping.object.metadata?.name}_crash(${looping.object.metadata?.uid})`,
    );
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status?.ready).toBe(false);
    const counts = pods.seen
      .filter((e) => e.type !== 'DELETED')
      .map((e) => Number(e.object.status?.containerStatuses?.[0]?.restartCount ?? 0));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    const events = await c.core.listNamespacedEvent({ namespace: 'crash', fieldSelector: 'reason=BackOff' });
    expect(events.items[0]?.message).toMatch(/^Back-off restarting failed container app in pod crasher-/);
  });

  it('jobFailPattern (set at run time): backoffLimit 1 fails with BackoffLimitExceeded after 2 pods', async () => {
    c.sim.setFaults({ jobFailPattern: '^setup-fails$' });
    const jobs = await watch('/apis/batch/v1/namespaces/jobs/jobs');
    await c.batch.createNamespacedJob({
      namespace: 'jobs',
      body: {
        metadata: { name: 'setup-fails' },
        spec: {
          backoffLimit: 1,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                { name: 'wp-cli', image: 'wordpress:cli-2.12.0-php8.3', command: ['wp', 'core', 'install'] },
              ],
            },
          },
        },
      },
    });
    const failed = await jobs.until((e) => conditionOf(e.object, 'Failed')?.status === 'True');
    expect(conditionOf(failed.object, 'Failed')).toMatchObject({
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(conditionOf(failed.object, 'FailureTarget')?.status).toBe('True');
    expect(conditionOf(failed.object, 'Complete')).toBeUndefined();
    expect(failed.object.status?.failed).toBe(2);
    expect(failed.object.status?.succeeded).toBeUndefined();
    const pods = await c.core.listNamespacedPod({ namespace: 'jobs', labelSelector: 'job-name=setup-fails' });
    expect(pods.items.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed']);
    const events = await c.core.listNamespacedEvent({
      namespace: 'jobs',
      fieldSelector: 'reason=BackoffLimitExceeded',
    });
    expect(events.items.map((e) => e.message)).toEqual(['Job has reached the specified backoff limit']);
  });

  it('hangNamespacePattern (set at run time): deletion stays Terminating, the conditions say what remains', async () => {
    c.sim.setFaults({ hangNamespacePattern: '^stuck-' });
    for (const name of ['stuck-shop', 'stuck-empty'])
      await c.core.createNamespace({ body: { metadata: { name, labels: { fault: 'hang' } } } });
    await c.core.createNamespacedConfigMap({ namespace: 'stuck-shop', body: { metadata: { name: 'cfg' } } });
    await c.core.createNamespacedPersistentVolumeClaim({
      namespace: 'stuck-shop',
      body: {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    });
    const namespaces = await watch('/api/v1/namespaces', { labelSelector: 'fault=hang' });
    await c.core.deleteNamespace({ name: 'stuck-shop' });
    await c.core.deleteNamespace({ name: 'stuck-empty' });

    const shop = await namespaces.until(
      (e) =>
        e.object.metadata?.name === 'stuck-shop' &&
        conditionOf(e.object, 'NamespaceFinalizersRemaining')?.status === 'True',
    );
    expect(conditionOf(shop.object, 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: persistentvolumeclaims. has 1 resource instances',
    });
    expect(conditionOf(shop.object, 'NamespaceFinalizersRemaining')).toMatchObject({
      reason: 'SomeFinalizersRemain',
      message:
        'Some content in the namespace has finalizers remaining: kubernetes.io/pvc-protection in 1 resource instances',
    });
    const empty = await namespaces.until(
      (e) =>
        e.object.metadata?.name === 'stuck-empty' &&
        conditionOf(e.object, 'NamespaceDeletionDiscoveryFailure')?.status === 'True',
    );
    expect(conditionOf(empty.object, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({
      reason: 'DiscoveryFailed',
      message: expect.stringMatching(
        /^Discovery failed for some groups, 1 failing: .*metrics\.k8s\.io\/v1beta1/,
      ),
    });

    // Four times the profile's termination delay (in real ms) passes without a DELETED event.
    const { namespaceTerminationMs } = c.sim.profile.timings;
    const waitMs = 4 * namespaceTerminationMs * c.sim.profile.timeScale;
    await expect(namespaces.until((e) => e.type === 'DELETED', waitMs)).rejects.toThrow(/not met within/);
    for (const name of ['stuck-shop', 'stuck-empty']) {
      const ns = await c.core.readNamespace({ name });
      expect(ns.status?.phase).toBe('Terminating');
      expect(ns.spec?.finalizers).toEqual(['kubernetes']);
    }
    const claims = await c.core.listNamespacedPersistentVolumeClaim({ namespace: 'stuck-shop' });
    expect(claims.items).toHaveLength(1);
    expect(claims.items[0]?.metadata?.deletionTimestamp).toBeDefined();
    expect(claims.items[0]?.metadata?.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect((await c.core.listNamespacedConfigMap({ namespace: 'stuck-shop' })).items).toEqual([]);
  });
});
