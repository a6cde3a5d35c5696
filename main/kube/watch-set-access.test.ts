// A watch the user may list but not watch is refused by the simulator's RBAC with 403: the set
// must stop once with a clear message, never list again and again.
import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KINDS } from './kinds';
import { startWatchSet } from './watch-set';

let sim: KubeSim;
let listOnly: KubeClient;

beforeAll(async () => {
  sim = await startKubeSim({ seed: 6 });
  const admin = new KubeConfig();
  admin.loadFromString(sim.kubeconfig);
  const core = admin.makeApiClient(CoreV1Api);
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  await core.createNamespace({ body: { metadata: { name: 'shop' } } });
  await core.createNamespacedServiceAccount({ namespace: 'shop', body: { metadata: { name: 'viewer' } } });
  await rbac.createNamespacedRole({
    namespace: 'shop',
    body: {
      metadata: { name: 'list-pods' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace: 'shop',
    body: {
      metadata: { name: 'viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'list-pods' },
      subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace: 'shop' }],
    },
  });
  const token = await core.createNamespacedServiceAccountToken({
    name: 'viewer',
    namespace: 'shop',
    body: { spec: { audiences: [] } },
  });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfigForToken(token.status?.token ?? ''));
  listOnly = new KubeClient(kc, { maxAttempts: 2 });
});
afterAll(() => sim.stop());

const fatal = (kind: (typeof KINDS)[keyof typeof KINDS], namespace?: string) =>
  new Promise<{ error: Error; relists: number }>((resolve) => {
    const set = startWatchSet(
      listOnly,
      kind,
      { namespace },
      {
        onChange: () => undefined,
        onFatal: (error) => resolve({ error: error as Error, relists: set.relists }),
      },
    );
  });

describe('a watch set without the rights it needs', () => {
  it('stops at the first 403 on the watch, saying which verb on what is missing', async () => {
    sim.clearRequests();
    const { error, relists } = await fatal(KINDS.Pod, 'shop');
    expect(error.message).toBe(
      'Not allowed to watch pods in namespace shop (HTTP 403); ask a cluster admin to install or upgrade charts/storedeck-access',
    );
    expect(relists).toBe(0);
    const calls = sim.requests().filter((r) => r.resource === 'pods');
    expect(calls.map((r) => `${r.verb} ${r.status}`)).toEqual(['list 200', 'watch 403']);
  });

  it('stops at a 403 on the list with the apiserver’s own words', async () => {
    const { error } = await fatal(KINDS.StorageClass);
    expect(error.message).toMatch(
      /^Not allowed to list storageclasses cluster-wide \(HTTP 403\): storageclasses\.storage\.k8s\.io is forbidden: User "system:serviceaccount:shop:viewer" cannot list resource "storageclasses" in API group "storage\.k8s\.io" at the cluster scope; ask a cluster admin/,
    );
  });
});
