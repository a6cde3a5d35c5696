// Graceful pod deletion through client-node: a deleted pod stays Terminating (deletionTimestamp
// = end of its grace period, not Ready, phase unchanged) for its grace period in sim time, then
// goes; gracePeriodSeconds 0 removes it at once; controllers behave as upstream meanwhile.
import { describe, expect, it } from 'vitest';
import { gracefulProfile, named, running, useGracefulSim } from './graceful-kit.js';
import { deployment } from './test-kit.js';
import { conditionOf } from './watch-log.js';

// Every deleted pod is held for its whole grace period; the Job named "long" runs for an hour.
const sim = useGracefulSim(gracefulProfile('graceful', { jobRunMs: { long: 3_600_000, '*': 200 } }));
const watch = (path: string) => sim.watch(path);

const plainPod = (name: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27.0' }], ...extra },
});

describe('graceful pod deletion', () => {
  it('keeps a deleted pod Terminating for its grace period, then removes it (MODIFIED, then DELETED)', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'grace' } } });
    const pods = await watch('/api/v1/namespaces/grace/pods');
    await sim.c.core.createNamespacedPod({ namespace: 'grace', body: plainPod('web') });
    await pods.until((e) => named('web')(e) && running(e));

    const deletedAt = sim.c.sim.clock.now();
    const answer = await sim.c.core.deleteNamespacedPod({ name: 'web', namespace: 'grace' });
    expect(answer.metadata?.deletionGracePeriodSeconds).toBe(30);
    const answeredAt = sim.c.sim.clock.now();
    // deletionTimestamp is when the grace period ends (RFC 3339, whole seconds).
    const ends = Date.parse(String(answer.metadata?.deletionTimestamp));
    expect(ends).toBeGreaterThanOrEqual(deletedAt + 30_000 - 1000);
    expect(ends).toBeLessThanOrEqual(answeredAt + 30_000);

    const terminating = await pods.until(
      (e) =>
        e.type === 'MODIFIED' &&
        !!e.object.metadata?.deletionTimestamp &&
        conditionOf(e.object, 'Ready')?.status === 'False',
    );
    expect(terminating.object.status?.phase).toBe('Running');
    const meanwhile = await sim.c.core.readNamespacedPod({ name: 'web', namespace: 'grace' });
    expect(meanwhile.metadata?.deletionTimestamp).toBeDefined();

    const gone = await pods.until((e) => e.type === 'DELETED' && named('web')(e));
    expect(sim.c.sim.clock.now()).toBeGreaterThanOrEqual(deletedAt + 30_000);
    const order = pods.seen.filter(named('web')).map((e) => e.type);
    expect(order.indexOf('MODIFIED')).toBeLessThan(order.indexOf('DELETED'));
    expect(gone.object.metadata?.deletionTimestamp).toBeDefined();
  });

  it('takes the grace period from DeleteOptions, may shorten it, and removes at once with 0 (force)', async () => {
    await sim.c.core.createNamespacedPod({ namespace: 'grace', body: plainPod('short') });
    const pods = await watch('/api/v1/namespaces/grace/pods');
    await pods.until((e) => named('short')(e) && running(e));
    const first = await sim.c.core.deleteNamespacedPod({
      name: 'short',
      namespace: 'grace',
      gracePeriodSeconds: 600,
    });
    expect(first.metadata?.deletionGracePeriodSeconds).toBe(600);
    const longer = await sim.c.core.deleteNamespacedPod({
      name: 'short',
      namespace: 'grace',
      gracePeriodSeconds: 900,
    });
    expect(longer.metadata?.deletionGracePeriodSeconds).toBe(600);
    await sim.c.core.deleteNamespacedPod({ name: 'short', namespace: 'grace', gracePeriodSeconds: 0 });
    expect(sim.c.sim.store.get('pods', 'grace', 'short')).toBeUndefined();
    await pods.until((e) => e.type === 'DELETED' && named('short')(e));
  });

  it('uses spec.terminationGracePeriodSeconds, and removes a pod that never ran on a node at once', async () => {
    await sim.c.core.createNamespacedPod({
      namespace: 'grace',
      body: plainPod('quick', { terminationGracePeriodSeconds: 5 }),
    });
    const pods = await watch('/api/v1/namespaces/grace/pods');
    await pods.until((e) => named('quick')(e) && running(e));
    const answer = await sim.c.core.deleteNamespacedPod({ name: 'quick', namespace: 'grace' });
    expect(answer.metadata?.deletionGracePeriodSeconds).toBe(5);

    await sim.c.core.createNamespacedPod({
      namespace: 'grace',
      body: plainPod('nowhere', { nodeSelector: { 'no-such-label': 'x' } }),
    });
    await sim.c.core.deleteNamespacedPod({ name: 'nowhere', namespace: 'grace' });
    expect(sim.c.sim.store.get('pods', 'grace', 'nowhere')).toBeUndefined();
  });
});

