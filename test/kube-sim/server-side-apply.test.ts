import { PatchStrategy, setHeaderOptions, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'ssa' } } });
});
afterAll(() => c.sim.stop());

const apply = (obj: object, force = false, manager: string | undefined = 'storedeck') =>
  c.objects.patch(
    structuredClone(obj) as KubernetesObject,
    undefined,
    undefined,
    manager,
    force,
    PatchStrategy.ServerSideApply,
  );

const web = (
  extra: Record<string, unknown> = {},
  labels: Record<string, string> | null = { 'app.kubernetes.io/managed-by': 'storedeck' },
) => {
  const d = deployment('web', 'ssa', extra);
  return labels ? { ...d, metadata: { ...d.metadata, labels } } : d;
};

describe('kube-sim server-side apply through KubernetesObjectApi', () => {
  it('creates when absent and records an Apply entry with fieldsV1', async () => {
    c.sim.clearRequests();
    const created = await apply(web({ replicas: 1 }));
    expect(created.metadata?.uid).toBeTruthy();
    const entry = created.metadata?.managedFields?.find((m) => m.manager === 'storedeck');
    expect(entry).toMatchObject({ operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' });
    expect(entry?.fieldsV1).toMatchObject({
      'f:metadata': { 'f:labels': { 'f:app.kubernetes.io/managed-by': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    });
    const patch = c.sim.requests().find((r) => r.verb === 'patch');
    expect(patch).toMatchObject({
      status: 201,
      fieldManager: 'storedeck',
      resource: 'deployments.apps',
      namespace: 'ssa',
      name: 'web',
    });
  });

  it('a re-apply of the same object is a no-op: same resourceVersion, logged as noop', async () => {
    // A ConfigMap: no controller writes it in between, so the resourceVersion is the apply's alone.
    const config = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'ssa', labels: { a: 'b' } },
      data: { k: 'v' },
    };
    const first = await apply(config);
    c.sim.clearRequests();
    const again = await apply(config);
    expect(again.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
    expect(c.sim.requests().find((r) => r.verb === 'patch')).toMatchObject({
      status: 200,
      noop: true,
      fieldManager: 'storedeck',
    });
    const changed = await apply({ ...config, data: { k: 'w' } });
    expect(Number(changed.metadata?.resourceVersion)).toBeGreaterThan(
      Number(first.metadata?.resourceVersion),
    );
  });

  it('updates what changed and removes fields the manager no longer applies', async () => {
    const updated = await apply(
      web(
        {
          replicas: 1,
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.28.0' }] },
          },
        },
        null,
      ),
    );
    expect(updated.metadata?.labels).toBeUndefined();
    const d = await c.apps.readNamespacedDeployment({ name: 'web', namespace: 'ssa' });
    expect(d.spec?.template.spec?.containers[0]?.image).toBe('nginx:1.28.0');
    expect(d.metadata?.generation).toBe(2);
  });

  it('409 when another manager owns a field with a different value; force takes it over', async () => {
    await c.apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'ssa', fieldManager: 'kubectl-edit', body: { spec: { replicas: 3 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const desired = web(
      {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.28.0' }] },
        },
      },
      null,
    );
    const { code, status } = await failure(apply(desired));
    expect(code).toBe(409);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl-edit" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
      code: 409,
    });
    const forced = await apply(desired, true);
    const d = await c.apps.readNamespacedDeployment({ name: 'web', namespace: 'ssa' });
    expect(d.spec?.replicas).toBe(1);
    expect(forced.metadata?.managedFields?.find((m) => m.manager === 'kubectl-edit')).toBeUndefined();
  });

  it('shares ownership without conflict when the other manager holds the same value', async () => {
    await c.apps.patchNamespacedDeployment(
      {
        name: 'web',
        namespace: 'ssa',
        fieldManager: 'kubectl-edit',
        body: { metadata: { annotations: { note: 'same' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const desired = web(
      {
        replicas: 1,
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.28.0' }] },
        },
      },
      null,
    );
    const applied = await apply({
      ...desired,
      metadata: { ...desired.metadata, annotations: { note: 'same' } },
    });
    expect(applied.metadata?.annotations).toEqual({ note: 'same' });
  });

  it('422 without a fieldManager, as the real server answers an apply patch', async () => {
    const { code, status } = await failure(apply(web(), false, ''));
    expect(code).toBe(422);
    expect(status).toMatchObject({
      reason: 'Invalid',
      message:
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [{ reason: 'FieldValueRequired', field: 'fieldManager' }],
      },
    });
  });

  it('applies cluster-scoped and core objects alike, and validation still runs', async () => {
    const ns = await apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ssa-ns', labels: { a: 'b' } },
    });
    expect(ns.metadata?.labels).toEqual({ a: 'b', 'kubernetes.io/metadata.name': 'ssa-ns' });
    const invalid = await failure(
      apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad_name', namespace: 'ssa' } }),
    );
    expect(invalid.code).toBe(422);
  });
});
