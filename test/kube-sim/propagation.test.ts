// propagationPolicy on delete, through client-node: a batch/v1 Job left to its default orphans its
// pods (they stay, without the owner reference), Background lets the garbage collector take them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'gc' } } });
});
afterAll(() => c.sim.stop());

const job = (name: string) => ({
  metadata: { name },
  spec: {
    backoffLimit: 0,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'busybox:1.36' }] } },
  },
});

function podOf(jobName: string): Promise<string> {
  const find = () =>
    c.sim.store.list('pods', 'gc').find((p) => p.metadata.labels?.['job-name'] === jobName)?.metadata.name;
  return new Promise((resolve) => {
    const now = find();
    if (now) return resolve(now);
    const off = c.sim.store.subscribe(() => {
      const name = find();
      if (name) {
        off();
        resolve(name);
      }
    });
  });
}

function gone(pod: string): Promise<void> {
  return new Promise((resolve) => {
    if (!c.sim.store.get('pods', 'gc', pod)) return resolve();
    const off = c.sim.store.subscribe((e) => {
      if (e.key === 'pods' && e.type === 'DELETED' && e.object.metadata.name === pod) {
        off();
        resolve();
      }
    });
  });
}

describe('propagationPolicy', () => {
  it('orphans a Job’s pods when the delete names no policy (the batch/v1 default)', async () => {
    await c.batch.createNamespacedJob({ namespace: 'gc', body: job('left') });
    const pod = await podOf('left');
    await c.batch.deleteNamespacedJob({ name: 'left', namespace: 'gc' });
    expect(c.sim.store.get('jobs.batch', 'gc', 'left')).toBeUndefined();
    const orphan = await c.core.readNamespacedPod({ name: pod, namespace: 'gc' });
    expect(orphan.metadata?.ownerReferences).toBeUndefined();
  });

  it('lets the garbage collector delete them with Background', async () => {
    await c.batch.createNamespacedJob({ namespace: 'gc', body: job('taken') });
    const pod = await podOf('taken');
    await c.batch.deleteNamespacedJob({ name: 'taken', namespace: 'gc', propagationPolicy: 'Background' });
    await gone(pod);
    expect(c.sim.store.get('pods', 'gc', pod)).toBeUndefined();
  });

  it('orphans a Deployment’s pods only when asked to', async () => {
    await c.apps.createNamespacedDeployment({
      namespace: 'gc',
      body: {
        metadata: { name: 'web' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'w', image: 'nginx:1.27.0' }] },
          },
        },
      },
    });
    const pod = await new Promise<string>((resolve) => {
      const find = () =>
        c.sim.store.list('pods', 'gc').find((p) => p.metadata.labels?.app === 'web')?.metadata.name;
      const now = find();
      if (now) return resolve(now);
      const off = c.sim.store.subscribe(() => {
        const name = find();
        if (name) {
          off();
          resolve(name);
        }
      });
    });
    await c.apps.deleteNamespacedDeployment({ name: 'web', namespace: 'gc', propagationPolicy: 'Orphan' });
    expect(
      (await c.core.readNamespacedPod({ name: pod, namespace: 'gc' })).metadata?.ownerReferences,
    ).toBeUndefined();
  });
});