describe('controllers while a pod terminates', () => {
  it('a Deployment replaces a terminating pod at once (it is not counted as active)', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'rs' } } });
    const pods = await watch('/api/v1/namespaces/rs/pods');
    await sim.c.apps.createNamespacedDeployment({ namespace: 'rs', body: deployment('web', 'rs') });
    const first = await pods.until(running);
    const name = String(first.object.metadata?.name);
    await sim.c.core.deleteNamespacedPod({ name, namespace: 'rs' });
    const replacement = await pods.until((e) => e.type === 'ADDED' && !named(name)(e));
    // The replacement exists while the old pod is still terminating.
    expect(pods.seen.some((e) => e.type === 'DELETED' && named(name)(e))).toBe(false);
    expect(sim.c.sim.store.get('pods', 'rs', name)?.metadata.deletionTimestamp).toBeDefined();
    expect(replacement.object.metadata?.name).not.toBe(name);
  });

  it('a Recreate Deployment starts the new pod only once the old one is gone', async () => {
    const pods = await watch('/api/v1/namespaces/rs/pods');
    await sim.c.apps.createNamespacedDeployment({
      namespace: 'rs',
      body: deployment('recreate', 'rs', { strategy: { type: 'Recreate' } }),
    });
    const old = await pods.until((e) => running(e) && e.object.metadata?.labels?.app === 'recreate');
    const oldName = String(old.object.metadata?.name);
    await sim.c.apps.patchNamespacedDeployment({
      name: 'recreate',
      namespace: 'rs',
      body: [{ op: 'add', path: '/spec/template/metadata/annotations', value: { rev: '2' } }],
    });
    const fresh = await pods.until(
      (e) => e.type === 'ADDED' && e.object.metadata?.labels?.app === 'recreate' && !named(oldName)(e),
    );
    const oldGone = pods.seen.findIndex((e) => e.type === 'DELETED' && named(oldName)(e));
    expect(oldGone).toBeGreaterThanOrEqual(0);
    expect(oldGone).toBeLessThan(pods.seen.indexOf(fresh));
  });

  it('a StatefulSet recreates an ordinal only after the old pod is gone', async () => {
    const pods = await watch('/api/v1/namespaces/rs/pods');
    await sim.c.apps.createNamespacedStatefulSet({
      namespace: 'rs',
      body: {
        metadata: { name: 'db' },
        spec: {
          serviceName: 'db',
          selector: { matchLabels: { app: 'db' } },
          template: {
            metadata: { labels: { app: 'db' } },
            spec: { containers: [{ name: 'db', image: 'postgres:16' }] },
          },
        },
      },
    });
    const old = await pods.until((e) => named('db-0')(e) && running(e));
    await sim.c.core.deleteNamespacedPod({ name: 'db-0', namespace: 'rs' });
    const again = await pods.until(
      (e) => e.type === 'ADDED' && named('db-0')(e) && e.object.metadata?.uid !== old.object.metadata?.uid,
    );
    const gone = pods.seen.findIndex(
      (e) => e.type === 'DELETED' && e.object.metadata?.uid === old.object.metadata?.uid,
    );
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(pods.seen.indexOf(again));
  });

  it('namespace deletion waits for its terminating pods', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'leaving' } } });
    const pods = await watch('/api/v1/namespaces/leaving/pods');
    const namespaces = await watch('/api/v1/namespaces');
    await sim.c.core.createNamespacedPod({ namespace: 'leaving', body: plainPod('last') });
    await pods.until((e) => named('last')(e) && running(e));
    await sim.c.core.deleteNamespace({ name: 'leaving' });
    const waiting = await namespaces.until(
      (e) => named('leaving')(e) && conditionOf(e.object, 'NamespaceContentRemaining')?.status === 'True',
    );
    expect(conditionOf(waiting.object, 'NamespaceContentRemaining')?.message).toBe(
      'Some resources are remaining: pods. has 1 resource instances',
    );
    await namespaces.until((e) => e.type === 'DELETED' && named('leaving')(e));
    const podGone = pods.seen.find((e) => e.type === 'DELETED' && named('last')(e));
    expect(podGone).toBeDefined();
  });

  it('a Job counts a pod deleted while running as failed and terminating, and replaces it', async () => {
    await sim.c.core.createNamespace({ body: { metadata: { name: 'jobs' } } });
    const pods = await watch('/api/v1/namespaces/jobs/pods');
    const jobs = await watch('/apis/batch/v1/namespaces/jobs/jobs');
    await sim.c.batch.createNamespacedJob({
      namespace: 'jobs',
      body: {
        metadata: { name: 'long' },
        spec: {
          backoffLimit: 3,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [{ name: 'run', image: 'nginx:1.27.0' }],
            },
          },
        },
      },
    });
    const first = await pods.until((e) => e.object.status?.phase === 'Running');
    const name = String(first.object.metadata?.name);
    await sim.c.core.deleteNamespacedPod({ name, namespace: 'jobs' });
    const counted = await jobs.until((e) => e.object.status?.terminating === 1);
    expect(counted.object.status?.failed).toBe(1);
    await pods.until((e) => e.type === 'ADDED' && !named(name)(e));
  });
});
