// propagationPolicy Foreground and the Job TTL (which deletes in the foreground), and quota while
// pods terminate, through client-node: the owner lingers with a deletionTimestamp and the
// foregroundDeletion finalizer until its pods are gone; a terminating pod keeps counting against
// ResourceQuota, and admission judges by status.used as the quota controller last wrote it.
import { describe, expect, it } from 'vitest';
import { gracefulProfile, named, running, useGracefulSim } from './graceful-kit.js';
import { deployment, failure } from './test-kit.js';
import { conditionOf, type WatchEvent } from './watch-log.js';

// Pods held for their whole grace period; the quota recount lags 150 s sim (1.5 s real), so the
// tests can act inside that window even on a loaded machine.
const sim = useGracefulSim(gracefulProfile('foreground', { quotaSyncMs: 150_000 }), async (c) => {
  await c.core.createNamespace({ body: { metadata: { name: 'fg' } } });
});
const watch = (path: string) => sim.watch(path);

describe('propagationPolicy Foreground', () => {
  it('keeps the Deployment, marked and finalized, until its terminating pods are gone', async () => {
    const pods = await watch('/api/v1/namespaces/fg/pods');
    const deployments = await watch('/apis/apps/v1/namespaces/fg/deployments');
    await sim.c.apps.createNamespacedDeployment({ namespace: 'fg', body: deployment('web', 'fg') });
    const pod = await pods.until(running);
    const answer = await sim.c.apps.deleteNamespacedDeployment({
      name: 'web',
      namespace: 'fg',
      propagationPolicy: 'Foreground',
    });
    expect(answer).toMatchObject({ kind: 'Deployment' });
    const lingering = await sim.c.apps.readNamespacedDeployment({ name: 'web', namespace: 'fg' });
    expect(lingering.metadata?.deletionTimestamp).toBeDefined();
    expect(lingering.metadata?.finalizers).toEqual(['foregroundDeletion']);

    const ownerGone = await deployments.until((e) => e.type === 'DELETED' && named('web')(e));
    const podGone = await pods.until(
      (e) => e.type === 'DELETED' && named(String(pod.object.metadata?.name))(e),
    );
    expect(Number(podGone.object.metadata?.resourceVersion)).toBeLessThan(
      Number(ownerGone.object.metadata?.resourceVersion),
    );
    // The pod terminated gracefully and was gone before its owner.
    const podTerminating = pods.seen.find(
      (e) => e.type === 'MODIFIED' && !!e.object.metadata?.deletionTimestamp,
    );
    expect(podTerminating?.object.metadata?.deletionTimestamp).toBeDefined();
    expect(sim.c.sim.store.list('pods', 'fg')).toEqual([]);
  });

  it('the Job TTL deletes in the foreground: the Job lingers with its finalizer, then goes after its pods', async () => {
    const jobs = await watch('/apis/batch/v1/namespaces/fg/jobs');
    const pods = await watch('/api/v1/namespaces/fg/pods');
    await sim.c.batch.createNamespacedJob({
      namespace: 'fg',
      body: {
        metadata: { name: 'once' },
        spec: {
          ttlSecondsAfterFinished: 0,
          template: {
            spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'busybox:1.36' }] },
          },
        },
      },
    });
    const marked = await jobs.until((e) => named('once')(e) && !!e.object.metadata?.deletionTimestamp);
    expect(marked.type).toBe('MODIFIED');
    expect(marked.object.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(conditionOf(marked.object, 'Complete')?.status).toBe('True');
    const jobGone = await jobs.until((e) => e.type === 'DELETED' && named('once')(e));
    const podGone = await pods.until((e) => e.type === 'DELETED');
    // One resourceVersion sequence orders both streams: the pod went first.
    const rv = (e: WatchEvent) => Number(e.object.metadata?.resourceVersion);
    expect(rv(podGone)).toBeLessThan(rv(jobGone));
    expect(rv(marked)).toBeLessThan(rv(podGone));
  });
});

describe('quota while pods terminate', () => {
  it('counts a terminating pod until it is gone, and admits by the last recount', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'q' } } });
    const quotas = await watch('/api/v1/namespaces/q/resourcequotas');
    const pods = await watch('/api/v1/namespaces/q/pods');
    await sim.c.core.createNamespacedResourceQuota({
      namespace: 'q',
      body: { metadata: { name: 'store-quota' }, spec: { hard: { pods: '1' } } },
    });
    await quotas.until((e) => e.object.status?.used?.pods === '0');
    const body = (name: string) => ({
      metadata: { name },
      spec: { containers: [{ name: 'w', image: 'nginx:1.27.0' }] },
    });
    await sim.c.core.createNamespacedPod({ namespace: 'q', body: body('a') });
    await pods.until((e) => named('a')(e) && running(e));

    // 150 s of grace (1.5 s real): room to be refused while it terminates.
    await sim.c.core.deleteNamespacedPod({ name: 'a', namespace: 'q', gracePeriodSeconds: 150 });
    const refused = await failure(sim.c.core.createNamespacedPod({ namespace: 'q', body: body('b') }));
    expect(refused.code).toBe(403);
    expect(refused.status.message).toBe(
      'pods "b" is forbidden: exceeded quota: store-quota, requested: pods=1, used: pods=1, limited: pods=1',
    );

    // Gone, but the controller has not recounted yet: still refused by the status it last wrote.
    await pods.until((e) => e.type === 'DELETED' && named('a')(e));
    const stale = await sim.c.core.readNamespacedResourceQuota({ name: 'store-quota', namespace: 'q' });
    expect(stale.status?.used?.pods).toBe('1');
    expect((await failure(sim.c.core.createNamespacedPod({ namespace: 'q', body: body('b') }))).code).toBe(
      403,
    );

    await quotas.until(
      (e) =>
        e.object.status?.used?.pods === '0' &&
        Number(e.object.metadata?.resourceVersion) > Number(stale.metadata?.resourceVersion),
    );
    const admitted = await sim.c.core.createNamespacedPod({ namespace: 'q', body: body('b') });
    expect(admitted.metadata?.name).toBe('b');
    // Admission charged status.used at once, before the controller's next recount.
    const charged = await sim.c.core.readNamespacedResourceQuota({ name: 'store-quota', namespace: 'q' });
    expect(charged.status?.used?.pods).toBe('1');
  });

  it('refuses while the quota status does not track a resource yet ("status unknown")', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'unknown' } } });
    const quotas = await watch('/api/v1/namespaces/unknown/resourcequotas');
    await sim.c.core.createNamespacedResourceQuota({
      namespace: 'unknown',
      body: { metadata: { name: 'q' }, spec: { hard: { pods: '5' } } },
    });
    const counted = await quotas.until((e) => e.object.status?.used?.pods === '0');
    // Someone rewrites the status without usage; the controller's next recount is 150 s (sim) away.
    await sim.c.core.replaceNamespacedResourceQuotaStatus({
      name: 'q',
      namespace: 'unknown',
      body: {
        metadata: { name: 'q', resourceVersion: counted.object.metadata?.resourceVersion },
        spec: { hard: { pods: '5' } },
        status: { hard: { pods: '5' } },
      },
    });
    const refused = await failure(
      sim.c.core.createNamespacedPod({
        namespace: 'unknown',
        body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'w', image: 'nginx:1.27.0' }] } },
      }),
    );
    expect(refused.code).toBe(403);
    expect(refused.status.message).toBe(
      'pods "p" is forbidden: status unknown for quota: q, resources: pods',
    );
  });
});
