// The access chart's confinement, enforced by the simulator's RBAC and admission policy and
// exercised through client-node as the chart's ServiceAccount: store namespaces yes, anything
// else no — not kube-system's Secrets, not a binding outside Storedeck's namespaces.
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_USER, installAccessChart, type AccessUser } from '../integration/fixtures/access-chart';
import { startKubeSim, type KubeSim } from './index.js';
import { failure } from './test-kit.js';

let sim: KubeSim;
let user: AccessUser;
let core: CoreV1Api;
let rbac: RbacAuthorizationV1Api;
const MANAGED = { 'app.kubernetes.io/managed-by': 'storedeck' };
const storeBinding = (name = 'storedeck-store', role = 'storedeck-store') => ({
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ kind: 'ServiceAccount', name: 'storedeck', namespace: 'storedeck-system' }],
});

beforeAll(async () => {
  sim = await startKubeSim({ seed: 4 });
  user = await installAccessChart(sim);
  core = user.kubeConfig.makeApiClient(CoreV1Api);
  rbac = user.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
});
afterAll(() => sim.stop());

describe('charts/storedeck-access on the simulator', () => {
  it('lets the user create a labelled store namespace and bind the store role inside it', async () => {
    await core.createNamespace({ body: { metadata: { name: 'store-a', labels: MANAGED } } });
    await rbac.createNamespacedRoleBinding({ namespace: 'store-a', body: storeBinding() });
    await core.createNamespacedSecret({
      namespace: 'store-a',
      body: { metadata: { name: 's' }, stringData: { a: 'b' } },
    });
    expect(
      (await core.listNamespacedSecret({ namespace: 'store-a' })).items.map((s) => s.metadata?.name),
    ).toEqual(['s']);
    await core.deleteNamespace({ name: 'store-a' });
  });

  it('refuses a namespace without the Storedeck label, with the admission policy’s message', async () => {
    const { code, status } = await failure(
      core.createNamespace({ body: { metadata: { name: 'elsewhere' } } }),
    );
    expect(code).toBe(403);
    expect(status.message).toBe(
      `namespaces "elsewhere" is forbidden: ValidatingAdmissionPolicy 'storedeck-user-namespaces' with binding 'storedeck-user-namespaces' denied request: Storedeck users may only create namespaces labelled app.kubernetes.io/managed-by=storedeck, and bind roles only inside them`,
    );
  });

  it('refuses to bind the store role in kube-system, so its Secrets stay closed', async () => {
    const bind = await failure(
      rbac.createNamespacedRoleBinding({ namespace: 'kube-system', body: storeBinding() }),
    );
    expect(bind.code).toBe(403);
    expect(bind.status.message).toContain("ValidatingAdmissionPolicy 'storedeck-user-namespaces'");
    const read = await failure(core.listNamespacedSecret({ namespace: 'kube-system' }));
    expect(read.status.message).toBe(
      `secrets is forbidden: User "${ACCESS_USER}" cannot list resource "secrets" in API group "" in the namespace "kube-system"`,
    );
    const del = await failure(core.deleteNamespace({ name: 'kube-system' }));
    expect(del.code).toBe(403);
  });

  it('refuses to bind any other role, even in a store namespace', async () => {
    await core.createNamespace({ body: { metadata: { name: 'store-b', labels: MANAGED } } });
    const { code, status } = await failure(
      rbac.createNamespacedRoleBinding({
        namespace: 'store-b',
        body: storeBinding('admin', 'cluster-admin'),
      }),
    );
    expect(code).toBe(403);
    expect(status.message).toContain('is attempting to grant RBAC permissions not currently held');
  });
});
