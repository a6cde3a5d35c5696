import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'patch' } } });
});
afterAll(() => c.sim.stop());

const twoContainers = (name: string) =>
  deployment(name, 'patch', {
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          { name: 'web', image: 'nginx:1.27.0', env: [{ name: 'A', value: '1' }] },
          { name: 'side', image: 'busybox:1.36' },
        ],
      },
    },
  });

describe('kube-sim patch types through client-node', () => {
  it('merge patch (RFC 7386): maps merge, null deletes, lists replace', async () => {
    await c.apps.createNamespacedDeployment({
      namespace: 'patch',
      body: {
        ...twoContainers('mp'),
        metadata: { name: 'mp', namespace: 'patch', labels: { a: '1', b: '2' } },
      },
    });
    const patched = await c.apps.patchNamespacedDeployment(
      {
        name: 'mp',
        namespace: 'patch',
        body: {
          metadata: { labels: { b: null, c: '3' } },
          spec: { template: { spec: { containers: [{ name: 'only', image: 'x:1' }] } } },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.metadata?.labels).toEqual({ a: '1', c: '3' });
    expect(patched.spec?.template.spec?.containers.map((x) => x.name)).toEqual(['only']);
    expect(patched.metadata?.generation).toBe(2);
  });

  it('strategic merge patch: a rollout-restart annotation, and containers merged by name', async () => {
    await c.apps.createNamespacedDeployment({ namespace: 'patch', body: twoContainers('smp') });
    const restart = await c.apps.patchNamespacedDeployment(
      {
        name: 'smp',
        namespace: 'patch',
        body: {
          spec: {
            template: {
              metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } },
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(restart.spec?.template.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z',
    });
    expect(restart.metadata?.generation).toBe(2);
    const image = await c.apps.patchNamespacedDeployment(
      {
        name: 'smp',
        namespace: 'patch',
        body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28.0' }] } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    const containers = image.spec?.template.spec?.containers ?? [];
    expect(containers.map((x) => `${x.name}=${x.image}`)).toEqual(['web=nginx:1.28.0', 'side=busybox:1.36']);
    expect(containers[0]?.env).toEqual([{ name: 'A', value: '1' }]);
    const removed = await c.apps.patchNamespacedDeployment(
      {
        name: 'smp',
        namespace: 'patch',
        body: { spec: { template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(removed.spec?.template.spec?.containers.map((x) => x.name)).toEqual(['web']);
  });

  it('JSON patch (RFC 6902) is what a typed patch sends by default', async () => {
    await c.apps.createNamespacedDeployment({ namespace: 'patch', body: deployment('jp', 'patch') });
    const patched = await c.apps.patchNamespacedDeployment({
      name: 'jp',
      namespace: 'patch',
      body: [
        { op: 'replace', path: '/spec/replicas', value: 4 },
        { op: 'add', path: '/metadata/annotations', value: { 'x/y': 'z' } },
      ],
    });
    expect(patched.spec?.replicas).toBe(4);
    expect(patched.metadata?.annotations).toEqual({ 'x/y': 'z' });
    const failed = await failure(
      c.apps.patchNamespacedDeployment({
        name: 'jp',
        namespace: 'patch',
        body: [{ op: 'test', path: '/spec/replicas', value: 1 }],
      }),
    );
    expect(failed.code).toBe(422);
    const wrongShape = await failure(
      c.apps.patchNamespacedDeployment({ name: 'jp', namespace: 'patch', body: { spec: { replicas: 1 } } }),
    );
    expect(wrongShape.code).toBe(400);
  });

  it('patches status through the status subresource without touching spec', async () => {
    const before = await c.apps.readNamespacedDeployment({ name: 'jp', namespace: 'patch' });
    const patched = await c.apps.patchNamespacedDeploymentStatus(
      { name: 'jp', namespace: 'patch', body: { status: { observedGeneration: 42 }, spec: { replicas: 9 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.status?.observedGeneration).toBe(42);
    expect(patched.spec?.replicas).toBe(before.spec?.replicas);
  });

  it('records an Update entry in managedFields for the patching manager', async () => {
    const patched = await c.apps.patchNamespacedDeployment(
      { name: 'jp', namespace: 'patch', fieldManager: 'scaler', body: { spec: { replicas: 6 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const entry = patched.metadata?.managedFields?.find((m) => m.manager === 'scaler');
    expect(entry).toMatchObject({
      operation: 'Update',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    });
  });

  it('404 for a patch of a missing object, 422 for force on a non-apply patch', async () => {
    expect(
      (await failure(c.apps.patchNamespacedDeployment({ name: 'ghost', namespace: 'patch', body: [] }))).code,
    ).toBe(404);
    const forced = await failure(
      c.apps.patchNamespacedDeployment(
        { name: 'jp', namespace: 'patch', force: true, body: { spec: {} } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(forced.code).toBe(422);
    expect(forced.status.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
  });
});
