import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';
import { conditionOf, openWatch, type WatchEvent, type WatchLog } from './watch-log.js';

// The Job and Deployment controllers, observed only through client-node (Watch, no polling).
// Namespace cascade and quota: cascade-quota.test.ts; object faults: object-faults.test.ts.
let c: SimClients;
const watches: WatchLog[] = [];
const watch = async (path: string, query?: Record<string, string>): Promise<WatchLog> => {
  const w = await openWatch(c.kc, path, query);
  watches.push(w);
  return w;
};
beforeAll(async () => {
  c = await startWithClients({ profile: 'fast' });
  await c.core.createNamespace({ body: { metadata: { name: 'ctl' } } });
});
afterAll(async () => {
  for (const w of watches) w.stop();
  await c.sim.stop();
});

const named = (name: string, type?: string) => (e: WatchEvent) =>
  e.object.metadata?.name === name && (type === undefined || e.type === type);

describe('Job controller through client-node', () => {
  it('completes a Job, then removes it and its pod after ttlSecondsAfterFinished', async () => {
    const jobs = await watch('/apis/batch/v1/namespaces/ctl/jobs');
    const pods = await watch('/api/v1/namespaces/ctl/pods', { labelSelector: 'job-name=setup-ok' });
    const created = await c.batch.createNamespacedJob({
      namespace: 'ctl',
      body: {
        metadata: { name: 'setup-ok' },
        spec: {
          ttlSecondsAfterFinished: 1,
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
    expect(created.spec?.backoffLimit).toBe(6);
    const complete = await jobs.until((e) => conditionOf(e.object, 'Complete')?.status === 'True');
    expect(conditionOf(complete.object, 'SuccessCriteriaMet')?.status).toBe('True');
    expect(conditionOf(complete.object, 'Complete')).toMatchObject({
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    expect(complete.object.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0 });
    expect(complete.object.status?.completionTime).toBeDefined();
    expect(complete.object.status?.failed).toBeUndefined();
    const pod = await pods.until((e) => e.object.status?.phase === 'Succeeded');
    expect(pod.object.metadata?.labels?.['controller-uid']).toBe(created.metadata?.uid);

    const deleted = await jobs.until(named('setup-ok', 'DELETED'), 5000);
    // Event arrival times (real ms; timeScale 1), allowing for delivery jitter on a busy machine.
    expect(deleted.at - complete.at).toBeGreaterThanOrEqual(800);
    await pods.until(named(pod.object.metadata?.name as string, 'DELETED'));
    const gone = await failure(c.batch.readNamespacedJob({ name: 'setup-ok', namespace: 'ctl' }));
    expect(gone.code).toBe(404);
    expect(gone.status.message).toBe('jobs.batch "setup-ok" not found');
  });
});

describe('Deployment controller through client-node', () => {
  it('rolls new pods on a strategic-merge restartedAt patch and returns to available', async () => {
    const deployments = await watch('/apis/apps/v1/namespaces/ctl/deployments', {
      fieldSelector: 'metadata.name=web',
    });
    const pods = await watch('/api/v1/namespaces/ctl/pods', { labelSelector: 'app=web' });
    await c.apps.createNamespacedDeployment({
      namespace: 'ctl',
      body: deployment('web', 'ctl', { replicas: 2 }),
    });
    const settled = (generation: number) => (e: WatchEvent) =>
      e.object.metadata?.generation === generation &&
      e.object.status?.observedGeneration === generation &&
      e.object.status?.updatedReplicas === 2 &&
      e.object.status?.availableReplicas === 2 &&
      e.object.status?.replicas === 2;
    await deployments.until(settled(1));
    const before = await c.core.listNamespacedPod({ namespace: 'ctl', labelSelector: 'app=web' });
    const oldNames = before.items.map((p) => p.metadata?.name as string);
    const oldHash = before.items[0]?.metadata?.labels?.['pod-template-hash'];
    expect(oldNames).toHaveLength(2);

    const restartedAt = new Date(c.sim.clock.now()).toISOString();
    const patchedAt = deployments.seen.length;
    const patched = await c.apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'ctl',
        body: {
          spec: {
            template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': restartedAt } } },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.metadata?.generation).toBe(2);
    expect(patched.spec?.template.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': restartedAt,
    });
    expect(patched.spec?.template.metadata?.labels).toEqual({ app: 'web' });

    const done = await deployments.until(settled(2));
    expect(done.object.status?.unavailableReplicas).toBeUndefined();
    expect(conditionOf(done.object, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    expect(conditionOf(done.object, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
    for (const old of oldNames) await pods.until(named(old, 'DELETED'));
    // RollingUpdate defaults for 2 replicas: maxSurge 25% rounds up to 1 (a third pod runs for a
    // while), maxUnavailable 25% rounds down to 0 (never fewer than 2 available).
    const rollout = deployments.seen.slice(patchedAt).map((e) => e.object.status ?? {});
    expect(rollout.some((s) => s.replicas === 3)).toBe(true);
    for (const s of rollout) expect(s.availableReplicas ?? 0).toBeGreaterThanOrEqual(2);

    const after = await c.core.listNamespacedPod({ namespace: 'ctl', labelSelector: 'app=web' });
    const newNames = after.items.map((p) => p.metadata?.name as string);
    expect(newNames).toHaveLength(2);
    for (const name of newNames) expect(oldNames).not.toContain(name);
    for (const p of after.items) {
      expect(p.status?.phase).toBe('Running');
      expect(p.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(restartedAt);
      expect(p.metadata?.labels?.['pod-template-hash']).not.toBe(oldHash);
      expect(p.metadata?.name?.startsWith(`web-${p.metadata?.labels?.['pod-template-hash']}-`)).toBe(true);
    }
    const dep = await c.apps.readNamespacedDeployment({ name: 'web', namespace: 'ctl' });
    expect(dep.status?.observedGeneration).toBe(dep.metadata?.generation);
  });
});
