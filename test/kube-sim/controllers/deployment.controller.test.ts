import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../types.js';
import { podTemplateHash } from './deployment.controller.js';
import { condition, namespace, podsOf, startHarness, type Harness } from './test-harness.js';

let h: Harness;
afterEach(() => h?.stop());

const deploy = (name: string, extra: Record<string, unknown> = {}, image = 'nginx:1.27.0') => ({
  metadata: { name, namespace: 'shop' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'web', image, readinessProbe: { httpGet: { path: '/', port: 80 } } }] },
    },
    ...extra,
  },
});

const isAvailable = (d: KubeObject | undefined): boolean =>
  d?.status?.availableReplicas === 1 && condition(d, 'Progressing')?.reason === 'NewReplicaSetAvailable';

describe('deployment controller', () => {
  it('creates a hashed pod that goes through ContainerCreating to Running and Ready, and reports it in the status', async () => {
    h = startHarness();
    namespace(h, 'shop');
    const seen = new Set<string>();
    h.store.subscribe((e) => {
      if (e.key !== 'pods') return;
      const cs = e.object.status?.containerStatuses?.[0];
      seen.add(
        cs?.state?.waiting?.reason ??
          (cs?.state?.running ? (cs.ready ? 'Ready' : 'Running') : (e.object.status?.phase ?? 'none')),
      );
    });
    h.create('deployments.apps', deploy('web'));
    const d = await h.waitFor('deployments.apps', 'shop', 'web', isAvailable);
    const [pod] = podsOf(h, 'shop', 'web');
    const hash = podTemplateHash(h.store.get('deployments.apps', 'shop', 'web')?.spec.template);
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(pod?.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(pod?.metadata.labels?.['pod-template-hash']).toBe(hash);
    expect(pod?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
    });
    expect(pod?.spec.nodeName).toMatch(/^sim-node-\d$/);
    expect(pod?.status.phase).toBe('Running');
    expect(condition(pod, 'Ready')?.status).toBe('True');
    expect(condition(pod, 'PodScheduled')?.status).toBe('True');
    expect(pod?.status.containerStatuses[0]).toMatchObject({
      name: 'web',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.27.0',
    });
    expect(pod?.status.containerStatuses[0].imageID).toMatch(
      /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/,
    );
    expect([...seen]).toEqual(expect.arrayContaining(['ContainerCreating', 'Running', 'Ready']));
    expect(d?.status).toMatchObject({
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    expect(condition(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(condition(d, 'Progressing')?.message).toBe(
      `ReplicaSet "web-${hash}" has successfully progressed.`,
    );
    const reasons = h.events('shop').map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'ScalingReplicaSet',
        'SuccessfulCreate',
        'Scheduled',
        'Pulling',
        'Pulled',
        'Created',
        'Started',
      ]),
    );
  });

  it('rolls the pods on a restartedAt annotation: RollingUpdate starts the new pod before removing the old', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('web'));
    await h.waitFor('deployments.apps', 'shop', 'web', isAvailable);
    const oldPod = podsOf(h, 'shop', 'web')[0] as KubeObject;
    let overlap = false;
    h.store.subscribe(() => {
      if (podsOf(h, 'shop', 'web').length === 2) overlap = true;
    });
    const d = h.store.get('deployments.apps', 'shop', 'web') as KubeObject;
    d.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' };
    h.store.update('deployments.apps', d);
    const rolled = await h.waitFor(
      'deployments.apps',
      'shop',
      'web',
      (x) => x?.status?.observedGeneration === 2 && isAvailable(x) && podsOf(h, 'shop', 'web').length === 1,
    );
    const [newPod] = podsOf(h, 'shop', 'web');
    expect(newPod?.metadata.name).not.toBe(oldPod.metadata.name);
    expect(newPod?.metadata.labels?.['pod-template-hash']).not.toBe(
      oldPod.metadata.labels?.['pod-template-hash'],
    );
    expect(overlap).toBe(true);
    expect(rolled?.metadata.generation).toBe(2);
  });

  it('Recreate removes the old pod before the new one exists', async () => {
    h = startHarness();
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('db', { strategy: { type: 'Recreate' } }, 'mysql:8.4.10'));
    await h.waitFor('deployments.apps', 'shop', 'db', isAvailable);
    let overlap = false;
    h.store.subscribe(() => {
      if (podsOf(h, 'shop', 'db').length > 1) overlap = true;
    });
    const d = h.store.get('deployments.apps', 'shop', 'db') as KubeObject;
    d.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': 'now' };
    h.store.update('deployments.apps', d);
    await h.waitFor(
      'deployments.apps',
      'shop',
      'db',
      (x) => x?.status?.observedGeneration === 2 && isAvailable(x),
    );
    expect(overlap).toBe(false);
  });

  it('ends in ImagePullBackOff for an image matching the fault pattern, with Failed and BackOff events', async () => {
    h = startHarness({ faults: { imagePullFailPattern: 'does-not-exist' } });
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('web', {}, 'nginx:does-not-exist'));
    await h.until(
      () =>
        podsOf(h, 'shop', 'web')[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
        'ImagePullBackOff',
      'ImagePullBackOff',
    );
    const pod = podsOf(h, 'shop', 'web')[0] as KubeObject;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses[0].state.waiting.message).toContain(
      'Back-off pulling image "nginx:does-not-exist"',
    );
    const failed = h.events('shop', 'Failed').map((e) => e.message);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Failed to pull image "nginx:does-not-exist": rpc error: code = NotFound'),
        'Error: ErrImagePull',
        'Error: ImagePullBackOff',
      ]),
    );
    expect(h.events('shop', 'BackOff')[0]?.message).toBe('Back-off pulling image "nginx:does-not-exist"');
    expect(condition(h.store.get('deployments.apps', 'shop', 'web'), 'Available')?.status).toBe('False');
  });

  it('crash-loops a matching image: Error exit, then CrashLoopBackOff with a growing restart count', async () => {
    h = startHarness({ faults: { crashLoopPattern: '^busybox' } });
    namespace(h, 'shop');
    h.create('deployments.apps', deploy('crash', {}, 'busybox:1.36'));
    await h.until(
      () => (podsOf(h, 'shop', 'crash')[0]?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 3,
      'three restarts',
    );
    const cs = (podsOf(h, 'shop', 'crash')[0] as KubeObject).status.containerStatuses[0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const states = h.events('shop', 'BackOff').map((e) => e.message);
    expect(states[0]).toMatch(/^Back-off restarting failed container web in pod crash-\w+-\w+_shop\(/);
    await h.until(
      () =>
        podsOf(h, 'shop', 'crash')[0]?.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
        'CrashLoopBackOff',
      'CrashLoopBackOff',
    );
    const waiting = (podsOf(h, 'shop', 'crash')[0] as KubeObject).status.containerStatuses[0].state.waiting;
    // The fast profile's back-offs (100 ms doubling) printed as Go does, e.g. "400ms", never "0s";
    // which doubling is current depends on when the check runs, so any non-zero one passes.
    expect(waiting.message).toMatch(/^back-off [1-9]\d*(ms|s) restarting failed container=web pod=crash-/);
    expect((podsOf(h, 'shop', 'crash')[0] as KubeObject).status.phase).toBe('Running');
  });
});
